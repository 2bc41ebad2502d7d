package org.skysieve.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SphericalPolygonTest {
    @Test
    void containsAgreesWithAPlanarTestInTheGnomonicProjection() {
        Random random = new Random(41);
        for (int shape = 0; shape < 300; shape++) {
            LonLat centre = shape % 7 == 0 ? new LonLat(random.nextDouble() * 6, Angles.HALF_PI) : SkySampling.uniform(
                    random);
            double maxRad = Math.toRadians(Math.pow(10, -4 + 5.9 * random.nextDouble()));
            List<LonLat> vertices = SkySampling.starPolygon(random, centre, 3 + random.nextInt(15), 0.1 * maxRad,
                    maxRad);
            SphericalPolygon polygon = new SphericalPolygon(vertices);
            List<LonLat> reversed = new ArrayList<>(vertices);
            Collections.reverse(reversed);
            SphericalPolygon backwards = new SphericalPolygon(reversed);
            for (int i = 0; i < 200; i++) {
                LonLat point = SkySampling.uniformInCap(random, centre, maxRad * 1.2);
                boolean expected = SkySampling.insideByGnomonic(vertices, centre, point);
                assertThat(polygon.contains(point.toUnitVector())).as("%s: %s", polygon, point).isEqualTo(expected);
                assertThat(backwards.contains(point.toUnitVector())).isEqualTo(expected);
            }
            // Far away points are outside (the inside is the smaller region).
            LonLat antipode = new LonLat(centre.lonRad() + Math.PI, -centre.latRad());
            assertThat(polygon.contains(antipode.toUnitVector())).isFalse();
        }
    }

    @Test
    void areaFollowsGaussBonnetWhateverTheOrientation() {
        List<LonLat> octant = List.of(new LonLat(0, 0), new LonLat(Angles.HALF_PI, 0), new LonLat(0, Angles.HALF_PI));
        assertThat(new SphericalPolygon(octant).areaSr()).isCloseTo(Math.PI / 2, within(1e-12));
        List<LonLat> reversed = new ArrayList<>(octant);
        Collections.reverse(reversed);
        assertThat(new SphericalPolygon(reversed).areaSr()).isCloseTo(Math.PI / 2, within(1e-12));
        // A small square, 1 deg a side at the equator: about 1 square degree.
        SphericalPolygon square = new SphericalPolygon(List.of(LonLat.ofDegrees(0, 0), LonLat.ofDegrees(1, 0),
                LonLat.ofDegrees(1, 1), LonLat.ofDegrees(0, 1)));
        assertThat(square.areaSr() / Math.pow(Math.toRadians(1), 2)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void invalidPolygonsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new SphericalPolygon(List.of(LonLat.ofDegrees(0, 0), LonLat.ofDegrees(1, 0))))
                .hasMessage("Expected at least 3 polygon vertices. Actual: 2");
        assertThatThrownBy(() -> new SphericalPolygon(List.of(LonLat.ofDegrees(0, 0), LonLat.ofDegrees(0, 0),
                LonLat.ofDegrees(1, 1)))).hasMessageStartingWith("Expected distinct, non-antipodal consecutive");
        // A bow tie: edges 0 and 2 cross.
        assertThatThrownBy(() -> new SphericalPolygon(List.of(LonLat.ofDegrees(0, 0), LonLat.ofDegrees(1, 1),
                LonLat.ofDegrees(1, 0), LonLat.ofDegrees(0, 1))))
                .hasMessageStartingWith("Expected a simple polygon (edges that do not cross). Actual: edge 0 crosses edge 2");
        assertThatThrownBy(() -> new SphericalPolygon(List.of(LonLat.ofDegrees(0, 0), LonLat.ofDegrees(2, 0),
                LonLat.ofDegrees(1, 0)))).hasMessageStartingWith("Expected a polygon whose edges do not turn straight");
    }

    @Test
    void concaveRegionsAreOutside() {
        // A "C" shape around lon 10, lat 0: the notch (lon 10..12, lat -1..1) is outside.
        SphericalPolygon shape = new SphericalPolygon(List.of(LonLat.ofDegrees(8, -3), LonLat.ofDegrees(12, -3),
                LonLat.ofDegrees(12, -1), LonLat.ofDegrees(10, -1), LonLat.ofDegrees(10, 1), LonLat.ofDegrees(12, 1),
                LonLat.ofDegrees(12, 3), LonLat.ofDegrees(8, 3)));
        assertThat(shape.contains(LonLat.ofDegrees(11, 0).toUnitVector())).isFalse();
        assertThat(shape.contains(LonLat.ofDegrees(9, 0).toUnitVector())).isTrue();
        assertThat(shape.contains(LonLat.ofDegrees(11, 2).toUnitVector())).isTrue();
        assertThat(shape.relate(LonLat.ofDegrees(11, 0).toUnitVector(), Math.toRadians(0.5)))
                .isEqualTo(CapRelation.DISJOINT);
        assertThat(shape.relate(LonLat.ofDegrees(9, 0).toUnitVector(), Math.toRadians(0.5)))
                .isEqualTo(CapRelation.INSIDE);
        assertThat(shape.relate(LonLat.ofDegrees(10, 0).toUnitVector(), Math.toRadians(0.5)))
                .isEqualTo(CapRelation.OVERLAPS);
    }
}
