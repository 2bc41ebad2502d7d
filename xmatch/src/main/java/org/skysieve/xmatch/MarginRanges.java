package org.skysieve.xmatch;

import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.HealpixRanges;

/** The HEALPix ranges holding every point within a margin of a cell or of a set of cells (supersets, never subsets). */
final class MarginRanges {
    /** A pixel's margin is found at most this many depths below it (4^6 = 4096 cells): a little wider, far fewer cells. */
    private static final int MAX_EXTRA_DEPTH = 6;

    private MarginRanges() {
    }

    /** Every point within {@code marginRad} of the cell {@code pixel} at {@code order}, the cell included. */
    static HealpixRanges aroundPixel(int order, long pixel, double marginRad) {
        int depth = SearchDepth.forRadius(marginRad);
        if (depth <= order) {
            return aroundCells(depth, new long[] {HealpixNested.ancestor(order, pixel, depth)});
        }
        depth = Math.min(depth, order + MAX_EXTRA_DEPTH);
        long first = HealpixNested.firstDescendant(order, pixel, depth);
        long end = HealpixNested.descendantsEnd(order, pixel, depth);
        long[] cells = new long[(int) (end - first)];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = first + i;
        }
        return aroundCells(depth, cells);
    }

    /** The cells at {@code depth} and their neighbours (safe for margins up to {@link SearchDepth#safeRadiusRad(int)}). */
    static HealpixRanges aroundCells(int depth, long[] cells) {
        long[] withNeighbours = new long[cells.length * 9];
        int n = 0;
        for (long cell : cells) {
            withNeighbours[n++] = cell;
            for (long neighbour : HealpixNested.neighbours(depth, cell)) {
                withNeighbours[n++] = neighbour;
            }
        }
        return HealpixRanges.ofCells(depth, java.util.Arrays.copyOf(withNeighbours, n));
    }

    /** At most {@code maxRanges} ranges covering {@code ranges}: the smallest gaps are filled first. */
    static long[] coarsened(HealpixRanges ranges, int maxRanges) {
        long[] bounds = ranges.toArray();
        int count = bounds.length / 2;
        if (count <= maxRanges) {
            return bounds;
        }
        long[] gaps = new long[count - 1];
        for (int i = 0; i + 1 < count; i++) {
            gaps[i] = bounds[2 * i + 2] - bounds[2 * i + 1];
        }
        long[] sortedGaps = gaps.clone();
        java.util.Arrays.sort(sortedGaps);
        long threshold = sortedGaps[count - maxRanges];
        long[] merged = new long[bounds.length];
        int m = 0;
        merged[m++] = bounds[0];
        int filled = 0;
        int toFill = count - maxRanges;
        for (int i = 0; i + 1 < count; i++) {
            boolean fill = filled < toFill && gaps[i] < threshold || (gaps[i] == threshold && filled < toFill);
            if (fill) {
                filled++;
            } else {
                merged[m++] = bounds[2 * i + 1];
                merged[m++] = bounds[2 * i + 2];
            }
        }
        merged[m++] = bounds[bounds.length - 1];
        return java.util.Arrays.copyOf(merged, m);
    }
}
