package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * Up to {@link #CAPACITY} consecutive rows of a result held column by column in primitive arrays, so that writers
 * read cells without one object per cell. Filled by a {@link RowSource}, reused batch after batch.
 *
 * <p>Per column, by {@link ColumnType}: BOOLEAN, SHORT, INT and LONG in a {@code long[]} (a boolean as 1 or 0), FLOAT
 * in a {@code float[]}, DOUBLE in a {@code double[]}, STRING in a {@code String[]}, the geometry types POINT, CIRCLE
 * and POLYGON in a {@code double[][]} (one array of degrees per cell, as {@link ColumnType} says; null for a null cell); a null cell has its flag set in the
 * column's null array (its value slot is then meaningless). A NaN is a value, never a null. Not thread-safe.
 */
public final class ColumnBatch {
    /** The most rows a batch holds (DuckDB's vector size). */
    public static final int CAPACITY = 2048;

    final ColumnType[] types;
    final boolean[][] nulls;
    final long[][] longs;
    final float[][] floats;
    final double[][] doubles;
    final String[][] strings;
    final double[][][] arrays;
    int rowCount;

    /** An empty batch for rows with these columns. */
    public ColumnBatch(List<ColumnDoc> columns) {
        requireNonNull(columns, "columns is null");
        int count = columns.size();
        types = new ColumnType[count];
        nulls = new boolean[count][];
        longs = new long[count][];
        floats = new float[count][];
        doubles = new double[count][];
        strings = new String[count][];
        arrays = new double[count][][];
        for (int i = 0; i < count; i++) {
            types[i] = columns.get(i).type();
            nulls[i] = new boolean[CAPACITY];
            switch (types[i]) {
                case BOOLEAN, SHORT, INT, LONG -> longs[i] = new long[CAPACITY];
                case FLOAT -> floats[i] = new float[CAPACITY];
                case DOUBLE -> doubles[i] = new double[CAPACITY];
                case STRING -> strings[i] = new String[CAPACITY];
                case POINT, CIRCLE, POLYGON -> arrays[i] = new double[CAPACITY][];
            }
        }
    }

    /** The rows held now (0 to {@link #CAPACITY}). */
    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return types.length;
    }

    public ColumnType type(int column) {
        return types[column];
    }

    public boolean isNull(int column, int row) {
        return nulls[column][row];
    }

    /** A BOOLEAN, SHORT, INT or LONG cell (a boolean as 1 or 0). */
    public long getLong(int column, int row) {
        return longs[column][row];
    }

    public float getFloat(int column, int row) {
        return floats[column][row];
    }

    public double getDouble(int column, int row) {
        return doubles[column][row];
    }

    /** A STRING cell; null for a null cell. */
    public String getString(int column, int row) {
        return strings[column][row];
    }

    /** A POINT, CIRCLE or POLYGON cell: its doubles (degrees; not to be modified); null for a null cell. */
    public double[] getArray(int column, int row) {
        return arrays[column][row];
    }

    /** The cell as the Java value of its type (Boolean, Short, Integer, Long, Float, Double, String, double[]), or null. */
    public Object value(int column, int row) {
        if (nulls[column][row]) {
            return null;
        }
        return switch (types[column]) {
            case BOOLEAN -> longs[column][row] != 0;
            case SHORT -> (short) longs[column][row];
            case INT -> (int) longs[column][row];
            case LONG -> longs[column][row];
            case FLOAT -> floats[column][row];
            case DOUBLE -> doubles[column][row];
            case STRING -> strings[column][row];
            case POINT, CIRCLE, POLYGON -> arrays[column][row].clone();
        };
    }

    /** Drops every row from {@code rows} on (keeps the first {@code rows}). */
    void truncate(int rows) {
        if (rows < 0 || rows > rowCount) {
            throw new IllegalArgumentException("Expected a row count in [0, " + rowCount + "]. Actual: " + rows);
        }
        rowCount = rows;
    }
}
