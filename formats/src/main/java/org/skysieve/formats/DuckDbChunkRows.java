package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;
import org.skysieve.catalog.model.ColumnType;

/**
 * The rows of a DuckDB query read chunk by chunk through DuckDB's data-chunk interface
 * ({@code DuckDBPreparedStatement.query()}): each column of a chunk is copied into the batch's primitive arrays in one
 * loop, without a JDBC call or an object per cell. The query's columns must have the SQL types of the batch's
 * {@link ColumnType}s (BOOLEAN, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, VARCHAR), as the query engine's typed outer
 * query guarantees. The driver's chunk reader has no access to LIST vectors: results with geometry columns (POINT,
 * CIRCLE, POLYGON) are read with {@link ResultSetRows} instead ({@link #canRead}). The chunked result stays open (its owner closes it). Not thread-safe.
 */
public final class DuckDbChunkRows implements RowSource {
    private final DuckDBChunkedResult result;
    private DuckDBDataChunkReader chunk;
    private int chunkRows;
    private int position;
    private boolean finished;
    private final boolean fromMemory;

    public DuckDbChunkRows(DuckDBChunkedResult result) {
        this(result, true);
    }

    /** {@code fromMemory} false: only the driver's public per-value getters (the fallback, for tests). */
    DuckDbChunkRows(DuckDBChunkedResult result, boolean fromMemory) {
        this.result = requireNonNull(result, "result is null");
        this.fromMemory = fromMemory;
    }

    /** Whether rows with these columns can be read here (no geometry column; otherwise use {@link ResultSetRows}). */
    public static boolean canRead(java.util.List<org.skysieve.catalog.model.ColumnDoc> columns) {
        return columns.stream().noneMatch(column -> column.type().isGeometry());
    }

    @Override
    public int fill(ColumnBatch batch, int maxRows) throws SQLException {
        while (!finished && position >= chunkRows) {
            if (!result.nextChunk()) {
                finished = true;
                chunk = null;
            } else {
                chunk = result.chunk();
                chunkRows = (int) chunk.rowCount();
                position = 0;
            }
        }
        if (finished) {
            batch.rowCount = 0;
            return 0;
        }
        int rows = Math.min(Math.min(maxRows, ColumnBatch.CAPACITY), chunkRows - position);
        if (chunk.columnCount() != batch.types.length) {
            throw new SQLException("Expected " + batch.types.length + " columns in the result. Actual: " + chunk.columnCount());
        }
        for (int column = 0; column < batch.types.length; column++) {
            copy(chunk.vector(column), batch, column, position, rows, fromMemory);
        }
        position += rows;
        batch.rowCount = rows;
        return rows;
    }

    private static void copy(DuckDBReadableVector vector, ColumnBatch batch, int column, int from, int rows, boolean fromMemory)
            throws SQLException {
        ColumnType type = batch.types[column];
        if (type.isGeometry()) {
            throw new SQLException("Expected no geometry column (read those results with ResultSetRows). Actual: column "
                    + (column + 1) + " is a " + type.xtype());
        }
        DuckDBColumnType actual = vector.getType();
        if (actual != sqlType(type)) {
            throw new SQLException("Expected column " + (column + 1) + " of type " + sqlType(type) + ". Actual: " + actual);
        }
        boolean[] nulls = batch.nulls[column];
        DuckDbVectorAccess.Nulls read = fromMemory ? DuckDbVectorAccess.readNulls(vector, from, rows, nulls)
                : DuckDbVectorAccess.Nulls.NOT_READ;
        if (read == DuckDbVectorAccess.Nulls.NOT_READ) {
            for (int row = 0; row < rows; row++) {
                nulls[row] = vector.isNull(from + row);
            }
        }
        batch.nullFree[column] = read == DuckDbVectorAccess.Nulls.NONE;
        if (!fromMemory || !copyFromBuffer(vector, batch, column, from, rows)) {
            copyValueByValue(vector, batch, column, from, rows);
        }
    }

    /** The fast copy from the vector's memory; false when it cannot be read (nothing copied). */
    private static boolean copyFromBuffer(DuckDBReadableVector vector, ColumnBatch batch, int column, int from, int rows) {
        ColumnType type = batch.types[column];
        if (type == ColumnType.STRING) {
            return DuckDbVectorAccess.readUtf8(vector, from, rows, batch, column);
        }
        int valueBytes = switch (type) {
            case BOOLEAN -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case STRING -> throw new IllegalStateException("strings are read above");
            case POINT, CIRCLE, POLYGON -> throw new IllegalStateException("geometry is refused above");
        };
        ByteBuffer data = DuckDbVectorAccess.available() ? DuckDbVectorAccess.data(vector, valueBytes) : null;
        if (data == null) {
            return false;
        }
        switch (type) {
            case BOOLEAN -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = data.get(from + row) != 0 ? 1 : 0;
                }
            }
            case SHORT -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = data.getShort((from + row) * 2);
                }
            }
            case INT -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = data.getInt((from + row) * 4);
                }
            }
            case LONG -> data.asLongBuffer().get(from, batch.longs[column], 0, rows);
            case FLOAT -> data.asFloatBuffer().get(from, batch.floats[column], 0, rows);
            case DOUBLE -> data.asDoubleBuffer().get(from, batch.doubles[column], 0, rows);
            case STRING -> throw new IllegalStateException("strings are read above");
        }
        return true;
    }

    /** The copy through the driver's public per-value getters. */
    private static void copyValueByValue(DuckDBReadableVector vector, ColumnBatch batch, int column, int from, int rows) {
        boolean[] nulls = batch.nulls[column];
        switch (batch.types[column]) {
            case BOOLEAN -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getBoolean(from + row, false) ? 1 : 0;
                }
            }
            case SHORT -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getShort(from + row, (short) 0);
                }
            }
            case INT -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getInt(from + row, 0);
                }
            }
            case LONG -> {
                long[] values = batch.longs[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getLong(from + row, 0L);
                }
            }
            case FLOAT -> {
                float[] values = batch.floats[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getFloat(from + row, Float.NaN);
                }
            }
            case DOUBLE -> {
                double[] values = batch.doubles[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = vector.getDouble(from + row, Double.NaN);
                }
            }
            case STRING -> {
                batch.holdStrings(column);
                String[] values = batch.strings[column];
                for (int row = 0; row < rows; row++) {
                    values[row] = nulls[row] ? null : vector.getString(from + row);
                }
            }
        }
    }


    private static DuckDBColumnType sqlType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> DuckDBColumnType.BOOLEAN;
            case SHORT -> DuckDBColumnType.SMALLINT;
            case INT -> DuckDBColumnType.INTEGER;
            case LONG -> DuckDBColumnType.BIGINT;
            case FLOAT -> DuckDBColumnType.FLOAT;
            case DOUBLE -> DuckDBColumnType.DOUBLE;
            case STRING -> DuckDBColumnType.VARCHAR;
            case POINT, CIRCLE, POLYGON -> DuckDBColumnType.LIST;
        };
    }
}
