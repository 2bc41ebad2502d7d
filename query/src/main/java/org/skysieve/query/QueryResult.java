package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.skysieve.catalog.model.ColumnDoc;

/**
 * The streamed result of one query: the documentation of its columns and a cursor over its rows.
 *
 * <p>Read rows with {@link #next()} (not {@code rows().next()}): it stops after {@code maxRecords} rows, and then
 * {@link #overflow()} says whether the query had more (TAP's OVERFLOW). Read values from {@link #rows()} with the
 * JDBC getters (column i of {@link #columns()} is JDBC column i + 1). Not thread-safe: one reader. Close it (it holds
 * a database connection, given back to the engine's pool on close).
 */
public final class QueryResult implements AutoCloseable {
    private final List<ColumnDoc> columns;
    private final ResultSet rows;
    private final Statement statement;
    private final QueryHold hold;
    private volatile boolean failed;
    private final long maxRecords;
    private long rowsRead;
    private boolean overflow;

    QueryResult(List<ColumnDoc> columns, ResultSet rows, Statement statement, QueryHold hold, long maxRecords) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rows = requireNonNull(rows, "rows is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.hold = requireNonNull(hold, "hold is null");
        this.maxRecords = maxRecords;
    }

    public List<ColumnDoc> columns() {
        return columns;
    }

    /** The JDBC cursor, for reading the current row's values. */
    public ResultSet rows() {
        return rows;
    }

    /** Moves to the next row; false at the end of the result or after {@code maxRecords} rows. */
    public boolean next() throws SQLException {
        try {
            if (rowsRead == maxRecords) {
                overflow = overflow || rows.next();
                return false;
            }
            if (!rows.next()) {
                return false;
            }
            rowsRead++;
            return true;
        } catch (SQLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Whether the result had more than {@code maxRecords} rows; meaningful once {@link #next()} returned false. */
    public boolean overflow() {
        return overflow;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** Cancels a running query from another thread (e.g. when the client goes away). */
    public void cancel() throws SQLException {
        failed = true;
        statement.cancel();
    }

    @Override
    public void close() throws SQLException {
        boolean closed = false;
        try {
            rows.close();
            closed = true;
        } finally {
            // the connection (and a kept statement) go back for the next query unless something went wrong
            hold.end(failed || !closed);
        }
    }
}
