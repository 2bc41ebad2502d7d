package org.skysieve.formats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.duckdb.DuckDBReadableVector;

/**
 * Bulk reads of a DuckDB vector's memory: its data and validity buffers (the direct {@link ByteBuffer}s that
 * {@link DuckDBReadableVector} reads one value at a time), and VARCHAR values decoded from the C API's
 * {@code duckdb_string_t} layout (16 bytes: a 32-bit length, then up to 12 inlined bytes, or a 4-byte prefix and a
 * pointer to the bytes). One JNI call and one lock per string ({@code getString}) cost more than the rest of a row.
 *
 * <p>The buffers are private fields of the DuckDB JDBC driver's vector, reached by reflection once; when that fails
 * (another driver version) or a buffer does not have the expected size, {@link #available()} or the read methods say so
 * and callers use the public per-value getters instead. Reading a pointer uses {@code sun.misc.Unsafe}; the memory it
 * points to belongs to the chunk, which must stay open while its vector is read. Stateless and thread-safe.
 */
final class DuckDbVectorAccess {
    private static final VarHandle DATA = field("data");
    private static final VarHandle VALIDITY = field("validity");
    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final int STRING_BYTES = 16;
    private static final int INLINED_BYTES = 12;
    private static final VarHandle NATIVE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle NATIVE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** Where a direct buffer keeps its native address ({@code java.nio.Buffer.address}); negative when unknown. */
    private static final long ADDRESS_OFFSET = addressOffset();

    private DuckDbVectorAccess() {
    }

    /** Whether the buffers can be read directly (otherwise callers use the per-value getters). */
    static boolean available() {
        return DATA != null && VALIDITY != null && UNSAFE != null;
    }

    /** The vector's data buffer in native byte order, or null when it cannot be read or is smaller than expected. */
    static ByteBuffer data(DuckDBReadableVector vector, int valueBytes) {
        ByteBuffer data = buffer(DATA, vector);
        if (data == null || data.capacity() < vector.rowCount() * valueBytes) {
            return null;
        }
        return data.duplicate().order(ByteOrder.nativeOrder());
    }

    /** What {@link #readNulls} found. */
    enum Nulls {
        /** The validity buffer could not be read: nothing written. */
        NOT_READ,
        /** No row of the range is null (the flags written are all false). */
        NONE,
        /** Some rows of the range may be null (their flags are set). */
        SOME
    }

    /**
     * Sets {@code nulls[row]} for rows {@code from .. from + rows - 1} of the vector (written at 0 ..) and says whether
     * any was null ({@link Nulls#NOT_READ} when the validity buffer cannot be read: nothing written).
     */
    static Nulls readNulls(DuckDBReadableVector vector, int from, int rows, boolean[] nulls) {
        if (!available()) {
            return Nulls.NOT_READ;
        }
        ByteBuffer validity = buffer(VALIDITY, vector);
        if (validity == null) {
            java.util.Arrays.fill(nulls, 0, rows, false); // no validity mask: no null in the vector
            return Nulls.NONE;
        }
        if (validity.capacity() < (vector.rowCount() + 63) / 64 * 8) {
            return Nulls.NOT_READ;
        }
        ByteBuffer mask = validity.duplicate().order(ByteOrder.nativeOrder());
        boolean some = false;
        int row = 0;
        while (row < rows) {
            int index = from + row;
            long word = mask.getLong((index >>> 6) << 3) >>> (index & 63);
            int inWord = Math.min(64 - (index & 63), rows - row);
            long wanted = inWord == 64 ? -1L : (1L << inWord) - 1;
            if ((word & wanted) == wanted) { // all valid (the usual case): no bit to look at
                java.util.Arrays.fill(nulls, row, row + inWord, false);
            } else {
                some = true;
                for (int i = 0; i < inWord; i++) {
                    nulls[row + i] = (word & (1L << i)) == 0;
                }
            }
            row += inWord;
        }
        return some ? Nulls.SOME : Nulls.NONE;
    }

    /**
     * Copies the UTF-8 bytes of the VARCHAR values of rows {@code from ..} into the batch's byte store of
     * {@code column} (rows at 0 ..; a null row, as {@code batch.nulls} says, gets no bytes); false when the data buffer
     * cannot be read (the column then holds nothing usable and the caller falls back).
     *
     * <p>The {@code duckdb_string_t}s are read at the buffer's native address with plain loads: an inlined value as the
     * struct's 12 bytes (stored whole, the store keeping 12 spare bytes; what lies beyond the value's length is overwritten
     * by the next value or ignored), a longer one eight bytes at a time and its last eight bytes once more (never a byte
     * beyond its end). A bulk copy per value ({@code ByteBuffer.get}, {@code Unsafe.copyMemory}) spent more time in its
     * argument checks than in copying the few bytes of a name.
     */
    static boolean readUtf8(DuckDBReadableVector vector, int from, int rows, ColumnBatch batch, int column) {
        ByteBuffer data = available() ? data(vector, STRING_BYTES) : null;
        if (data == null || ADDRESS_OFFSET < 0) {
            return false;
        }
        long base = UNSAFE.getLong(data, ADDRESS_OFFSET);
        if (base == 0) {
            return false;
        }
        boolean[] nulls = batch.nulls[column];
        int[] offsets = batch.utf8Offsets[column];
        byte[] bytes = batch.utf8[column];
        int end = 0;
        for (int row = 0; row < rows; row++) {
            offsets[row] = end;
            if (nulls[row]) {
                continue;
            }
            long at = base + (long) (from + row) * STRING_BYTES;
            int length = UNSAFE.getInt(at);
            if (length < 0) {
                return false;
            }
            if (end + Math.max(length, INLINED_BYTES) > bytes.length) {
                bytes = batch.reserveUtf8(column, end + Math.max(length, INLINED_BYTES) + (rows - row) * 16);
            }
            if (length <= INLINED_BYTES) {
                NATIVE_LONG.set(bytes, end, UNSAFE.getLong(at + 4));
                NATIVE_INT.set(bytes, end + 8, UNSAFE.getInt(at + 12));
            } else {
                long address = UNSAFE.getLong(at + 8);
                int i = 0;
                for (; i + 8 <= length; i += 8) {
                    NATIVE_LONG.set(bytes, end + i, UNSAFE.getLong(address + i));
                }
                if (i < length) { // the last 8 bytes again, ending at the value's end
                    NATIVE_LONG.set(bytes, end + length - 8, UNSAFE.getLong(address + length - 8));
                }
            }
            end += length;
        }
        offsets[rows] = end;
        batch.holdUtf8(column);
        return true;
    }

    private static ByteBuffer buffer(VarHandle field, DuckDBReadableVector vector) {
        return (ByteBuffer) field.get(vector);
    }

    /** A handle on the vector's private buffer field (a handle, not {@code Field.get}: read twice per column and chunk). */
    private static VarHandle field(String name) {
        try {
            Field field = DuckDBReadableVector.class.getDeclaredField(name);
            if (field.getType() != ByteBuffer.class) {
                return null;
            }
            return MethodHandles.privateLookupIn(DuckDBReadableVector.class, MethodHandles.lookup()).unreflectVarHandle(field);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("deprecation") // objectFieldOffset: the one way to a direct buffer's address without --add-exports
    private static long addressOffset() {
        try {
            return UNSAFE == null ? -1 : UNSAFE.objectFieldOffset(java.nio.Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
