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
 * in a {@code float[]}, DOUBLE in a {@code double[]}, STRING in a {@code String[]} or as UTF-8 bytes back to back (what
 * the DuckDB chunk reader fills: writers that copy bytes need no {@code String}; {@link #getString} decodes a column
 * the first time it is asked for), the geometry types POINT, CIRCLE
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
    /** Per STRING column: the values' UTF-8 bytes back to back, when {@link #utf8Held} (grown as needed). */
    final byte[][] utf8;
    /** Per STRING column, {@code CAPACITY + 1} entries: row r's bytes are {@code utf8[from offsets[r] to offsets[r + 1])}. */
    final int[][] utf8Offsets;
    /** Per column: the strings are held as bytes in {@link #utf8} ({@link #strings} then decoded on demand). */
    final boolean[] utf8Held;
    /**
     * Per column: true only when the reader that filled the batch knows that none of its rows is null in that column
     * (DuckDB's validity mask was absent or all set), so that encoders may skip the null flags. False (the default)
     * means "may hold nulls": a reader that does not set it, or that fills {@link #nulls} itself, must leave it or set
     * it false ({@link ResultSetRows} does).
     */
    final boolean[] nullFree;
    private final boolean[] decoded;
    private final RecentStrings[] recent;
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
        utf8 = new byte[count][];
        utf8Offsets = new int[count][];
        utf8Held = new boolean[count];
        nullFree = new boolean[count];
        decoded = new boolean[count];
        recent = new RecentStrings[count];
        for (int i = 0; i < count; i++) {
            types[i] = columns.get(i).type();
            nulls[i] = new boolean[CAPACITY];
            switch (types[i]) {
                case BOOLEAN, SHORT, INT, LONG -> longs[i] = new long[CAPACITY];
                case FLOAT -> floats[i] = new float[CAPACITY];
                case DOUBLE -> doubles[i] = new double[CAPACITY];
                case STRING -> {
                    strings[i] = new String[CAPACITY];
                    utf8[i] = new byte[16 * CAPACITY];
                    utf8Offsets[i] = new int[CAPACITY + 1];
                    recent[i] = new RecentStrings();
                }
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
        return strings(column)[row];
    }

    /** The STRING column's values as Strings (null for a null cell), decoded from its bytes the first time. */
    String[] strings(int column) {
        if (utf8Held[column] && !decoded[column]) {
            decode(column);
        }
        return strings[column];
    }

    /** Marks a STRING column as filled with Strings in {@link #strings} (the JDBC reader's way). */
    void holdStrings(int column) {
        utf8Held[column] = false;
    }

    /** Marks a STRING column as filled with bytes in {@link #utf8} and {@link #utf8Offsets} (the chunk reader's way). */
    void holdUtf8(int column) {
        utf8Held[column] = true;
        decoded[column] = false;
    }

    /** Makes room for {@code bytes} bytes in a STRING column's byte store (its content kept); returns the store. */
    byte[] reserveUtf8(int column, int bytes) {
        byte[] store = utf8[column];
        if (bytes > store.length) {
            store = java.util.Arrays.copyOf(store, Math.max(bytes, 2 * store.length));
            utf8[column] = store;
        }
        return store;
    }

    private void decode(int column) {
        byte[] bytes = utf8[column];
        int[] offsets = utf8Offsets[column];
        boolean[] isNull = nulls[column];
        String[] values = strings[column];
        RecentStrings cache = recent[column];
        for (int row = 0; row < rowCount; row++) {
            values[row] = isNull[row] ? null : cache.decode(bytes, offsets[row], offsets[row + 1] - offsets[row]);
        }
        decoded[column] = true;
    }

    /**
     * The last few distinct short strings (up to 16 bytes) of one column, so that a repeated value (a status word) is
     * not decoded again. Not thread-safe: one per column of one batch.
     */
    private static final class RecentStrings {
        private static final int SIZE = 16;
        private static final int SHORT_BYTES = 16;
        private final byte[][] keys = new byte[SIZE][];
        private final String[] values = new String[SIZE];

        String decode(byte[] bytes, int from, int length) {
            if (length > SHORT_BYTES) {
                return new String(bytes, from, length, java.nio.charset.StandardCharsets.UTF_8);
            }
            int hash = length;
            for (int i = from; i < from + length; i++) {
                hash = 31 * hash + bytes[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
            byte[] key = keys[slot];
            if (key != null && java.util.Arrays.equals(key, 0, key.length, bytes, from, from + length)) {
                return values[slot];
            }
            String value = new String(bytes, from, length, java.nio.charset.StandardCharsets.UTF_8);
            keys[slot] = java.util.Arrays.copyOfRange(bytes, from, from + length);
            values[slot] = value;
            return value;
        }
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
            case STRING -> getString(column, row);
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
