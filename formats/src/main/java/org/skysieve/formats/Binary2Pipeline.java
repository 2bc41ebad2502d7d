package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;

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
 * and {@link #write} throws an {@link java.io.InterruptedIOException} with the calling thread's interrupt flag still set.
 *
 * <p>The threads are {@link BatchPipeline}'s (one spare batch). {@code -Dskysieve.binary2.threads=1} encodes on the calling thread only (to compare).
 */
final class Binary2Pipeline {
    /** Whether BINARY2 is encoded in a second thread (system property {@code skysieve.binary2.threads}, 2 by default). */
    static final boolean TWO_THREADS = !"1".equals(System.getProperty("skysieve.binary2.threads", "2"));

    private final LimitedBatches limited;
    private final ColumnBatch second;
    private final Binary2Rows encoder;
    private final Base64Lines base64;

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
        new BatchPipeline(limited, TWO_THREADS ? List.of(second) : List.of(), this::encode, "binary2-encoder").run();
        base64.finish();
    }

    private void encode(ColumnBatch batch) throws IOException {
        encoder.encode(batch);
        base64.write(encoder.buffer(), 0, encoder.size());
    }
}
