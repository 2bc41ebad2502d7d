package org.skysieve.sky.healpix;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A set of HEALPix cells as sorted, merged, half-open ranges [start, end) of depth-29 NESTED indices: the compact
 * form of a coverage (a MOC in ranges form). Any cell of any depth is the range of its depth-29 descendants.
 *
 * <p>Invariants: ranges non-empty, sorted, disjoint and not touching (merged); bounds in [0, 12 * 4^29]. Immutable
 * (arrays are copied in and out), thread-safe. {@code equals} compares the sets.
 */
public final class HealpixRanges {
    private static final HealpixRanges EMPTY = new HealpixRanges(new long[0]);
    private static final long MAX_DEPTH_CELLS = 12L << (2 * HealpixNested.MAX_DEPTH);

    /** start0, end0, start1, end1, ... */
    private final long[] bounds;

    private HealpixRanges(long[] bounds) {
        this.bounds = bounds;
    }

    /** The empty set. */
    public static HealpixRanges empty() {
        return EMPTY;
    }

    /** The set of the given cells at {@code depth} (any order, duplicates allowed). */
    public static HealpixRanges ofCells(int depth, long... hashes) {
        requireNonNull(hashes, "hashes is null");
        long[] pairs = new long[2 * hashes.length];
        int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
        for (int i = 0; i < hashes.length; i++) {
            HealpixNested.checkHash(depth, hashes[i]);
            pairs[2 * i] = hashes[i] << shift;
            pairs[2 * i + 1] = (hashes[i] + 1) << shift;
        }
        return ofRanges(pairs);
    }

    /**
     * The union of half-open depth-29 ranges given as pairs {start0, end0, start1, end1, ...} in any order, possibly
     * overlapping; empty ranges (start == end) are dropped.
     */
    public static HealpixRanges ofRanges(long... startEndPairs) {
        requireNonNull(startEndPairs, "startEndPairs is null");
        if (startEndPairs.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Expected an even number of range bounds. Actual: " + startEndPairs.length);
        }
        int count = startEndPairs.length / 2;
        long[][] ranges = new long[count][];
        for (int i = 0; i < count; i++) {
            long start = startEndPairs[2 * i];
            long end = startEndPairs[2 * i + 1];
            if (start < 0 || end < start || end > MAX_DEPTH_CELLS) {
                throw new IllegalArgumentException("Expected 0 <= start <= end <= " + MAX_DEPTH_CELLS
                        + " for range " + i + ". Actual: [" + start + ", " + end + ")");
            }
            ranges[i] = new long[] {start, end};
        }
        Arrays.sort(ranges, (left, right) -> Long.compare(left[0], right[0]));
        long[] merged = new long[2 * count];
        int size = 0;
        for (long[] range : ranges) {
            if (range[0] == range[1]) {
                continue;
            }
            if (size > 0 && range[0] <= merged[size - 1]) {
                merged[size - 1] = Math.max(merged[size - 1], range[1]);
            } else {
                merged[size++] = range[0];
                merged[size++] = range[1];
            }
        }
        return size == 0 ? EMPTY : new HealpixRanges(Arrays.copyOf(merged, size));
    }

    /** Whether the depth-29 cell {@code hash29} is in the set. */
    public boolean contains(long hash29) {
        int index = firstRangeEndingAfter(hash29);
        return index < rangeCount() && start(index) <= hash29;
    }

    /** Whether the whole cell ({@code depth}, {@code hash}) is in the set. */
    public boolean containsCell(int depth, long hash) {
        long first = HealpixNested.firstDescendant(depth, hash, HealpixNested.MAX_DEPTH);
        long end = HealpixNested.descendantsEnd(depth, hash, HealpixNested.MAX_DEPTH);
        int index = firstRangeEndingAfter(first);
        return index < rangeCount() && start(index) <= first && end(index) >= end;
    }

    /** Whether some part of the cell ({@code depth}, {@code hash}) is in the set. */
    public boolean intersectsCell(int depth, long hash) {
        long first = HealpixNested.firstDescendant(depth, hash, HealpixNested.MAX_DEPTH);
        long end = HealpixNested.descendantsEnd(depth, hash, HealpixNested.MAX_DEPTH);
        int index = firstRangeEndingAfter(first);
        return index < rangeCount() && start(index) < end;
    }

    /** The number of ranges. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    /** The first depth-29 index of range {@code index}. */
    public long start(int index) {
        return bounds[2 * index];
    }

    /** One past the last depth-29 index of range {@code index}. */
    public long end(int index) {
        return bounds[2 * index + 1];
    }

    /** The bounds as a new array {start0, end0, start1, end1, ...}. */
    public long[] toArray() {
        return bounds.clone();
    }

    /** Whether the set is empty. */
    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** The number of depth-29 cells in the set. */
    public long maxDepthCellCount() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            total += bounds[i + 1] - bounds[i];
        }
        return total;
    }

    /** The union with {@code other}. */
    public HealpixRanges union(HealpixRanges other) {
        requireNonNull(other, "other is null");
        long[] both = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, both, bounds.length, other.bounds.length);
        return ofRanges(both);
    }

    /** The smallest range index whose end is greater than {@code hash29}, or rangeCount() if none. */
    private int firstRangeEndingAfter(long hash29) {
        int low = 0;
        int high = rangeCount();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bounds[2 * middle + 1] <= hash29) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HealpixRanges ranges && Arrays.equals(bounds, ranges.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HealpixRanges[");
        for (int i = 0; i < bounds.length && i < 20; i += 2) {
            text.append(i == 0 ? "" : ", ").append('[').append(bounds[i]).append(", ").append(bounds[i + 1]).append(')');
        }
        return text.append(bounds.length > 20 ? ", ...]" : "]").toString();
    }
}
