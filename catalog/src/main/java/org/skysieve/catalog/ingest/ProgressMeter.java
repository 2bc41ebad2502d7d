package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tells a progress consumer how many rows have been read, at most every ~1M rows or ~2 s, with the rate so far.
 * One per ingest; not thread-safe except {@link #say}, which may be called from a polling thread.
 */
final class ProgressMeter {
    private static final long ROWS_BETWEEN_REPORTS = 1_000_000;
    private static final long NANOS_BETWEEN_REPORTS = 2_000_000_000L;

    private final Consumer<String> consumer;
    private final long startNanos = System.nanoTime();
    private long rowsBefore;
    private long lastReportRows;
    private long lastReportNanos = startNanos;

    ProgressMeter(Consumer<String> consumer) {
        this.consumer = requireNonNull(consumer, "consumer is null");
    }

    /** Records that the current file has delivered {@code rowsInFile} rows so far; reports if it is time. */
    void rows(String fileName, long rowsInFile) {
        long total = rowsBefore + rowsInFile;
        if (total - lastReportRows >= ROWS_BETWEEN_REPORTS || (System.nanoTime() - lastReportNanos >= NANOS_BETWEEN_REPORTS && total > lastReportRows)) {
            report(fileName, total);
        }
    }

    /** Records that a file is done with {@code rowsInFile} rows, and reports it. */
    void fileDone(String fileName, long rowsInFile) {
        rowsBefore += rowsInFile;
        report(fileName + " done", rowsBefore);
    }

    /** Records that the HATS writer has written {@code rowsWritten} of {@code totalRows} rows; reports every ~2 s and at the end. */
    void written(String tableName, long rowsWritten, long totalRows) {
        long now = System.nanoTime();
        if (now - lastReportNanos >= NANOS_BETWEEN_REPORTS || rowsWritten == totalRows) {
            say(String.format(Locale.ROOT, "%s: %,d of %,d rows written to HATS partitions after %.1f s", tableName, rowsWritten, totalRows,
                    (now - startNanos) / 1e9));
            lastReportNanos = now;
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    synchronized void say(String message) {
        consumer.accept(message);
    }

    private void report(String what, long total) {
        long now = System.nanoTime();
        double seconds = (now - startNanos) / 1e9;
        say(String.format(Locale.ROOT, "%s: %,d rows read in %.1f s (%,.0f rows/s)", what, total, seconds, seconds > 0 ? total / seconds : 0.0));
        lastReportRows = total;
        lastReportNanos = now;
    }
}
