package org.skysieve.sky.moc;

import java.util.Arrays;

/**
 * Set operations on sorted, merged, half-open depth-29 range bounds {start0, end0, start1, end1, ...}, in one linear
 * sweep each. Inputs must be normalised (see {@link MocInvariants}); outputs are.
 */
final class RangeAlgebra {
    static final long SKY_END = 12L << 58;

    private RangeAlgebra() {
    }

    static long[] union(long[] left, long[] right) {
        long[] out = new long[left.length + right.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < left.length || j < right.length) {
            long start;
            long end;
            if (j >= right.length || (i < left.length && left[i] <= right[j])) {
                start = left[i];
                end = left[i + 1];
                i += 2;
            } else {
                start = right[j];
                end = right[j + 1];
                j += 2;
            }
            if (size > 0 && start <= out[size - 1]) {
                out[size - 1] = Math.max(out[size - 1], end);
            } else {
                out[size++] = start;
                out[size++] = end;
            }
        }
        return Arrays.copyOf(out, size);
    }

    static long[] intersection(long[] left, long[] right) {
        long[] out = new long[left.length + right.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < left.length && j < right.length) {
            long start = Math.max(left[i], right[j]);
            long end = Math.min(left[i + 1], right[j + 1]);
            if (start < end) {
                if (size > 0 && out[size - 1] == start) {
                    out[size - 1] = end;
                } else {
                    out[size++] = start;
                    out[size++] = end;
                }
            }
            if (left[i + 1] < right[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, size);
    }

    static long[] complement(long[] bounds) {
        long[] out = new long[bounds.length + 2];
        int size = 0;
        long previousEnd = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > previousEnd) {
                out[size++] = previousEnd;
                out[size++] = bounds[i];
            }
            previousEnd = bounds[i + 1];
        }
        if (previousEnd < SKY_END) {
            out[size++] = previousEnd;
            out[size++] = SKY_END;
        }
        return Arrays.copyOf(out, size);
    }

    /** The smallest set of cells at {@code order} covering the ranges: bounds rounded outwards, then merged. */
    static long[] degrade(long[] bounds, int order) {
        int shift = 2 * (29 - order);
        long mask = (1L << shift) - 1;
        long[] out = new long[bounds.length];
        int size = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            long start = bounds[i] & ~mask;
            long end = (bounds[i + 1] + mask) & ~mask;
            if (size > 0 && start <= out[size - 1]) {
                out[size - 1] = Math.max(out[size - 1], end);
            } else {
                out[size++] = start;
                out[size++] = end;
            }
        }
        return Arrays.copyOf(out, size);
    }
}
