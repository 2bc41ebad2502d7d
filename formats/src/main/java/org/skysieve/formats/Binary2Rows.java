package org.skysieve.formats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.skysieve.catalog.model.ColumnType;

/**
 * Encodes the rows of a {@link ColumnBatch} as VOTable BINARY2 (before base64): per row the null mask (one bit per
 * column, most significant bit first, set for a null), then each cell big-endian: boolean one byte {@code T}/{@code F}
 * ({@code ?} for null), short/int/long two/four/eight bytes (0 for null), float/double IEEE (NaN for null; a NaN value
 * stays NaN, told apart by the mask), string a four-byte length and one byte per character (characters outside ASCII,
 * which VOTable {@code char} cannot carry, become {@code ?}); a POINT or CIRCLE its 2 or 3 doubles (NaN for null), a
 * POLYGON a four-byte count of doubles then the doubles (count 0 for null).
 *
 * <p>A whole batch is assembled in one reused buffer, in blocks of 256 rows (their output stays in cache) and within a
 * block column after column (each column's loop runs over the rows with one type, a cursor per row saying where its
 * next cell goes): one pass per column over primitive arrays instead of a switch per cell. The null masks of a block
 * are written first, a word of 64 columns per row ({@link #writeMasks}); a column the reader found free of nulls
 * ({@link ColumnBatch#nullFree}) adds nothing to them and its cells are written without looking at its null flags.
 * Strings held as UTF-8 bytes ({@link ColumnBatch#utf8Held}) are copied as bytes when all ASCII, otherwise decoded and
 * written as before. Not thread-safe.
 */
final class Binary2Rows {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle NATIVE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final int BLOCK_ROWS = 256;
    private static final int MASK_SPARE_BYTES = 8;
    private final ColumnType[] types;
    private final int maskBytes;
    private final int fixedRowBytes;
    private final int[] cursors = new int[ColumnBatch.CAPACITY];
    private final int[] starts = new int[ColumnBatch.CAPACITY];
    private final long[] masks = new long[ColumnBatch.CAPACITY];
    private final boolean[] asciiBytes;
    private byte[] buffer = new byte[1 << 16];
    private int size;

    Binary2Rows(ColumnType[] types) {
        this.types = types.clone();
        this.maskBytes = (types.length + 7) / 8;
        this.asciiBytes = new boolean[types.length];
        int fixed = maskBytes;
        for (ColumnType type : types) {
            fixed += switch (type) {
                case BOOLEAN -> 1;
                case SHORT -> 2;
                case INT, FLOAT, STRING -> 4;
                case LONG, DOUBLE -> 8;
                case POINT -> 16;
                case CIRCLE -> 24;
                case POLYGON -> 4;
            };
        }
        this.fixedRowBytes = fixed;
    }

    /** Encodes the batch's rows; the bytes are then {@link #buffer()} from 0 to {@link #size()} (valid until the next call). */
    void encode(ColumnBatch batch) {
        int rows = batch.rowCount;
        boolean[] asciiBytes = this.asciiBytes;
        // each row's size first, then its start: cursors[row] is where the row's next cell goes
        int[] cursors = this.cursors;
        Arrays.fill(cursors, 0, rows, fixedRowBytes);
        for (int column = 0; column < types.length; column++) {
            boolean[] nulls = batch.nulls[column];
            if (types[column] == ColumnType.STRING) {
                asciiBytes[column] = batch.utf8Held[column] && isAscii(batch.utf8[column], batch.utf8Offsets[column][rows]);
                if (asciiBytes[column]) {
                    int[] offsets = batch.utf8Offsets[column];
                    for (int row = 0; row < rows; row++) {
                        cursors[row] += offsets[row + 1] - offsets[row];
                    }
                } else {
                    String[] values = batch.strings(column);
                    for (int row = 0; row < rows; row++) {
                        cursors[row] += nulls[row] ? 0 : values[row].length();
                    }
                }
            } else if (types[column] == ColumnType.POLYGON) {
                double[][] values = batch.arrays[column];
                for (int row = 0; row < rows; row++) {
                    cursors[row] += nulls[row] ? 0 : 8 * values[row].length;
                }
            }
        }
        long total = 0;
        for (int row = 0; row < rows; row++) {
            int rowBytes = cursors[row];
            cursors[row] = (int) total;
            starts[row] = (int) total;
            total += rowBytes;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("Expected a batch of BINARY2 rows under 2 GiB. Actual: " + total + " bytes");
        }
        if (total + MASK_SPARE_BYTES > buffer.length) { // spare bytes: a mask word may be stored past the last row
            buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(total + MASK_SPARE_BYTES, 2L * buffer.length))];
        }
        byte[] out = buffer;
        for (int row = 0; row < rows; row++) {
            cursors[row] += maskBytes;
        }
        // a block of rows at a time (about 60 kB of output, which stays in cache): the null masks, then column after column
        for (int first = 0; first < rows; first += BLOCK_ROWS) {
            int last = Math.min(rows, first + BLOCK_ROWS);
            writeMasks(batch, first, last, out);
            for (int column = 0; column < types.length; column++) {
                encodeColumn(batch, column, first, last, out);
            }
        }
        size = (int) total;
    }

    /**
     * Writes the null masks of rows {@code first} to {@code last - 1} at their starts, 64 columns (eight mask bytes) at a
     * time: each column's flags are gathered into one word per row (a pass over the rows without a branch, skipped for a
     * column the reader found free of nulls), then each word is stored at once. A store of the last, shorter, group runs
     * past the mask into the row's cells, or into later rows or the buffer's spare end: both are written afterwards
     * (cells by {@link #encodeColumn}, later rows' masks by this loop or the next block's), so it must precede them.
     */
    private void writeMasks(ColumnBatch batch, int first, int last, byte[] out) {
        long[] masks = this.masks;
        int[] starts = this.starts;
        for (int group = 0; group * 64 < types.length; group++) {
            Arrays.fill(masks, first, last, 0L);
            int end = Math.min(types.length, group * 64 + 64);
            for (int column = group * 64; column < end; column++) {
                if (batch.nullFree[column]) {
                    continue;
                }
                boolean[] nulls = batch.nulls[column];
                int shift = 63 - (column - group * 64);
                for (int row = first; row < last; row++) {
                    masks[row] |= (nulls[row] ? 1L : 0L) << shift;
                }
            }
            int offset = group * 8;
            for (int row = first; row < last; row++) {
                LONG.set(out, starts[row] + offset, masks[row]);
            }
        }
    }

    /** Writes the cells of rows {@code first} to {@code last - 1} of one column at their cursors (masks: {@link #writeMasks}). */
    private void encodeColumn(ColumnBatch batch, int column, int first, int last, byte[] out) {
        int[] cursors = this.cursors;
        boolean[] nulls = batch.nulls[column];
        boolean nullFree = batch.nullFree[column];
        switch (types[column]) {
            case BOOLEAN -> {
                long[] values = batch.longs[column];
                for (int row = first; row < last; row++) {
                    out[cursors[row]++] = nulls[row] ? (byte) '?' : values[row] != 0 ? (byte) 'T' : (byte) 'F';
                }
            }
            case SHORT -> {
                long[] values = batch.longs[column];
                for (int row = first; row < last; row++) {
                    SHORT.set(out, cursors[row], !nullFree && nulls[row] ? (short) 0 : (short) values[row]);
                    cursors[row] += 2;
                }
            }
            case INT -> {
                long[] values = batch.longs[column];
                for (int row = first; row < last; row++) {
                    INT.set(out, cursors[row], !nullFree && nulls[row] ? 0 : (int) values[row]);
                    cursors[row] += 4;
                }
            }
            case LONG -> {
                long[] values = batch.longs[column];
                for (int row = first; row < last; row++) {
                    LONG.set(out, cursors[row], !nullFree && nulls[row] ? 0L : values[row]);
                    cursors[row] += 8;
                }
            }
            case FLOAT -> {
                float[] values = batch.floats[column];
                for (int row = first; row < last; row++) {
                    INT.set(out, cursors[row], Float.floatToIntBits(!nullFree && nulls[row] ? Float.NaN : values[row]));
                    cursors[row] += 4;
                }
            }
            case DOUBLE -> {
                double[] values = batch.doubles[column];
                for (int row = first; row < last; row++) {
                    LONG.set(out, cursors[row], Double.doubleToLongBits(!nullFree && nulls[row] ? Double.NaN : values[row]));
                    cursors[row] += 8;
                }
            }
            case STRING -> {
                if (asciiBytes[column]) {
                    byte[] bytes = batch.utf8[column];
                    int[] offsets = batch.utf8Offsets[column];
                    for (int row = first; row < last; row++) {
                        int length = offsets[row + 1] - offsets[row];
                        int at = cursors[row];
                        INT.set(out, at, length);
                        System.arraycopy(bytes, offsets[row], out, at + 4, length);
                        cursors[row] = at + 4 + length;
                    }
                } else {
                    String[] values = batch.strings(column);
                    for (int row = first; row < last; row++) {
                        String value = nulls[row] ? "" : values[row];
                        int length = value.length();
                        int at = cursors[row];
                        INT.set(out, at, length);
                        at += 4;
                        for (int i = 0; i < length; i++) {
                            char c = value.charAt(i);
                            out[at++] = c < 0x80 ? (byte) c : (byte) '?';
                        }
                        cursors[row] = at;
                    }
                }
            }
            case POINT, CIRCLE -> {
                double[][] values = batch.arrays[column];
                int length = types[column].arrayLength();
                for (int row = first; row < last; row++) {
                    int at = cursors[row];
                    for (int i = 0; i < length; i++) {
                        LONG.set(out, at, Double.doubleToLongBits(nulls[row] ? Double.NaN : values[row][i]));
                        at += 8;
                    }
                    cursors[row] = at;
                }
            }
            case POLYGON -> {
                double[][] values = batch.arrays[column];
                for (int row = first; row < last; row++) {
                    double[] value = nulls[row] ? new double[0] : values[row];
                    int at = cursors[row];
                    INT.set(out, at, value.length);
                    at += 4;
                    for (double number : value) {
                        LONG.set(out, at, Double.doubleToLongBits(number));
                        at += 8;
                    }
                    cursors[row] = at;
                }
            }
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    /** Whether bytes 0 to {@code end} are all ASCII (below 0x80), eight at a time. */
    private static boolean isAscii(byte[] bytes, int end) {
        long seen = 0;
        int i = 0;
        for (; i + 8 <= end; i += 8) {
            seen |= (long) NATIVE_LONG.get(bytes, i);
        }
        for (; i < end; i++) {
            seen |= bytes[i];
        }
        return (seen & 0x8080808080808080L) == 0;
    }
}
