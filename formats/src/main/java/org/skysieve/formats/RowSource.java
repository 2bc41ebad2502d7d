package org.skysieve.formats;

import java.sql.SQLException;

/**
 * A cursor over the rows of a result that hands them out in {@link ColumnBatch}es: the writers' input. Implementations
 * read a JDBC result set ({@link ResultSetRows}) or DuckDB's data chunks directly ({@link DuckDbChunkRows}, no object
 * per cell); both give the same values for the same result. Not thread-safe: one reader.
 */
public interface RowSource {
    /**
     * Replaces the rows of {@code batch} by the next at most {@code maxRows} rows (1 to {@link ColumnBatch#CAPACITY}) of
     * the result and returns how many; 0 only at the end of the result.
     */
    int fill(ColumnBatch batch, int maxRows) throws SQLException;
}
