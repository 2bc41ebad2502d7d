package org.skysieve.formats;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.skysieve.catalog.model.ColumnType;

/**
 * Reads one cell of the current row as the Java value of its {@link ColumnType}: Boolean, Short, Integer, Long,
 * Float, Double or String, or null for SQL NULL. A floating-point NaN stays NaN (distinct from null).
 */
final class Cells {
    private Cells() {
    }

    static Object read(ResultSet rows, int columnIndex, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case BOOLEAN -> rows.getBoolean(columnIndex);
            case SHORT -> rows.getShort(columnIndex);
            case INT -> rows.getInt(columnIndex);
            case LONG -> rows.getLong(columnIndex);
            case FLOAT -> rows.getFloat(columnIndex);
            case DOUBLE -> rows.getDouble(columnIndex);
            case STRING -> rows.getString(columnIndex);
        };
        return rows.wasNull() ? null : value;
    }

    /** The text of a non-null value as VOTable TABLEDATA and CSV write it (NaN as {@code NaN}, infinities as {@code +Inf}/{@code -Inf}). */
    static String text(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "T" : "F";
        }
        if (value instanceof Double number) {
            return number.isInfinite() ? (number > 0 ? "+Inf" : "-Inf") : number.toString();
        }
        if (value instanceof Float number) {
            return number.isInfinite() ? (number > 0 ? "+Inf" : "-Inf") : number.toString();
        }
        return value.toString();
    }
}
