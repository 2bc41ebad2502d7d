package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;

/**
 * Walks a {@link RowSource} batch by batch up to a row limit and, at the end, finds out whether a further row exists
 * (reading one, once) so that a cut result is reported, never silent. Not thread-safe.
 */
final class LimitedBatches {
    private final RowSource source;
    private final ColumnBatch batch;
    private final long maxRows;
    private long written;
    private boolean exhausted;

    LimitedBatches(RowSource source, ColumnBatch batch, long maxRows) {
        this.source = requireNonNull(source, "source is null");
        this.batch = requireNonNull(batch, "batch is null");
        if (maxRows < 0) {
            throw new IllegalArgumentException("Expected a row limit >= 0. Actual: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** Fills the batch with the next rows to write; false when the limit is reached or the rows are exhausted. */
    boolean next() throws SQLException {
        return next(batch);
    }

    /** Fills {@code into} (a batch with the same columns, e.g. the second of a pipeline) as {@link #next()} does. */
    boolean next(ColumnBatch into) throws SQLException {
        if (written >= maxRows || exhausted) {
            return false;
        }
        int rows = source.fill(into, (int) Math.min(ColumnBatch.CAPACITY, maxRows - written));
        if (rows == 0) {
            exhausted = true;
            return false;
        }
        written += rows;
        return true;
    }

    ColumnBatch batch() {
        return batch;
    }

    /** Call after {@link #next()} returned false: whether rows remained beyond the limit (the batch is reused). */
    private boolean overflowed() throws SQLException {
        if (exhausted) {
            return false;
        }
        exhausted = true;
        return source.fill(batch, 1) > 0;
    }

    WriteSummary summary() throws SQLException {
        boolean overflow = overflowed();
        return new WriteSummary(written, overflow);
    }
}
