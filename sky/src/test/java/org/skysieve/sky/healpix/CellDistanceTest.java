package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.UnitVector;

/**
 * The distance from a point to a cell against brute force: the smallest distance from the point to the cell's boundary
 * (the four edges sampled in the face coordinates, refined around their minima), for points near random cells
 * of every depth 0-12, at both poles and on both sides of RA 0/360; zero inside.
 */
class CellDistanceTest {
    /** What the sampled boundary may differ from the true one by, radians (rounding of the projection). */
    private static final double SAMPLING_RAD = 1e-12;

    @Test
    void distanceEqualsTheDistanceToTheSampledBoundary() {
        Random random = new Random(41);
        int checked = 0;
        for (int depth = 0; depth <= 12; depth++) {
            for (int c = 0; c < 12; c++) {
                long hash = depth == 0 ? c : (long) (random.nextDouble() * HealpixNested.cellCount(depth));
                if (c == 0) {
                    hash = HealpixNested.hash(depth, 0.0, Math.PI / 2);
                } else if (c == 1) {
                    hash = HealpixNested.hash(depth, 1e-9, -Math.PI / 2);
                } else if (c == 2) {
                    hash = HealpixNested.hash(depth, 2 * Math.PI - 1e-12, 0.01);
                }
                double sizeRad = Math.sqrt(4 * Math.PI / HealpixNested.cellCount(depth));
                LonLat centre = HealpixNested.center(depth, hash);
                for (int k = 0; k < 6; k++) {
                    UnitVector point = near(random, centre, sizeRad * (0.3 + 2 * random.nextDouble()));
                    if (k == 0) {
                        point = UnitVector.ofLonLat(0, Math.PI / 2);
                    } else if (k == 1) {
                        point = UnitVector.ofLonLat(0, -Math.PI / 2);
                    } else if (k == 2) {
                        point = UnitVector.ofLonLat(2 * Math.PI - 1e-7, clampedLatRad(centre.latRad() + 1e-3 * random.nextGaussian()));
                    } else if (k == 4) {
                        // arcseconds from a vertex, as margin rows are
                        point = near(random, HealpixNested.vertices(depth, hash).south(), 5e-5 * random.nextDouble());
                    } else if (k == 3) {
                        point = UnitVector.ofLonLat(1e-7, clampedLatRad(centre.latRad() + 1e-3 * random.nextGaussian()));
                    }
                    double expected = inside(depth, hash, point) ? 0.0 : boundaryDistanceRad(depth, hash, point);
                    double toleranceRad = 1e-4 * sizeRad;
                    double actual = CellDistance.distanceRad(depth, hash, point, toleranceRad);
                    assertThat(actual).as("depth %d cell %d point %s", depth, hash, point.toLonLat())
                            .isBetween(expected - SAMPLING_RAD, expected + Math.max(toleranceRad, CellDistance.MIN_TOLERANCE_RAD) + SAMPLING_RAD);
                    // within(): true at the distance, false below it by more than the tolerance
                    assertThat(CellDistance.withinRad(depth, hash, point, expected + SAMPLING_RAD)).isTrue();
                    double tooSmall = (expected - 2 * CellDistance.MIN_TOLERANCE_RAD) / (1 + 2 * CellDistance.RELATIVE_TOLERANCE);
                    if (tooSmall > 0) {
                        assertThat(CellDistance.withinRad(depth, hash, point, tooSmall)).as("within %s of a point at %s", tooSmall, expected).isFalse();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(13 * 12 * 6);
    }

    @Test
    void aNegativeRadiusIsRefusedWithItsValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CellDistance.withinRad(3, 5, UnitVector.ofLonLat(0, 0), -1))
                .hasMessage("Expected radiusRad >= 0. Actual: -1.0");
    }

    private static double clampedLatRad(double latRad) {
        return Math.max(-Math.PI / 2, Math.min(Math.PI / 2, latRad));
    }

    private static boolean inside(int depth, long hash, UnitVector point) {
        LonLat lonLat = point.toLonLat();
        return HealpixNested.hash(depth, lonLat.lonRad(), lonLat.latRad()) == hash;
    }

    /** A point at {@code distanceRad} from {@code centre} in a random direction. */
    private static UnitVector near(Random random, LonLat centre, double distanceRad) {
        double bearing = 2 * Math.PI * random.nextDouble();
        double lat1 = centre.latRad();
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(distanceRad) + Math.cos(lat1) * Math.sin(distanceRad) * Math.cos(bearing));
        double lon2 = centre.lonRad() + Math.atan2(Math.sin(bearing) * Math.sin(distanceRad) * Math.cos(lat1),
                Math.cos(distanceRad) - Math.sin(lat1) * Math.sin(lat2));
        return UnitVector.ofLonLat(lon2, lat2);
    }

    /**
     * Brute force: each of the four edges sampled at 512 points in the face coordinates, then the neighbourhood of each
     * of its three nearest local minima sampled again, 64 points at a time, until the step is below 1e-13 of the edge.
     */
    static double boundaryDistanceRad(int depth, long hash, UnitVector point) {
        double best = Double.POSITIVE_INFINITY;
        for (int edge = 0; edge < 4; edge++) {
            int samples = 512;
            double[] distances = new double[samples + 1];
            for (int k = 0; k <= samples; k++) {
                distances[k] = edgePoint(depth, hash, edge, (double) k / samples).angleRad(point);
            }
            java.util.List<Integer> minima = new java.util.ArrayList<>();
            for (int k = 0; k <= samples; k++) {
                if ((k == 0 || distances[k] <= distances[k - 1]) && (k == samples || distances[k] <= distances[k + 1])) {
                    minima.add(k);
                }
            }
            minima.sort(java.util.Comparator.comparingDouble(k -> distances[k]));
            for (int m : minima.subList(0, Math.min(3, minima.size()))) {
                double from = Math.max(0, (m - 1.0) / samples);
                double to = Math.min(1, (m + 1.0) / samples);
                double nearest = distances[m];
                while (to - from > 1e-13) {
                    double bestT = from;
                    for (int k = 0; k <= 64; k++) {
                        double t = from + (to - from) * k / 64;
                        double d = edgePoint(depth, hash, edge, t).angleRad(point);
                        if (d <= nearest) {
                            nearest = d;
                            bestT = t;
                        }
                    }
                    double step = (to - from) / 64;
                    from = Math.max(0, bestT - step);
                    to = Math.min(1, bestT + step);
                }
                best = Math.min(best, nearest);
            }
        }
        return best;
    }

    /** The point at fraction {@code t} along edge {@code edge} (south-east, north-west, south-west, north-east) of the cell. */
    private static UnitVector edgePoint(int depth, long hash, int edge, double t) {
        double nside = 1L << depth;
        long inFace = HealpixNested.inFaceIndex(depth, hash);
        double u = edge <= 1 ? t : edge == 2 ? 0 : 1;
        double v = edge == 0 ? 0 : edge == 1 ? 1 : t;
        return HealpixProjection.unprojectToVector(HealpixNested.face(depth, hash), (BitInterleave.x(inFace) + u) / nside,
                (BitInterleave.y(inFace) + v) / nside);
    }
}
