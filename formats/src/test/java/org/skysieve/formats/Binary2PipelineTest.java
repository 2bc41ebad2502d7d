package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * The two-thread BINARY2 writer: its bytes are the JDK's MIME base64 of the row-by-row oracle ({@link RowByRowBinary2})
 * for results of 0 to many batches of uneven sizes with a reader and a writer of random speeds (order kept); a failing
 * output, a failing reader and an interrupted caller end the write with that error and leave no thread writing after.
 */
class Binary2PipelineTest {
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "the row number"),
            ColumnDoc.of("name", ColumnType.STRING, "", "meta.note", "a label, null every 7th row"));

    @Test
    void bytesAreTheOracleOnesWhateverTheBatchesAndSpeeds() throws Exception {
        Random random = new Random(11);
        for (long rows : new long[] {0, 1, 2047, 2048, 2049, 4096, 10_000, 23_456}) {
            for (long maxRows : new long[] {rows, rows / 2 + 1}) {
                long written = Math.min(rows, maxRows);
                ByteArrayOutputStream actual = new ByteArrayOutputStream();
                OutputStream slow = new FilterStream(actual) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        pause(random);
                        out.write(bytes, offset, length);
                    }
                };
                LimitedBatches limited = new LimitedBatches(new Counting(rows, random, -1), new ColumnBatch(COLUMNS), maxRows);
                new Binary2Pipeline(limited, new ColumnBatch(COLUMNS), slow).write();
                WriteSummary summary = limited.summary();

                assertThat(summary.rows()).isEqualTo(written);
                assertThat(summary.overflow()).isEqualTo(rows > maxRows);
                assertThat(actual.toString()).as("%d rows of %d", written, rows).isEqualTo(oracle(written));
            }
        }
    }

    @Test
    void aFailingOutputIsThrownByTheCallerAndEndsTheEncoder() throws Exception {
        AtomicLong bytesAfterFailure = new AtomicLong();
        IOException gone = new IOException("the client went away");
        OutputStream failing = new FilterStream(OutputStream.nullOutputStream()) {
            private long bytes;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (this.bytes > 200_000) {
                    bytesAfterFailure.addAndGet(length);
                    throw gone;
                }
                this.bytes += length;
            }
        };
        LimitedBatches limited = new LimitedBatches(new Counting(1_000_000, new Random(3), -1), new ColumnBatch(COLUMNS), 1_000_000);

        assertThatThrownBy(() -> new Binary2Pipeline(limited, new ColumnBatch(COLUMNS), failing).write()).isSameAs(gone);
        // the encoder stopped at its first failure: one failed write, none after
        assertThat(bytesAfterFailure.get()).isPositive().isLessThan(200_000);
        assertThat(encoderThreads()).isZero();
    }

    @Test
    void aFailingReaderIsThrownAndNothingIsWrittenAfterTheWriteEnds() throws Exception {
        AtomicBoolean ended = new AtomicBoolean();
        AtomicLong writesAfterEnd = new AtomicLong();
        OutputStream watched = new FilterStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                pause(new Random());
                if (ended.get()) {
                    writesAfterEnd.incrementAndGet();
                }
            }
        };
        LimitedBatches limited = new LimitedBatches(new Counting(100_000, new Random(5), 9), new ColumnBatch(COLUMNS), 100_000);

        assertThatThrownBy(() -> new Binary2Pipeline(limited, new ColumnBatch(COLUMNS), watched).write())
                .isInstanceOf(SQLException.class).hasMessageContaining("batch 9");
        ended.set(true);
        // the encoder is gone (write joins it before it returns), so any write it made after the end is counted now
        assertThat(encoderThreads()).isZero();
        assertThat(writesAfterEnd.get()).isZero();
    }

    @Test
    void anInterruptedCallerStopsTheEncoderAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream blocking = new FilterStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writing.countDown();
                try {
                    Thread.sleep(60_000); // a client that reads nothing: only an interrupt ends this
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted in write");
                }
            }
        };
        LimitedBatches limited = new LimitedBatches(new Counting(1_000_000, new Random(9), -1), new ColumnBatch(COLUMNS), 1_000_000);
        Throwable[] thrown = new Throwable[1];
        boolean[] flag = new boolean[1];
        Thread caller = new Thread(() -> {
            try {
                new Binary2Pipeline(limited, new ColumnBatch(COLUMNS), blocking).write();
            } catch (Throwable throwable) {
                thrown[0] = throwable;
            }
            flag[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        writing.await();
        caller.interrupt();
        caller.join(300_000); // only a hang waits this long

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(InterruptedIOException.class);
        assertThat(flag[0]).isTrue();
        assertThat(encoderThreads()).isZero();
    }

    /** The expected text: base64 lines (76 characters) of the row-by-row encoding of rows 0 to rows - 1. */
    private static String oracle(long rows) throws IOException {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        Counting source = new Counting(rows, new Random(1), -1);
        ColumnBatch batch = new ColumnBatch(COLUMNS);
        RowByRowBinary2 encoder = new RowByRowBinary2(batch.types);
        try {
            while (source.fill(batch, ColumnBatch.CAPACITY) > 0) {
                encoder.write(batch, binary);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (OutputStream wrapped = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(text)) {
            wrapped.write(binary.toByteArray());
        }
        return text.toString();
    }

    private static long encoderThreads() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            long alive = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("binary2-encoder")).count();
            if (alive == 0) {
                return 0;
            }
            Thread.sleep(10);
        }
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("binary2-encoder")).count();
    }

    private static void pause(Random random) {
        if (random.nextInt(4) == 0) {
            try {
                Thread.sleep(0, random.nextInt(300_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Rows 0 to count - 1 in batches of random sizes, pausing at random; fails at batch failAt (>= 0). */
    private static final class Counting implements RowSource {
        private final long count;
        private final Random random;
        private final int failAt;
        private long next;
        private int batches;

        Counting(long count, Random random, int failAt) {
            this.count = count;
            this.random = random;
            this.failAt = failAt;
        }

        @Override
        public int fill(ColumnBatch batch, int maxRows) throws SQLException {
            if (batches++ == failAt) {
                throw new SQLException("Expected batch " + failAt + " to be read. Actual: a failure (test)");
            }
            synchronized (random) {
                pause(random);
            }
            int rows = (int) Math.min(count - next, Math.max(1, maxRows - (random.nextInt(3) == 0 ? random.nextInt(maxRows) : 0)));
            batch.holdStrings(1);
            for (int row = 0; row < rows; row++, next++) {
                batch.nulls[0][row] = false;
                batch.longs[0][row] = next;
                batch.nulls[1][row] = next % 7 == 3;
                batch.strings[1][row] = next % 7 == 3 ? null : "row " + next;
            }
            batch.rowCount = rows;
            return rows;
        }
    }

    /** A FilterOutputStream that passes array writes whole. */
    private abstract static class FilterStream extends java.io.FilterOutputStream {
        FilterStream(OutputStream out) {
            super(out);
        }

        @Override
        public abstract void write(byte[] bytes, int offset, int length) throws IOException;
    }
}
