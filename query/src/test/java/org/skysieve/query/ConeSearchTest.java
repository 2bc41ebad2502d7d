package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SphericalPolygon;

/** Spatial queries return exactly the rows a brute-force test over every row returns. */
class ConeSearchTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;
    static List<TinySky.Row> all;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        engine = QueryEngine.open(Archive.open(sky));
        all = TinySky.positions(engine, "SELECT id, ra, dec FROM deep_optical.sources");
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    record Cone(double raDeg, double decDeg, double radiusDeg) {
    }

    static final List<Cone> CONES = List.of(
            new Cone(0.0, -10.0, 0.03),
            new Cone(359.97, -9.98, 0.05),    // crosses RA 0/360
            new Cone(0.02, -10.05, 0.04),     // crosses RA 0/360 from the other side
            new Cone(-0.03, -10.0, 0.02),     // negative RA is the same as 359.97
            new Cone(0.05, -9.95, 0.01),
            new Cone(0.0, -10.0, 2.0),        // larger than the whole tiny sky
            new Cone(180.0, 45.0, 0.5));      // far away: empty

    @Test
    void containsReturnsExactlyTheRowsWithinTheRadius() throws Exception {
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(bruteForce(CONES.get(1))).isNotEmpty();
        assertThat(bruteForce(CONES.get(5))).hasSameSizeAs(all);
        for (Cone cone : CONES) {
            String adql = String.format(Locale.ROOT, "SELECT id FROM deep_optical.sources"
                    + " WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', %s, %s, %s))", cone.raDeg(), cone.decDeg(), cone.radiusDeg());
            assertThat(TinySky.longs(engine, adql)).as(adql).containsExactlyInAnyOrderElementsOf(bruteForce(cone));
        }
    }

    @Test
    void distanceBoundAgreesWithContains() throws Exception {
        for (Cone cone : CONES) {
            String adql = String.format(Locale.ROOT, "SELECT s.id FROM deep_optical.sources AS s"
                    + " WHERE DISTANCE(POINT(s.ra, s.dec), POINT(%s, %s)) <= %s", cone.raDeg(), cone.decDeg(), cone.radiusDeg());
            assertThat(TinySky.longs(engine, adql)).as(adql).containsExactlyInAnyOrderElementsOf(bruteForce(cone));
        }
    }

    @Test
    void smallConesReadOnlySomePartitions() {
        int allFiles = engine.translate("SELECT id FROM deep_optical.sources", TinySky.UNLIMITED).filesRead().size();
        var cone = engine.translate("SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.1, -9.92, 0.005))",
                TinySky.UNLIMITED);
        assertThat(allFiles).isGreaterThan(1);
        assertThat(cone.filesRead().size()).isLessThan(allFiles);
        assertThat(cone.sql()).contains("\"_healpix_29\" BETWEEN");
        // under an OR the constraint must not prune the files (the other branch may need every partition)
        var or = engine.translate("SELECT id FROM deep_optical.sources"
                + " WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.1, -9.92, 0.005)) OR mag_r < 20", TinySky.UNLIMITED);
        assertThat(or.filesRead()).hasSize(allFiles);
    }

    @Test
    void polygonAndBoxReturnExactlyTheRowsInside() throws Exception {
        double[][] polygon = {{359.95, -10.05}, {0.06, -10.04}, {0.05, -9.96}, {359.97, -9.94}};
        String adql = "SELECT id FROM deep_optical.sources WHERE CONTAINS(POINT(ra, dec),"
                + " POLYGON('ICRS', 359.95, -10.05, 0.06, -10.04, 0.05, -9.96, 359.97, -9.94)) = 1";
        SphericalPolygon region = new SphericalPolygon(java.util.Arrays.stream(polygon)
                .map(v -> LonLat.ofDegrees(v[0], v[1])).toList());
        List<Long> expected = all.stream()
                .filter(r -> region.contains(LonLat.ofDegrees(r.raDeg(), r.decDeg()).toUnitVector()))
                .map(TinySky.Row::id).toList();
        assertThat(expected).isNotEmpty();
        assertThat(TinySky.longs(engine, adql)).containsExactlyInAnyOrderElementsOf(expected);
        List<Long> outside = TinySky.longs(engine, adql.replace(")) = 1", ")) = 0"));
        assertThat(outside).hasSize(all.size() - expected.size());
    }

    private static List<Long> bruteForce(Cone cone) {
        return all.stream()
                .filter(r -> TinySky.distanceDeg(r.raDeg(), r.decDeg(), cone.raDeg(), cone.decDeg()) <= cone.radiusDeg())
                .map(TinySky.Row::id)
                .toList();
    }
}
