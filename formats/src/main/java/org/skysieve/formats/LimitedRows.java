package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks a result set up to a row limit and, at the end, finds out whether a further row exists (reading it, once)
 * so that a cut result is reported, never silent. Not thread-safe.
 */
final class LimitedRows {
    private final ResultSet rows;
    private final long maxRows;
    private long written;
    private boolean exhausted;

    LimitedRows(ResultSet rows, long maxRows) {
        this.rows = requireNonNull(rows, "rows is null");
        if (maxRows < 0) {
            throw new IllegalArgumentException("Expected a row limit >= 0. Actual: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** Moves to the next row to write; false when the limit is reached or the rows are exhausted. */
    boolean next() throws SQLException {
        if (written >= maxRows || exhausted) {
            return false;
        }
        if (!rows.next()) {
            exhausted = true;
            return false;
        }
        written++;
        return true;
    }

    ResultSet rows() {
        return rows;
    }

    long written() {
        return written;
    }

    /** Call after {@link #next()} returned false: whether rows remained beyond the limit. */
    boolean overflowed() throws SQLException {
        if (exhausted) {
            return false;
        }
        exhausted = true;
        return rows.next();
    }

    WriteSummary summary() throws SQLException {
        boolean overflow = overflowed();
        return new WriteSummary(written, overflow);
    }
}
