package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;

/**
 * Rows read from Parquet inside a task, as primitive columns: integers (boolean, byte, short, int, long) as longs,
 * floating point as doubles, text as strings, each with a null mask. {@link #value} gives a cell as the Java object
 * Spark expects for the column's {@link DataType}; {@link #toLoadedTable} hands the columns to the matching kernel.
 * Not thread-safe while being built; read-only afterwards.
 */
final class RowBlock {
    /** One column being filled or read. */
    static final class Values {
        final String name;
        final DataType type;
        long[] longs;
        double[] doubles;
        String[] strings;
        boolean[] nulls;
        int size;

        Values(String name, DataType type) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            int capacity = 1024;
            if (isText(type)) {
                strings = new String[capacity];
            } else if (isFloating(type)) {
                doubles = new double[capacity];
            } else {
                longs = new long[capacity];
            }
            nulls = new boolean[capacity];
        }

        private void grow() {
            if (size == nulls.length) {
                int capacity = nulls.length * 2;
                nulls = Arrays.copyOf(nulls, capacity);
                if (strings != null) {
                    strings = Arrays.copyOf(strings, capacity);
                } else if (doubles != null) {
                    doubles = Arrays.copyOf(doubles, capacity);
                } else {
                    longs = Arrays.copyOf(longs, capacity);
                }
            }
        }

        void addLong(long value) {
            grow();
            longs[size++] = value;
        }

        void addDouble(double value) {
            grow();
            doubles[size++] = value;
        }

        void addString(String value) {
            grow();
            strings[size++] = value;
        }

        void addNull() {
            grow();
            nulls[size] = true;
            if (doubles != null) {
                doubles[size] = Double.NaN;
            }
            size++;
        }

        Object value(int row) {
            if (nulls[row]) {
                return null;
            }
            if (type.equals(DataTypes.StringType)) {
                return strings[row];
            }
            if (type.equals(DataTypes.DoubleType)) {
                return doubles[row];
            }
            if (type.equals(DataTypes.FloatType)) {
                return (float) doubles[row];
            }
            if (type.equals(DataTypes.LongType)) {
                return longs[row];
            }
            if (type.equals(DataTypes.IntegerType)) {
                return (int) longs[row];
            }
            if (type.equals(DataTypes.ShortType)) {
                return (short) longs[row];
            }
            if (type.equals(DataTypes.ByteType)) {
                return (byte) longs[row];
            }
            return longs[row] != 0;
        }

        Column toColumn() {
            if (strings != null) {
                return new Column.TextColumn(name, Arrays.copyOf(strings, size));
            }
            if (doubles != null) {
                return new Column.DoubleColumn(name, Arrays.copyOf(doubles, size), Arrays.copyOf(nulls, size));
            }
            return new Column.LongColumn(name, Arrays.copyOf(longs, size), Arrays.copyOf(nulls, size));
        }
    }

    private final String source;
    private final List<Values> columns;

    RowBlock(String source, List<Values> columns) {
        this.source = requireNonNull(source, "source is null");
        this.columns = List.copyOf(columns);
    }

    /** Whether Spark type {@code type} can be read into a block (booleans, integers, floating point, strings). */
    static boolean isSupported(DataType type) {
        return isText(type) || isFloating(type) || type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)
                || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType) || type.equals(DataTypes.BooleanType);
    }

    static boolean isText(DataType type) {
        return type.equals(DataTypes.StringType);
    }

    static boolean isFloating(DataType type) {
        return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType);
    }

    int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size;
    }

    /** The column named {@code name} (ignoring case). */
    Values column(String name) {
        for (Values values : columns) {
            if (values.name.equalsIgnoreCase(name)) {
                return values;
            }
        }
        throw new IllegalArgumentException("Expected a column '" + name + "' in " + source + ". Actual columns: "
                + columns.stream().map(values -> values.name).toList());
    }

    /** The cell of {@code column} at {@code row}, as Spark's Java type for the column. */
    Object value(String column, int row) {
        return column(column).value(row);
    }

    long longValue(String column, int row) {
        return column(column).longs[row];
    }

    /** The columns as the matching kernel's table (copies). */
    LoadedTable toLoadedTable() {
        List<Column> converted = new ArrayList<>();
        for (Values values : columns) {
            converted.add(values.toColumn());
        }
        return new LoadedTable(source, converted);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RowBlock[%s, %d rows]", source, rowCount());
    }
}
