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
 * bound for every point in it. The sub-cell with the smallest lower bound is split until no lower bound is below the
 * best upper bound, down to depth 29 at most. So the result is the distance to a point of the cell and exceeds the
 * true distance by at most {@link #ACCURACY_RAD} (the circumradius of a depth-29 cell, about 0.6 mas).
 *
 * <p>Static pure functions: thread-safe.
 */
public final class CellDistance {
    /** The most by which {@link #distanceRad} may exceed the true distance: a depth-29 cell's circumradius bound, radians. */
    public static final double ACCURACY_RAD = 3e-9;

    private CellDistance() {
    }

    /** The distance in radians from {@code point} to the nearest point of the cell ({@code depth}, {@code hash}); 0 inside it. */
    public static double distanceRad(int depth, long hash, UnitVector point) {
        return search(depth, hash, point, Double.POSITIVE_INFINITY, 0.0);
    }

    /**
     * Whether some point of the cell lies within {@code radiusRad} of {@code point} (the cell itself included). Never
     * true for a point farther than {@code radiusRad} from every point of the cell; true for every point closer than
     * {@code radiusRad - ACCURACY_RAD}.
     */
    public static boolean withinRad(int depth, long hash, UnitVector point, double radiusRad) {
        if (!(radiusRad >= 0)) {
            throw new IllegalArgumentException("Expected radiusRad >= 0. Actual: " + radiusRad);
        }
        return search(depth, hash, point, radiusRad, radiusRad) <= radiusRad;
    }

    /**
     * The smallest distance to a sub-cell centre found, searching sub-cells whose lower bound is at most
     * {@code limitRad}, and stopping as soon as a centre within {@code enoughRad} is found.
     */
    private static double search(int depth, long hash, UnitVector point, double limitRad, double enoughRad) {
        HealpixNested.checkHash(depth, hash);
        requireNonNull(point, "point is null");
        var lonLat = point.toLonLat();
        if (HealpixNested.hash(depth, lonLat.lonRad(), lonLat.latRad()) == hash) {
            return 0.0;
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        Candidate root = Candidate.of(depth, hash, point);
        double best = root.centreDistanceRad;
        if (best <= enoughRad) {
            return best;
        }
        queue.add(root);
        while (!queue.isEmpty()) {
            Candidate cell = queue.poll();
            if (cell.lowerBoundRad > limitRad || cell.lowerBoundRad >= best - ACCURACY_RAD / 4) {
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
                if (sub.lowerBoundRad <= limitRad && sub.lowerBoundRad < best - ACCURACY_RAD / 4) {
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
