package org.skysieve.formats;

import java.util.Arrays;

/**
 * The distinct values of a string column chunk while they are few (at most {@link #MAX_ENTRIES}, {@link #MAX_BYTES}
 * bytes in all), and each value's entry number in order: Parquet's dictionary encoding of status words and tile names
 * (a few bits a value instead of 4 + length bytes). Once a chunk has more distinct values the dictionary gives up
 * ({@link #active()} false) and the chunk stays PLAIN. An open-addressing table of entry numbers finds a value by its
 * bytes; the last value is checked first (runs are common). Reused chunk after chunk. Not thread-safe.
 */
final class StringDictionary {
    static final int MAX_ENTRIES = 1024;
    static final int MAX_BYTES = 64 * 1024;
    private static final int SLOTS = 4 * MAX_ENTRIES;
    private final LittleEndianBytes entries = new LittleEndianBytes(4096);
    private final int[] entryStarts = new int[MAX_ENTRIES + 1];
    private final int[] slots = new int[SLOTS];
    private int[] indices = new int[ColumnBatch.CAPACITY];
    private int count;
    private int entryCount;
    private int last = -1;
    private boolean active;

    StringDictionary() {
        reset();
    }

    boolean active() {
        return active;
    }

    /** Entries so far. */
    int size() {
        return entryCount;
    }

    /** Adds a value's entry number (a new entry if needed); false, and inactive from then on, when the dictionary is full. */
    boolean add(byte[] bytes, int from, int length) {
        if (!active) {
            return false;
        }
        if (last >= 0 && equalsEntry(last, bytes, from, length)) {
            record(last);
            return true;
        }
        int hash = 1;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
        while (slots[slot] >= 0) {
            if (equalsEntry(slots[slot], bytes, from, length)) {
                last = slots[slot];
                record(last);
                return true;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (entryCount == MAX_ENTRIES || entries.size() + 4 + length > MAX_BYTES) {
            active = false;
            return false;
        }
        entries.writeInt(length);
        entries.write(bytes, from, length);
        slots[slot] = entryCount;
        entryStarts[++entryCount] = entries.size();
        last = entryCount - 1;
        record(last);
        return true;
    }

    private void record(int entry) {
        if (count == indices.length) {
            indices = Arrays.copyOf(indices, 2 * count);
        }
        indices[count++] = entry;
    }

    private boolean equalsEntry(int entry, byte[] bytes, int from, int length) {
        int start = entryStarts[entry] + 4;
        int end = entryStarts[entry + 1];
        return end - start == length && Arrays.equals(entries.array(), start, end, bytes, from, from + length);
    }

    /** The dictionary page's content: the entries PLAIN-encoded (length, bytes), in entry order. */
    LittleEndianBytes entries() {
        return entries;
    }

    /** The smallest (or largest, {@code largest}) entry in unsigned byte order; null when empty. */
    byte[] extreme(boolean largest) {
        byte[] best = null;
        byte[] array = entries.array();
        for (int entry = 0; entry < entryCount; entry++) {
            int start = entryStarts[entry] + 4;
            int end = entryStarts[entry + 1];
            if (best == null) {
                best = Arrays.copyOfRange(array, start, end);
                continue;
            }
            int order = Arrays.compareUnsigned(array, start, end, best, 0, best.length);
            if (largest ? order > 0 : order < 0) {
                best = Arrays.copyOfRange(array, start, end);
            }
        }
        return best;
    }

    /**
     * The data page's values: the bit width, then the entry numbers as one bit-packed run of the RLE/bit-packed hybrid
     * (groups of 8, the last padded with zeros).
     */
    void writeIndices(LittleEndianBytes out) {
        int bitWidth = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, entryCount - 1)));
        out.writeByte(bitWidth);
        int groups = (count + 7) / 8;
        out.writeUnsignedVarint(((long) groups << 1) | 1);
        out.reserve(groups * bitWidth);
        long buffer = 0;
        int bits = 0;
        for (int i = 0; i < groups * 8; i++) {
            buffer |= (long) (i < count ? indices[i] : 0) << bits;
            bits += bitWidth;
            while (bits >= 8) {
                out.writeByte((int) buffer);
                buffer >>>= 8;
                bits -= 8;
            }
        }
    }

    void reset() {
        entries.clear();
        Arrays.fill(slots, -1);
        entryStarts[0] = 0;
        entryCount = 0;
        count = 0;
        last = -1;
        active = true;
    }
}
