package org.skysieve.xmatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds one {@link Column} value by value on growing primitive arrays. Used from one thread. */
final class ColumnAppender {
    enum Kind { LONG, DOUBLE, TEXT }

    final String name;
    final Kind kind;
    private int size;
    private long[] longs = new long[0];
    private boolean[] nulls = new boolean[0];
    private double[] doubles = new double[0];
    private boolean[] doubleNulls = new boolean[0];
    private boolean anyDoubleNull;
    private final List<String> texts = new ArrayList<>();

    ColumnAppender(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** An appender for values of {@code column}'s type. */
    static ColumnAppender like(String name, Column column) {
        return new ColumnAppender(name, column instanceof Column.LongColumn ? Kind.LONG
                : column instanceof Column.DoubleColumn ? Kind.DOUBLE : Kind.TEXT);
    }

    /** Appends row {@code row} of {@code column} (of this appender's type). */
    void addFrom(Column column, int row) {
        switch (kind) {
            case LONG -> {
                Column.LongColumn longColumn = (Column.LongColumn) column;
                addLong(longColumn.values()[row], longColumn.nulls()[row]);
            }
            case DOUBLE -> {
                Column.DoubleColumn doubleColumn = (Column.DoubleColumn) column;
                addDouble(doubleColumn.values()[row], doubleColumn.isNull(row));
            }
            default -> addText(((Column.TextColumn) column).values()[row]);
        }
    }

    void addLong(long value, boolean isNull) {
        if (size == longs.length) {
            longs = Arrays.copyOf(longs, Math.max(1024, size * 2));
            nulls = Arrays.copyOf(nulls, longs.length);
        }
        longs[size] = value;
        nulls[size] = isNull;
        size++;
    }

    void addDouble(double value) {
        addDouble(value, false);
    }

    /** Appends {@code value}, or a null (stored as NaN) when {@code isNull}. */
    void addDouble(double value, boolean isNull) {
        if (size == doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(1024, size * 2));
            doubleNulls = Arrays.copyOf(doubleNulls, doubles.length);
        }
        doubles[size] = isNull ? Double.NaN : value;
        doubleNulls[size] = isNull;
        anyDoubleNull |= isNull;
        size++;
    }

    void addText(String value) {
        texts.add(value);
        size++;
    }

    Column build() {
        return switch (kind) {
            case LONG -> new Column.LongColumn(name, Arrays.copyOf(longs, size), Arrays.copyOf(nulls, size));
            case DOUBLE -> new Column.DoubleColumn(name, Arrays.copyOf(doubles, size), anyDoubleNull ? Arrays.copyOf(doubleNulls, size) : null);
            case TEXT -> new Column.TextColumn(name, texts.toArray(new String[0]));
        };
    }
}
