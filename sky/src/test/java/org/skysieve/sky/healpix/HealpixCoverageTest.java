package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.Angles;
import org.skysieve.sky.Cone;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SkySampling;
import org.skysieve.sky.SphericalPolygon;

/**
 * The covering property (no false negatives) on seeded random cones and polygons, and agreement with brute force at
 * low depth (every cell whose centre is inside the shape is returned).
 */
class HealpixCoverageTest {
    private static final int POINTS_PER_SHAPE = 300;

    @Test
    void everyPointOfARandomConeHashesIntoTheCovering() {
        Random random = new Random(23);
        for (Cone cone : randomCones(random, 300)) {
            int depth = depthFor(random, cone.radiusRad());
            HealpixRanges ranges = HealpixCoverage.coneRanges(depth, cone.centre().lonRad(), cone.centre().latRad(),
                    cone.radiusRad());
            for (int i = 0; i < POINTS_PER_SHAPE; i++) {
                LonLat point = SkySampling.uniformInCap(random, cone.centre(), cone.radiusRad());
                long hash29 = HealpixNested.hash(HealpixNested.MAX_DEPTH, point.lonRad(), point.latRad());
                assertThat(ranges.contains(hash29)).as("%s at depth %d: point %s", cone, depth, point).isTrue();
            }
            // Points on the rim are inside too (the boundary belongs to the cone).
            for (int i = 0; i < 50; i++) {
                LonLat rim = SkySampling.offset(cone.centre(), cone.radiusRad(), random.nextDouble() * Angles.TWO_PI);
                assertThat(ranges.contains(HealpixNested.hash(HealpixNested.MAX_DEPTH, rim.lonRad(), rim.latRad())))
                        .as("%s at depth %d: rim %s", cone, depth, rim).isTrue();
            }
        }
    }

    @Test
    void coneCoveringContainsEveryCellWhoseCentreIsInsideAndIsNotWasteful() {
        Random random = new Random(29);
        for (Cone cone : randomCones(random, 150)) {
            for (int depth = 0; depth <= 5; depth++) {
                long[] cells = HealpixCoverage.coneCells(depth, cone.centre().lonRad(), cone.centre().latRad(),
                        cone.radiusRad());
                HealpixRanges ranges = HealpixRanges.ofCells(depth, cells);
                for (long hash = 0; hash < HealpixNested.cellCount(depth); hash++) {
                    LonLat centre = HealpixNested.center(depth, hash);
                    double distanceRad = centre.distanceRad(cone.centre());
                    double circumradiusRad = HealpixCoverage.circumradiusRad(depth, hash, centre.toUnitVector());
                    if (distanceRad <= cone.radiusRad()) {
                        assertThat(ranges.containsCell(depth, hash)).as("%s depth %d cell %d", cone, depth, hash)
                                .isTrue();
                    }
                    // A returned cell is never farther than its own circumradius (with margin) from the cone.
                    if (ranges.containsCell(depth, hash)) {
                        assertThat(distanceRad).isLessThanOrEqualTo(cone.radiusRad() + 1.02 * circumradiusRad);
                    }
                }
                assertThat(cells).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void everyPointOfARandomPolygonHashesIntoTheCovering() {
        Random random = new Random(31);
        for (int shape = 0; shape < 200; shape++) {
            LonLat centre = shapeCentre(random, shape);
            double maxRad = Math.toRadians(Math.pow(10, -3 + 4.2 * random.nextDouble()));
            boolean convex = shape % 2 == 0;
            int count = 3 + random.nextInt(convex ? 6 : 12);
            List<LonLat> vertices = SkySampling.starPolygon(random, centre, count, convex ? maxRad : maxRad * 0.2,
                    maxRad);
            SphericalPolygon polygon = new SphericalPolygon(vertices);
            int depth = depthFor(random, maxRad);
            HealpixRanges ranges = HealpixCoverage.polygonRanges(depth, polygon);
            int inside = 0;
            for (int i = 0; inside < POINTS_PER_SHAPE && i < 20 * POINTS_PER_SHAPE; i++) {
                LonLat point = SkySampling.uniformInCap(random, centre, maxRad);
                if (!SkySampling.insideByGnomonic(vertices, centre, point)) {
                    continue;
                }
                inside++;
                long hash29 = HealpixNested.hash(HealpixNested.MAX_DEPTH, point.lonRad(), point.latRad());
                assertThat(ranges.contains(hash29)).as("%s at depth %d: point %s", polygon, depth, point).isTrue();
            }
            assertThat(inside).isGreaterThan(POINTS_PER_SHAPE / 2);
        }
    }

    @Test
    void polygonCoveringContainsEveryCellWhoseCentreIsInside() {
        Random random = new Random(37);
        for (int shape = 0; shape < 100; shape++) {
            LonLat centre = shapeCentre(random, shape);
            double maxRad = Math.toRadians(5 + 80 * random.nextDouble());
            List<LonLat> vertices = SkySampling.starPolygon(random, centre, 3 + random.nextInt(10), maxRad * 0.3,
                    maxRad);
            SphericalPolygon polygon = new SphericalPolygon(vertices);
            for (int depth = 0; depth <= 4; depth++) {
                HealpixRanges ranges = HealpixCoverage.polygonRanges(depth, polygon);
                for (long hash = 0; hash < HealpixNested.cellCount(depth); hash++) {
                    LonLat cellCentre = HealpixNested.center(depth, hash);
                    if (SkySampling.insideByGnomonic(vertices, centre, cellCentre)) {
                        assertThat(ranges.containsCell(depth, hash)).as("%s depth %d cell %d", polygon, depth, hash)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void wholeSkyAndTinyConesAreHandled() {
        HealpixRanges all = HealpixCoverage.coneRanges(3, 1.0, 0.2, Math.PI);
        assertThat(all.rangeCount()).isEqualTo(1);
        assertThat(all.maxDepthCellCount()).isEqualTo(12L << 58);
        long[] cells = HealpixCoverage.coneCells(29, 0.3, -1.2, Angles.arcsecToRad(0.0001));
        assertThat(cells).contains(HealpixNested.hash(29, 0.3, -1.2)).hasSizeLessThan(10);
        // The pole is a vertex of four cells: all four touch a zero-radius cone there.
        assertThat(HealpixCoverage.coneCells(10, 0.3, Math.PI / 2, 0.0))
                .contains(HealpixNested.hash(10, 0.3, Math.PI / 2)).hasSizeLessThanOrEqualTo(4);
    }

    /** Centres spread over the sky, with some at the poles and some on RA 0/360. */
    private static LonLat shapeCentre(Random random, int index) {
        return switch (index % 5) {
            case 0 -> new LonLat(random.nextDouble() * Angles.TWO_PI, (random.nextBoolean() ? 1 : -1) * Angles.HALF_PI);
            case 1 -> new LonLat(random.nextBoolean() ? 0.0 : 1e-9 * random.nextDouble(), Math.asin(
                    2 * random.nextDouble() - 1));
            default -> SkySampling.uniform(random);
        };
    }

    private static List<Cone> randomCones(Random random, int count) {
        List<Cone> cones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Radii log-uniform from 1 arcsec to 30 degrees.
            double radiusRad = Angles.arcsecToRad(Math.pow(10, Math.log10(30 * 3600.0) * random.nextDouble()));
            cones.add(new Cone(shapeCentre(random, i), radiusRad));
        }
        return cones;
    }

    /** A depth where the shape spans from a fraction of a cell to some hundred cells, so the test stays fast. */
    private static int depthFor(Random random, double sizeRad) {
        // Cell size at depth d is about 1 rad / 2^d.
        int natural = (int) Math.floor(Math.log(1.0 / sizeRad) / Math.log(2));
        return Math.max(0, Math.min(HealpixNested.MAX_DEPTH, natural + random.nextInt(7) - 2));
    }
}
