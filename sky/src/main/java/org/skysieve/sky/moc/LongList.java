package org.skysieve.sky.moc;

import java.util.Arrays;

/** A growing list of primitive longs (no boxing), for the readers. Not thread-safe. */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    void add(long first, long second) {
        add(first);
        add(second);
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
