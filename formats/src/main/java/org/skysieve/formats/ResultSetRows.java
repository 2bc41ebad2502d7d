package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of a JDBC result set, read with the typed getters of each column's type (column i of the batch is JDBC
 * column i + 1). The result set stays open (its owner closes it).
 */
public final class ResultSetRows implements RowSource {
    private final ResultSet rows;

    public ResultSetRows(ResultSet rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public int fill(ColumnBatch batch, int maxRows) throws SQLException {
        int limit = Math.min(maxRows, ColumnBatch.CAPACITY);
        int row = 0;
        for (int column = 0; column < batch.types.length; column++) {
            batch.holdStrings(column);
        }
        while (row < limit && rows.next()) {
            for (int column = 0; column < batch.types.length; column++) {
                int index = column + 1;
                boolean isNull;
                switch (batch.types[column]) {
                    case BOOLEAN -> {
                        batch.longs[column][row] = rows.getBoolean(index) ? 1 : 0;
                        isNull = rows.wasNull();
                    }
                    case SHORT -> {
                        batch.longs[column][row] = rows.getShort(index);
                        isNull = rows.wasNull();
                    }
                    case INT -> {
                        batch.longs[column][row] = rows.getInt(index);
                        isNull = rows.wasNull();
                    }
                    case LONG -> {
                        batch.longs[column][row] = rows.getLong(index);
                        isNull = rows.wasNull();
                    }
                    case FLOAT -> {
                        batch.floats[column][row] = rows.getFloat(index);
                        isNull = rows.wasNull();
                    }
                    case DOUBLE -> {
                        batch.doubles[column][row] = rows.getDouble(index);
                        isNull = rows.wasNull();
                    }
                    case STRING -> {
                        String value = rows.getString(index);
                        isNull = rows.wasNull();
                        batch.strings[column][row] = isNull ? null : value;
                    }
                    case POINT, CIRCLE, POLYGON -> {
                        double[] value = Cells.doubles(rows.getArray(index));
                        isNull = value == null;
                        batch.arrays[column][row] = value;
                    }
                    default -> throw new IllegalStateException("Unknown type " + batch.types[column]);
                }
                batch.nulls[column][row] = isNull;
            }
            row++;
        }
        java.util.Arrays.fill(batch.nullFree, false);
        batch.rowCount = row;
        return row;
    }
}
