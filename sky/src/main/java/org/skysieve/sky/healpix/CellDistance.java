package org.skysieve.sky.healpix;

import static java.util.Objects.requireNonNull;

import java.util.PriorityQueue;
import org.skysieve.sky.UnitVector;

/**
 * The great-circle distance from a point to a HEALPix NESTED cell (the nearest point of the cell; zero inside it), as
 * HATS margin caches need it: a row belongs to a partition's margin when it lies outside the partition and within the
 * threshold of it.
 *
 * <p>Method: best-first descent of the cell's sub-cells. Each sub-cell's centre is a point of the cell (an upper bound
 * of the distance); the distance to its centre less its circumradius (the bound {@link HealpixCoverage} uses) is a lower
 * bound for every point in it. Sub-cells are split, nearest lower bound first, until the bounds meet within the
 * tolerance asked for. The work grows as the square root of distance / tolerance (the stretch of edge nearly as near
 * as the nearest point), hence a tolerance relative to the radius for {@link #withinRad}.
 *
 * <p>Static pure functions: thread-safe.
 */
public final class CellDistance {
    /** The smallest tolerance: a depth-29 cell's circumradius bound (about 0.6 mas), radians. */
    public static final double MIN_TOLERANCE_RAD = 3e-9;
    /** The tolerance of {@link #withinRad} relative to its radius. */
    public static final double RELATIVE_TOLERANCE = 1e-3;

    private CellDistance() {
    }

    /**
     * The distance in radians from {@code point} to the nearest point of the cell ({@code depth}, {@code hash}); 0 inside
     * it. The result is the distance to a point of the cell, so never below the true distance, and at most
     * {@code toleranceRad} (at least {@link #MIN_TOLERANCE_RAD}) above it.
     */
    public static double distanceRad(int depth, long hash, UnitVector point, double toleranceRad) {
        return search(depth, hash, point, Double.POSITIVE_INFINITY, Math.max(MIN_TOLERANCE_RAD, toleranceRad), false);
    }

    /**
     * Whether {@code point} lies within {@code radiusRad} of the cell (the cell itself included): true for every point
     * within {@code radiusRad} of a point of the cell, false for every point farther than {@code radiusRad + tolerance}
     * from all of them, with tolerance = max({@link #RELATIVE_TOLERANCE} × radius, {@link #MIN_TOLERANCE_RAD}); either
     * in between.
     */
    public static boolean withinRad(int depth, long hash, UnitVector point, double radiusRad) {
        if (!(radiusRad >= 0)) {
            throw new IllegalArgumentException("Expected radiusRad >= 0. Actual: " + radiusRad);
        }
        double toleranceRad = Math.max(MIN_TOLERANCE_RAD, RELATIVE_TOLERANCE * radiusRad);
        return search(depth, hash, point, radiusRad, toleranceRad, true) <= radiusRad + toleranceRad;
    }

    /**
     * The smallest distance to a sub-cell centre found. Sub-cells whose lower bound exceeds {@code limitRad} are not
     * searched; with {@code stopWhenWithin}, the search ends at the first centre within {@code limitRad + toleranceRad}.
     */
    private static double search(int depth, long hash, UnitVector point, double limitRad, double toleranceRad, boolean stopWhenWithin) {
        HealpixNested.checkHash(depth, hash);
        requireNonNull(point, "point is null");
        var lonLat = point.toLonLat();
        if (HealpixNested.hash(depth, lonLat.lonRad(), lonLat.latRad()) == hash) {
            return 0.0;
        }
        double enoughRad = stopWhenWithin ? limitRad + toleranceRad : -1;
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        Candidate root = Candidate.of(depth, hash, point);
        double best = root.centreDistanceRad;
        if (best <= enoughRad) {
            return best;
        }
        queue.add(root);
        while (!queue.isEmpty()) {
            Candidate cell = queue.poll();
            if (cell.lowerBoundRad > limitRad || cell.lowerBoundRad >= best - toleranceRad) {
                break;
            }
            if (cell.depth == HealpixNested.MAX_DEPTH) {
                continue;
            }
            for (long child = cell.hash << 2; child < (cell.hash << 2) + 4; child++) {
                Candidate sub = Candidate.of(cell.depth + 1, child, point);
                best = Math.min(best, sub.centreDistanceRad);
                if (best <= enoughRad) {
                    return best;
                }
                if (sub.lowerBoundRad <= limitRad && sub.lowerBoundRad < best - toleranceRad) {
                    queue.add(sub);
                }
            }
        }
        return best;
    }
    /** A sub-cell with the distance to its centre and a lower bound of the distance to any of its points. */
    private record Candidate(int depth, long hash, double centreDistanceRad, double lowerBoundRad) implements Comparable<Candidate> {
        static Candidate of(int depth, long hash, UnitVector point) {
            UnitVector centre = HealpixNested.center(depth, hash).toUnitVector();
            double distanceRad = centre.angleRad(point);
            double circumradiusRad = HealpixCoverage.circumradiusRad(depth, hash, centre);
            return new Candidate(depth, hash, distanceRad, Math.max(0.0, distanceRad - circumradiusRad));
        }

        @Override
        public int compareTo(Candidate other) {
            return Double.compare(lowerBoundRad, other.lowerBoundRad);
        }
    }
}
