package org.skysieve.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.skysieve.catalog.model.ColumnType;

/**
 * The oracle of {@link Binary2Rows}: its first implementation, kept as it was (row by row, cell by cell through a
 * {@code ByteBuffer}, strings read as {@code String}s). Encodes the rows of a {@link ColumnBatch} as VOTable BINARY2 (before base64): per row the null mask (one bit per
 * column, most significant bit first, set for a null), then each cell big-endian: boolean one byte {@code T}/{@code F}
 * ({@code ?} for null), short/int/long two/four/eight bytes (0 for null), float/double IEEE (NaN for null; a NaN value
 * stays NaN, told apart by the mask), string a four-byte length and one byte per character (characters outside ASCII,
 * which VOTable {@code char} cannot carry, become {@code ?}); a POINT or CIRCLE its 2 or 3 doubles (NaN for null), a
 * POLYGON a four-byte count of doubles then the doubles (count 0 for null). A whole batch is assembled in one reused buffer and
 * written at once. Not thread-safe.
 */
final class RowByRowBinary2 {
    private final ColumnType[] types;
    private final int maskBytes;
    private final int fixedRowBytes;
    private byte[] buffer = new byte[1 << 16];

    RowByRowBinary2(ColumnType[] types) {
        this.types = types.clone();
        this.maskBytes = (types.length + 7) / 8;
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

    void write(ColumnBatch batch, OutputStream out) throws IOException {
        int rows = batch.rowCount;
        long size = (long) fixedRowBytes * rows;
        for (int column = 0; column < types.length; column++) {
            if (types[column] == ColumnType.STRING) {
                String[] values = batch.strings(column);
                boolean[] nulls = batch.nulls[column];
                for (int row = 0; row < rows; row++) {
                    size += nulls[row] ? 0 : values[row].length();
                }
            } else if (types[column] == ColumnType.POLYGON) {
                double[][] values = batch.arrays[column];
                boolean[] nulls = batch.nulls[column];
                for (int row = 0; row < rows; row++) {
                    size += nulls[row] ? 0 : 8L * values[row].length;
                }
            }
        }
        if (size > buffer.length) {
            buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, 2L * buffer.length))];
        }
        ByteBuffer data = ByteBuffer.wrap(buffer);
        for (int row = 0; row < rows; row++) {
            int maskAt = data.position();
            for (int i = 0; i < maskBytes; i++) {
                data.put((byte) 0);
            }
            for (int column = 0; column < types.length; column++) {
                boolean isNull = batch.nulls[column][row];
                if (isNull) {
                    buffer[maskAt + (column >> 3)] |= (byte) (0x80 >>> (column & 7));
                }
                switch (types[column]) {
                    case BOOLEAN -> data.put(isNull ? (byte) '?' : batch.longs[column][row] != 0 ? (byte) 'T' : (byte) 'F');
                    case SHORT -> data.putShort(isNull ? 0 : (short) batch.longs[column][row]);
                    case INT -> data.putInt(isNull ? 0 : (int) batch.longs[column][row]);
                    case LONG -> data.putLong(isNull ? 0 : batch.longs[column][row]);
                    case FLOAT -> data.putInt(Float.floatToIntBits(isNull ? Float.NaN : batch.floats[column][row]));
                    case DOUBLE -> data.putLong(Double.doubleToLongBits(isNull ? Double.NaN : batch.doubles[column][row]));
                    case STRING -> {
                        String value = isNull ? "" : batch.strings(column)[row];
                        int length = value.length();
                        data.putInt(length);
                        for (int i = 0; i < length; i++) {
                            char c = value.charAt(i);
                            data.put(c < 0x80 ? (byte) c : (byte) '?');
                        }
                    }
                    case POINT, CIRCLE -> {
                        double[] value = batch.arrays[column][row];
                        for (int i = 0; i < types[column].arrayLength(); i++) {
                            data.putLong(Double.doubleToLongBits(isNull ? Double.NaN : value[i]));
                        }
                    }
                    case POLYGON -> {
                        double[] value = isNull ? new double[0] : batch.arrays[column][row];
                        data.putInt(value.length);
                        for (double number : value) {
                            data.putLong(Double.doubleToLongBits(number));
                        }
                    }
                }
            }
        }
        out.write(buffer, 0, data.position());
    }
}
