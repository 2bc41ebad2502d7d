package org.skysieve.xmatch;

/**
 * One column of a loaded table, held as a primitive array (text as strings). Null: NaN in a {@link DoubleColumn}, a
 * set flag in {@link LongColumn#nulls()}, null in a {@link TextColumn}.
 */
public sealed interface Column permits Column.DoubleColumn, Column.LongColumn, Column.TextColumn {
    String name();

    int size();

    /** The value of {@code row} as a double (NaN when null or not numeric). */
    double doubleValue(int row);

    /** The value of {@code row} for text output (empty when null). */
    String text(int row);

    /** This column under another name. */
    Column renamed(String newName);

    record DoubleColumn(String name, double[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double doubleValue(int row) {
            return values[row];
        }

        @Override
        public String text(int row) {
            return Double.isNaN(values[row]) ? "" : Double.toString(values[row]);
        }

        @Override
        public Column renamed(String newName) {
            return new DoubleColumn(newName, values);
        }
    }

    record LongColumn(String name, long[] values, boolean[] nulls) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double doubleValue(int row) {
            return nulls[row] ? Double.NaN : values[row];
        }

        @Override
        public String text(int row) {
            return nulls[row] ? "" : Long.toString(values[row]);
        }

        @Override
        public Column renamed(String newName) {
            return new LongColumn(newName, values, nulls);
        }
    }

    record TextColumn(String name, String[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double doubleValue(int row) {
            return Double.NaN;
        }

        @Override
        public String text(int row) {
            return values[row] == null ? "" : values[row];
        }

        @Override
        public Column renamed(String newName) {
            return new TextColumn(newName, values);
        }
    }
}
