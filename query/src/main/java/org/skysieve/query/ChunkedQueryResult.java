package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.duckdb.DuckDBChunkedResult;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * The streamed result of one query read through DuckDB's data-chunk interface (vectors of up to 2048 rows, primitive
 * access, no JDBC call per cell): the documentation of its columns and the chunks. Column i of {@link #columns()} is
 * vector i of each chunk and has the SQL type of its {@link ColumnDoc#type()}. The result holds at most
 * {@link #maxRecords()} + 1 rows (the extra one tells an overflow). Not thread-safe: one reader; {@link #cancel()} may
 * be called from another thread. Close it (it holds a database connection, given back to the engine's pool on close).
 */
public final class ChunkedQueryResult implements AutoCloseable {
    private final List<ColumnDoc> columns;
    private final DuckDBChunkedResult chunks;
    private final Statement statement;
    private final QueryHold hold;
    private volatile boolean failed;
    private final long maxRecords;

    ChunkedQueryResult(List<ColumnDoc> columns, DuckDBChunkedResult chunks, Statement statement, QueryHold hold, long maxRecords) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.chunks = requireNonNull(chunks, "chunks is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.hold = requireNonNull(hold, "hold is null");
        this.maxRecords = maxRecords;
    }

    public List<ColumnDoc> columns() {
        return columns;
    }

    /** The chunks of the result, to read once. */
    public DuckDBChunkedResult chunks() {
        return chunks;
    }

    /** The most rows the caller asked for; the result may hold one more. */
    public long maxRecords() {
        return maxRecords;
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
            chunks.close();
            closed = true;
        } finally {
            // the connection (and a kept statement) go back for the next query unless something went wrong
            hold.end(failed || !closed);
        }
    }
}
