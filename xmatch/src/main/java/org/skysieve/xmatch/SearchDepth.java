package org.skysieve.xmatch;

import org.skysieve.sky.healpix.HealpixNested;

/**
 * The HEALPix depth at which a cell and its neighbours hold every point within a radius of any point of the cell.
 *
 * <p>That holds when the radius is below the smallest distance between opposite edges of any cell at the depth. That
 * distance is 0.841 rad at depth 0 and tends to about 0.68 / 2^depth (cds-healpix, {@code SMALLER_EDGE2OPEDGE_DIST});
 * we use half of the nominal bound, 0.5 / 2^depth rad, leaving a wide margin (checked by {@code SearchDepthTest}).
 */
final class SearchDepth {
    private static final double SAFE_WIDTH_RAD_AT_DEPTH_0 = 0.5;

    private SearchDepth() {
    }

    /** The deepest depth (at most 29) whose cells are safe for {@code radiusRad}; 0 at most. */
    static int forRadius(double radiusRad) {
        int depth = 0;
        while (depth < HealpixNested.MAX_DEPTH && safeRadiusRad(depth + 1) >= radiusRad) {
            depth++;
        }
        return depth;
    }

    /** The largest radius for which depth {@code depth} is safe. */
    static double safeRadiusRad(int depth) {
        return SAFE_WIDTH_RAD_AT_DEPTH_0 / (1L << depth);
    }

    /**
     * A depth for bucketing {@code index}: at most {@code maxDepth}, and coarse enough that occupied cells hold on
     * average at least a few rows (deeper cells would cost more look-ups than distance computations saved).
     */
    static int forIndex(CellIndex index, int maxDepth) {
        int depth = maxDepth;
        while (depth > 0 && index.size() > 0) {
            int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
            long occupied = 1;
            for (int i = 1; i < index.size(); i++) {
                if ((index.hash29[i] >>> shift) != (index.hash29[i - 1] >>> shift)) {
                    occupied++;
                }
            }
            if (index.size() >= 2 * occupied) {
                break;
            }
            depth--;
        }
        return depth;
    }
}
