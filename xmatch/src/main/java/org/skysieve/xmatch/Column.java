package org.skysieve.xmatch;

/**
 * One column of a loaded table, held as a primitive array (text as strings). Null: a set flag in
 * {@link DoubleColumn#nulls()} (its value NaN, so that positions without a value match nothing) or in
 * {@link LongColumn#nulls()}, null in a {@link TextColumn}. A NaN that is not flagged is a value (written as NaN, not
 * as a blank), so that NaN and null are never confused.
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

    /**
     * Doubles; {@code nulls} is null when no value is null, else one flag per row, and {@code values} holds NaN where
     * a flag is set.
     */
    record DoubleColumn(String name, double[] values, boolean[] nulls) implements Column {
        public DoubleColumn {
            if (nulls != null && nulls.length != values.length) {
                throw new IllegalArgumentException("Expected one null flag per value (" + values.length + "). Actual: " + nulls.length);
            }
        }

        /** A column without nulls (a NaN is a value). */
        public DoubleColumn(String name, double[] values) {
            this(name, values, null);
        }

        /** A column whose NaN values are nulls (for values computed here, where NaN means "none"). */
        public static DoubleColumn nullWhereNaN(String name, double[] values) {
            boolean[] nulls = new boolean[values.length];
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                nulls[i] = Double.isNaN(values[i]);
                any |= nulls[i];
            }
            return new DoubleColumn(name, values, any ? nulls : null);
        }

        /** Whether {@code row} is null (not merely NaN). */
        public boolean isNull(int row) {
            return nulls != null && nulls[row];
        }

        /** The values boxed, null where null (for writers that tell null from NaN). */
        public Double[] boxed() {
            Double[] boxed = new Double[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = isNull(i) ? null : values[i];
            }
            return boxed;
        }

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
            return isNull(row) ? "" : Double.toString(values[row]);
        }

        @Override
        public Column renamed(String newName) {
            return new DoubleColumn(newName, values, nulls);
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
