package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes the base64 BINARY2 stream of a result with two threads once it is larger than one batch: the calling thread
 * reads batch k+1 from the {@link RowSource} while an encoder thread encodes batch k and writes it to the output. Two
 * batches circulate (one being filled, one being encoded), so the reader is never more than one batch ahead and no
 * buffer is allocated per batch. A result of one batch or less is encoded on the calling thread, without a thread.
 *
 * <p>Order: one encoder takes the batches in the order they were filled, so the bytes are those of the one-thread
 * encoding. Errors: a failure of the encoder (the client went away) is thrown by the calling thread at its next
 * hand-off, as the same exception; a failure of the reader (an SQL error, the query's time limit) stops the encoder
 * after the batch it is encoding, and {@link #write} returns only once the encoder thread has ended, so that nothing is
 * written to the output after it returns. An interrupt of the calling thread (an aborted job) interrupts the encoder too,
 * and {@link #write} throws an {@link InterruptedIOException} with the calling thread's interrupt flag still set.
 *
 * <p>{@code -Dskysieve.binary2.threads=1} encodes on the calling thread only (to compare).
 */
final class Binary2Pipeline {
    /** Whether BINARY2 is encoded in a second thread (system property {@code skysieve.binary2.threads}, 2 by default). */
    static final boolean TWO_THREADS = !"1".equals(System.getProperty("skysieve.binary2.threads", "2"));

    private final LimitedBatches limited;
    private final ColumnBatch second;
    private final Binary2Rows encoder;
    private final Base64Lines base64;
    /** Filled batches, in order, then {@link #end}; bounded by the two batches that exist. */
    private final BlockingQueue<ColumnBatch> filled = new LinkedBlockingQueue<>();
    /** Batches the encoder is done with, or {@link #failed} once it failed. */
    private final BlockingQueue<ColumnBatch> free = new LinkedBlockingQueue<>();
    private final ColumnBatch end = new ColumnBatch(List.of());
    private final ColumnBatch failed = new ColumnBatch(List.of());
    private volatile Throwable failure;

    /**
     * @param limited the rows to write (its own batch is the first of the two)
     * @param second an empty batch with the same columns
     * @param out where the base64 lines go (closed by neither thread)
     */
    Binary2Pipeline(LimitedBatches limited, ColumnBatch second, OutputStream out) {
        this.limited = requireNonNull(limited, "limited is null");
        this.second = requireNonNull(second, "second is null");
        this.encoder = new Binary2Rows(limited.batch().types);
        this.base64 = new Base64Lines(requireNonNull(out, "out is null"));
    }

    /** Writes all the rows {@code limited} gives, base64-encoded, then the last line's end; the caller's thread. */
    void write() throws IOException, SQLException {
        ColumnBatch first = limited.batch();
        if (limited.next(first)) {
            if (TWO_THREADS && limited.next(second)) {
                writeInTwoThreads(first);
            } else {
                encode(first);
                while (limited.next(first)) {
                    encode(first);
                }
            }
        }
        base64.finish();
    }

    private void encode(ColumnBatch batch) throws IOException {
        encoder.encode(batch);
        base64.write(encoder.buffer(), 0, encoder.size());
    }

    /** Both batches are filled: {@code first}, then {@link #second}. */
    private void writeInTwoThreads(ColumnBatch first) throws IOException, SQLException {
        Thread thread = new Thread(this::encodeFilled, "binary2-encoder");
        thread.setDaemon(true);
        filled.add(first);
        filled.add(second);
        thread.start();
        boolean ended = false;
        try {
            while (true) {
                ColumnBatch batch = free.take();
                if (batch == failed) {
                    break;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                if (!limited.next(batch)) {
                    break;
                }
                filled.add(batch);
            }
            filled.add(end);
            joinUninterruptibly(thread);
            ended = true;
        } catch (InterruptedException interrupted) {
            thread.interrupt();
            stop(thread);
            ended = true;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("BINARY2 writing was interrupted");
        } finally {
            if (!ended) {
                stop(thread);
            }
        }
        rethrowFailure();
    }

    /** The encoder thread: encodes and writes the filled batches in order until {@link #end} or a failure. */
    private void encodeFilled() {
        try {
            while (true) {
                ColumnBatch batch = filled.take();
                if (batch == end) {
                    return;
                }
                encode(batch);
                free.add(batch);
            }
        } catch (Throwable throwable) {
            failure = throwable instanceof InterruptedException ? new InterruptedIOException("BINARY2 encoding was interrupted")
                    : throwable;
            free.add(failed);
        }
    }

    /** Lets the encoder finish its batch, then end, and waits for it (the reader failed or was interrupted). */
    private void stop(Thread thread) {
        filled.clear();
        filled.add(end);
        joinUninterruptibly(thread);
    }

    private void rethrowFailure() throws IOException {
        Throwable thrown = failure;
        if (thrown instanceof IOException io) {
            throw io;
        } else if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        } else if (thrown instanceof Error error) {
            throw error;
        } else if (thrown != null) {
            throw new IOException("BINARY2 encoding failed: " + thrown, thrown);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
