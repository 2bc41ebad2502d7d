package org.skysieve.formats;

/**
 * The text of a cell as VOTable TABLEDATA, CSV and TSV write it: integers in decimal, floating-point numbers as
 * {@link Double#toString}/{@link Float#toString} with NaN as {@code NaN} and infinities as {@code +Inf}/{@code -Inf},
 * strings as they are; booleans are the caller's choice ({@code T}/{@code F} or {@code true}/{@code false}).
 */
final class Cells {
    private Cells() {
    }

    /** One cell of the current JDBC row as the Java value of its type (Boolean, Short, ..., String), null for SQL NULL. */
    static Object read(java.sql.ResultSet rows, int columnIndex, org.skysieve.catalog.model.ColumnType type) throws java.sql.SQLException {
        Object value = switch (type) {
            case BOOLEAN -> rows.getBoolean(columnIndex);
            case SHORT -> rows.getShort(columnIndex);
            case INT -> rows.getInt(columnIndex);
            case LONG -> rows.getLong(columnIndex);
            case FLOAT -> rows.getFloat(columnIndex);
            case DOUBLE -> rows.getDouble(columnIndex);
            case STRING -> rows.getString(columnIndex);
            case POINT, CIRCLE, POLYGON -> doubles(rows.getArray(columnIndex));
        };
        return rows.wasNull() ? null : value;
    }

    /** The doubles of a JDBC array (DuckDB {@code DOUBLE[]}), null for SQL NULL; a null element becomes NaN. */
    static double[] doubles(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return null;
        }
        Object[] elements = (Object[]) array.getArray();
        double[] values = new double[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = elements[i] == null ? Double.NaN : ((Number) elements[i]).doubleValue();
        }
        return values;
    }

    /** DALI's text of an array of doubles: the numbers separated by single spaces. */
    static String text(double[] values) {
        StringBuilder text = new StringBuilder(values.length * 20);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            double number = values[i];
            text.append(Double.isInfinite(number) ? (number > 0 ? "+Inf" : "-Inf") : Double.toString(number));
        }
        return text.toString();
    }

    /** The text of a non-null value (as {@link #text(ColumnBatch, int, int)}; booleans as {@code T}/{@code F}). */
    static String text(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "T" : "F";
        }
        if (value instanceof Double number) {
            return number.isInfinite() ? (number > 0 ? "+Inf" : "-Inf") : number.toString();
        }
        if (value instanceof double[] array) {
            return text(array);
        }
        if (value instanceof Float number) {
            return number.isInfinite() ? (number > 0 ? "+Inf" : "-Inf") : number.toString();
        }
        return value.toString();
    }

    /** The text of a non-null, non-boolean cell of {@code batch}. */
    static String text(ColumnBatch batch, int column, int row) {
        return switch (batch.types[column]) {
            case BOOLEAN -> throw new IllegalArgumentException("Booleans are written by the caller");
            case SHORT, INT, LONG -> Long.toString(batch.longs[column][row]);
            case FLOAT -> {
                float number = batch.floats[column][row];
                yield Float.isInfinite(number) ? (number > 0 ? "+Inf" : "-Inf") : Float.toString(number);
            }
            case DOUBLE -> {
                double number = batch.doubles[column][row];
                yield Double.isInfinite(number) ? (number > 0 ? "+Inf" : "-Inf") : Double.toString(number);
            }
            case STRING -> batch.getString(column, row);
            case POINT, CIRCLE, POLYGON -> text(batch.arrays[column][row]);
        };
    }
}
