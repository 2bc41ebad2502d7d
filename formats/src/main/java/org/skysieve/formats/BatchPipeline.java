package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands the batches of a result to a {@link BatchConsumer} on a second thread once the result is larger than one
 * batch: the calling thread reads the next batches from the rows while the consumer thread takes batch k. A fixed set
 * of batches circulates (one being filled, the others being consumed or waiting), so the reader is at most that many
 * batches ahead and nothing is allocated per batch; the consumer sees the batches in order. A result of one batch or less is consumed on the calling thread.
 *
 * <p>Errors: a failure of the consumer (the client went away) is thrown by the calling thread as the same exception; a
 * failure of the reader (an SQL error, the query's time limit) lets the consumer finish its batch and end, then is
 * thrown. {@link #run} returns or throws only once the consumer thread has ended, so the consumer's state may be used
 * by the caller afterwards and nothing is written after it returns. An interrupt of the calling thread (an aborted
 * job) interrupts the consumer too; {@link #run} then throws an {@link InterruptedIOException} with the calling
 * thread's interrupt flag still set.
 */
final class BatchPipeline {
    /** Takes the rows of one batch (which is reused once this returns). */
    @FunctionalInterface
    interface BatchConsumer {
        void accept(ColumnBatch batch) throws IOException;
    }

    private final LimitedBatches limited;
    private final List<ColumnBatch> spares;
    private final BatchConsumer consumer;
    private final String threadName;
    private final BlockingQueue<ColumnBatch> filled = new LinkedBlockingQueue<>();
    private final BlockingQueue<ColumnBatch> free = new LinkedBlockingQueue<>();
    private final ColumnBatch end = new ColumnBatch(List.of());
    private final ColumnBatch failed = new ColumnBatch(List.of());
    private volatile Throwable failure;

    /**
     * @param limited the rows (its own batch is the first)
     * @param spares empty batches with the same columns, which the reader may fill while the consumer is busy (one
     *     or more; more let the reader go on while the consumer writes); none to consume every batch on the calling thread
     */
    BatchPipeline(LimitedBatches limited, List<ColumnBatch> spares, BatchConsumer consumer, String threadName) {
        this.limited = requireNonNull(limited, "limited is null");
        this.spares = List.copyOf(spares);
        this.consumer = requireNonNull(consumer, "consumer is null");
        this.threadName = requireNonNull(threadName, "threadName is null");
    }

    /** Reads every row {@code limited} gives and hands each batch to the consumer, in order. */
    void run() throws IOException, SQLException {
        ColumnBatch first = limited.batch();
        if (!limited.next(first)) {
            return;
        }
        if (!spares.isEmpty() && limited.next(spares.get(0))) {
            runInTwoThreads(first);
            return;
        }
        consumer.accept(first);
        while (limited.next(first)) {
            consumer.accept(first);
        }
    }

    private void runInTwoThreads(ColumnBatch first) throws IOException, SQLException {
        Thread thread = new Thread(this::consumeFilled, threadName);
        thread.setDaemon(true);
        filled.add(first);
        filled.add(spares.get(0));
        free.addAll(spares.subList(1, spares.size()));
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
            throw new InterruptedIOException("Writing the result was interrupted");
        } finally {
            if (!ended) {
                stop(thread);
            }
        }
        rethrowFailure();
    }

    private void consumeFilled() {
        try {
            while (true) {
                ColumnBatch batch = filled.take();
                if (batch == end) {
                    return;
                }
                consumer.accept(batch);
                free.add(batch);
            }
        } catch (Throwable throwable) {
            failure = throwable instanceof InterruptedException ? new InterruptedIOException("Writing the result was interrupted")
                    : throwable;
            free.add(failed);
        }
    }

    /** Lets the consumer finish its batch, then end, and waits for it. */
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
            throw new IOException("Writing the result failed: " + thrown, thrown);
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
