package org.skysieve.xmatch;

import org.skysieve.sky.healpix.HealpixNested;

/**
 * One side's rows with a position, in HEALPix order at a sort depth (rows in one cell of that depth keep their row
 * order), with their unit vectors copied in that order so that a cell's rows are contiguous in memory. Searches for
 * cell boundaries at the sort depth or coarser ({@link #lowerBound(long)} of a depth-29 index) are exact. Immutable
 * after construction; shared read-only between threads.
 */
final class CellIndex {
    final int[] rows;
    final long[] hash29;
    final double[] x;
    final double[] y;
    final double[] z;
    final double[] errorArcsec;

    /** In depth-29 order. */
    CellIndex(SkyPositions positions) {
        this(positions, HealpixNested.MAX_DEPTH);
    }

    /** In order of the cells at {@code sortDepth} (fewer radix passes than depth 29). */
    CellIndex(SkyPositions positions, int sortDepth) {
        int total = positions.size();
        int shift = 2 * (HealpixNested.MAX_DEPTH - sortDepth);
        long[] keys = new long[total];
        for (int i = 0; i < total; i++) {
            // rows without a position (Long.MAX_VALUE) still sort last after the shift
            keys[i] = positions.hash29(i) >>> shift;
        }
        int[] order = HashOrder.sortedIndices(keys, 2 * sortDepth + 5);
        int n = 0;
        while (n < total && positions.hasPosition(order[n])) {
            n++;
        }
        // rows without a position carry Long.MAX_VALUE and sort last: they are dropped here.
        rows = java.util.Arrays.copyOf(order, n);
        hash29 = new long[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        errorArcsec = new double[n];
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            hash29[i] = positions.hash29(row);
            x[i] = positions.x(row);
            y[i] = positions.y(row);
            z[i] = positions.z(row);
            errorArcsec[i] = positions.errorArcsec(row);
        }
    }

    int size() {
        return rows.length;
    }

    /** The first position whose index is >= {@code value}. */
    int lowerBound(long value) {
        int low = 0;
        int high = hash29.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (hash29[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
