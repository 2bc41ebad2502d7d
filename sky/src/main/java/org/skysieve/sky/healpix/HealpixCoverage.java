package org.skysieve.sky.healpix;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.skysieve.sky.CapRelation;
import org.skysieve.sky.Cone;
import org.skysieve.sky.SkyRegion;
import org.skysieve.sky.SphericalPolygon;
import org.skysieve.sky.UnitVector;

/**
 * The HEALPix cells covering a region (cone, polygon, any {@link SkyRegion}) at a chosen depth.
 *
 * <p>Guarantee (conservative covering): every point inside the region hashes, at the chosen depth, into a returned
 * cell; cells that only come close to the region may be returned too (false positives, never false negatives).
 *
 * <p>Method: descent of the NESTED tree from the 12 base cells. Each cell is bounded by the cap of its centre and
 * its circumradius (the farthest vertex: the farthest point of a HEALPix cell from its centre is a vertex, checked by
 * {@code CellCircumradiusTest}; a 1% margin absorbs rounding). Cells whose cap is disjoint from the region are
 * dropped, cells whose cap is inside are kept whole, the others are split down to the chosen depth, where they are
 * kept. The work grows with the number of cells along the region's boundary at the chosen depth.
 *
 * <p>Static pure functions: thread-safe.
 */
public final class HealpixCoverage {
    private static final double CIRCUMRADIUS_MARGIN = 1.01;

    private HealpixCoverage() {
    }

    /** The cells at {@code depth} covering the cone (radians; radius in [0, pi]), sorted ascending. */
    public static long[] coneCells(int depth, double lonRad, double latRad, double radiusRad) {
        return cells(depth, Cone.of(lonRad, latRad, radiusRad));
    }

    /** The cells at {@code depth} covering the cone, as depth-29 ranges. */
    public static HealpixRanges coneRanges(int depth, double lonRad, double latRad, double radiusRad) {
        return ranges(depth, Cone.of(lonRad, latRad, radiusRad));
    }

    /** The cells at {@code depth} covering the polygon, sorted ascending. */
    public static long[] polygonCells(int depth, SphericalPolygon polygon) {
        return cells(depth, polygon);
    }

    /** The cells at {@code depth} covering the polygon, as depth-29 ranges. */
    public static HealpixRanges polygonRanges(int depth, SphericalPolygon polygon) {
        return ranges(depth, polygon);
    }

    /**
     * The cells at {@code depth} covering {@code region}, sorted ascending. The array can be huge for a large region at
     * a deep depth (a cell inside the region contributes all its descendants): prefer {@link #ranges} there.
     */
    public static long[] cells(int depth, SkyRegion region) {
        HealpixRanges ranges = ranges(depth, region);
        int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
        long count = ranges.maxDepthCellCount() >>> shift;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Expected a covering of at most " + (Integer.MAX_VALUE - 8)
                    + " cells; use ranges(). Actual: " + count + " cells at depth " + depth);
        }
        long[] cells = new long[(int) count];
        int size = 0;
        for (int i = 0; i < ranges.rangeCount(); i++) {
            for (long cell = ranges.start(i) >>> shift; cell < ranges.end(i) >>> shift; cell++) {
                cells[size++] = cell;
            }
        }
        return cells;
    }

    /** The cells at {@code depth} covering {@code region}, as depth-29 ranges. */
    public static HealpixRanges ranges(int depth, SkyRegion region) {
        HealpixNested.checkDepth(depth);
        requireNonNull(region, "region is null");
        Collector collector = new Collector();
        for (int baseCell = 0; baseCell < 12; baseCell++) {
            descend(0, baseCell, depth, region, collector);
        }
        return HealpixRanges.ofRanges(collector.toArray());
    }

    private static void descend(int depth, long hash, int targetDepth, SkyRegion region, Collector collector) {
        UnitVector centre = cellPoint(depth, hash, 0.5, 0.5);
        CapRelation relation = region.relate(centre, circumradiusRad(depth, hash, centre));
        if (relation == CapRelation.DISJOINT) {
            return;
        }
        if (relation == CapRelation.INSIDE || depth == targetDepth) {
            int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
            collector.add(hash << shift, (hash + 1) << shift);
            return;
        }
        for (long child = hash << 2; child < (hash << 2) + 4; child++) {
            descend(depth + 1, child, targetDepth, region, collector);
        }
    }

    /** An upper bound of the distance from the cell's centre to any of its points, radians. */
    static double circumradiusRad(int depth, long hash, UnitVector centre) {
        double farthestRad = Math.max(
                Math.max(centre.angleRad(cellPoint(depth, hash, 0, 0)), centre.angleRad(cellPoint(depth, hash, 1, 1))),
                Math.max(centre.angleRad(cellPoint(depth, hash, 1, 0)), centre.angleRad(cellPoint(depth, hash, 0, 1))));
        return farthestRad * CIRCUMRADIUS_MARGIN + 1e-15;
    }

    /** The point at fractions (u, v) of the cell's face coordinates: (0.5, 0.5) the centre, (0, 0) the south vertex. */
    private static UnitVector cellPoint(int depth, long hash, double u, double v) {
        double nside = 1L << depth;
        long inFace = HealpixNested.inFaceIndex(depth, hash);
        return HealpixProjection.unprojectToVector(HealpixNested.face(depth, hash),
                (BitInterleave.x(inFace) + u) / nside, (BitInterleave.y(inFace) + v) / nside);
    }

    /** Growing list of range bounds, produced in ascending order by the descent. */
    private static final class Collector {
        private long[] bounds = new long[64];
        private int size;

        void add(long start, long end) {
            if (size > 0 && bounds[size - 1] == start) {
                bounds[size - 1] = end;
                return;
            }
            if (size + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[size++] = start;
            bounds[size++] = end;
        }

        long[] toArray() {
            return Arrays.copyOf(bounds, size);
        }
    }
}
