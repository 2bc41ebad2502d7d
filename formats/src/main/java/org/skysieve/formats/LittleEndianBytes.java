package org.skysieve.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array written at its end in little-endian order (Parquet's byte order), with bulk appends of
 * primitive arrays. Reused after {@link #clear()}: its array only grows. Not thread-safe.
 */
final class LittleEndianBytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] bytes;
    private int size;

    LittleEndianBytes(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    /** The backing array: bytes 0 to {@link #size()} - 1 are the content (valid until the next append). */
    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    /** Makes room for {@code more} bytes after the content. */
    void reserve(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalStateException("Expected a buffer below 2 GiB. Actual: " + size + " + " + more + " bytes");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }

    void writeByte(int value) {
        reserve(1);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        reserve(4);
        INT.set(bytes, size, value);
        size += 4;
    }

    void writeLong(long value) {
        reserve(8);
        LONG.set(bytes, size, value);
        size += 8;
    }

    /** An unsigned LEB128 varint (the RLE run headers of Parquet's levels). */
    void writeUnsignedVarint(long value) {
        reserve(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void write(byte[] source, int from, int length) {
        reserve(length);
        System.arraycopy(source, from, bytes, size, length);
        size += length;
    }

    /** {@code count} values from {@code values[from]} as 8-byte little-endian doubles (bits as they are: NaNs kept). */
    void writeDoubles(double[] values, int from, int count) {
        reserve(8 * count);
        ByteBuffer.wrap(bytes, size, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(values, from, count);
        size += 8 * count;
    }

    void writeFloats(float[] values, int from, int count) {
        reserve(4 * count);
        ByteBuffer.wrap(bytes, size, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, from, count);
        size += 4 * count;
    }

    void writeLongs(long[] values, int from, int count) {
        reserve(8 * count);
        ByteBuffer.wrap(bytes, size, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values, from, count);
        size += 8 * count;
    }

    /** {@code count} values of a long array as 4-byte little-endian ints (each fits: INT and SHORT columns). */
    void writeLongsAsInts(long[] values, int from, int count) {
        reserve(4 * count);
        int at = size;
        for (int i = from; i < from + count; i++, at += 4) {
            INT.set(bytes, at, (int) values[i]);
        }
        size = at;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}
