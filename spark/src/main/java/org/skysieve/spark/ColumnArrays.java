package org.skysieve.spark;

import java.io.Serializable;
import org.skysieve.xmatch.Column;

/**
 * A {@link Column} (or some of its rows) as plain arrays, so that it can travel between the driver and a task;
 * {@link #column()} gives back an equal column (values, null flags, NaN kept apart from null).
 */
final class ColumnArrays implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final double[] doubles;
    private final long[] longs;
    private final String[] texts;
    /** Null when no value is null (doubles), else one flag per row. */
    private final boolean[] nulls;

    private ColumnArrays(String name, double[] doubles, long[] longs, String[] texts, boolean[] nulls) {
        this.name = name;
        this.doubles = doubles;
        this.longs = longs;
        this.texts = texts;
        this.nulls = nulls;
    }

    /** Rows {@code rows[0..count)} of {@code column}, in that order. */
    static ColumnArrays of(Column column, int[] rows, int count) {
        if (column instanceof Column.DoubleColumn doubles) {
            double[] values = new double[count];
            boolean[] nulls = doubles.nulls() == null ? null : new boolean[count];
            for (int i = 0; i < count; i++) {
                values[i] = doubles.values()[rows[i]];
                if (nulls != null) {
                    nulls[i] = doubles.nulls()[rows[i]];
                }
            }
            return new ColumnArrays(column.name(), values, null, null, nulls);
        }
        if (column instanceof Column.LongColumn longs) {
            long[] values = new long[count];
            boolean[] nulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                values[i] = longs.values()[rows[i]];
                nulls[i] = longs.nulls()[rows[i]];
            }
            return new ColumnArrays(column.name(), null, values, null, nulls);
        }
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = ((Column.TextColumn) column).values()[rows[i]];
        }
        return new ColumnArrays(column.name(), null, null, values, null);
    }

    /** All of {@code column}. */
    static ColumnArrays of(Column column) {
        int[] all = new int[column.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(column, all, all.length);
    }

    String name() {
        return name;
    }

    Column column() {
        if (doubles != null) {
            return new Column.DoubleColumn(name, doubles, nulls);
        }
        if (longs != null) {
            return new Column.LongColumn(name, longs, nulls);
        }
        return new Column.TextColumn(name, texts);
    }
}
