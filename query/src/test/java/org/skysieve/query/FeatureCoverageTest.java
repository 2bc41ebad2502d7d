package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;

/** Every language feature runs end to end on real tables, each with its expected row count. */
class FeatureCoverageTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;
    static long total;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        engine = QueryEngine.open(Archive.open(sky));
        total = TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources").get(0);
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    record Case(String adql, long expectedCount) {
    }

    @Test
    void everyFeatureRunsAndCountsAsExpected() throws Exception {
        long bright = TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources WHERE mag_r < 22").get(0);
        List<Case> cases = List.of(
                new Case("SELECT COUNT(*) FROM (SELECT id, ra FROM deep_optical.sources) AS a"
                        + " NATURAL JOIN (SELECT id, dec FROM deep_optical.sources) AS b", total),
                // the hidden _healpix_29 of both surveys must not become a join column
                new Case("SELECT COUNT(*) FROM deep_optical.sources AS a NATURAL JOIN astrometric.source AS b",
                        TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources AS a JOIN astrometric.source AS b"
                                + " ON a.ra = b.ra AND a.dec = b.dec").get(0)),
                new Case("SELECT COUNT(*) FROM deep_optical.sources AS a JOIN deep_optical.sources AS b USING (id)", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources AS a LEFT OUTER JOIN deep_optical.sources AS b ON a.id = b.id", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE id IN (SELECT id FROM deep_optical.sources WHERE mag_r < 22)", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources AS s WHERE EXISTS"
                        + " (SELECT 1 FROM deep_optical.sources AS t WHERE t.id = s.id AND t.mag_r < 22)", bright),
                new Case("SELECT COUNT(*) FROM (SELECT id, mag_r FROM deep_optical.sources) AS q WHERE q.mag_r < 22", bright),
                new Case("WITH b AS (SELECT * FROM deep_optical.sources WHERE mag_r < 22) SELECT COUNT(*) FROM b", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE name LIKE '%' AND name ILIKE '%'", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE CAST(id AS VARCHAR(30)) LIKE '%'", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE COALESCE(mag_r, 99) < 22", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE (flags & 0x0) = 0 AND (flags | 0) = flags AND ~~flags = flags", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE CASE WHEN mag_r < 22 THEN 1 ELSE 0 END = 1", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE mag_r BETWEEN -100 AND 22 OR mag_r IS NULL AND mag_r < 0", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE NOT (mag_r >= 22) AND mag_r IS NOT NULL", bright),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE ABS(SIN(RADIANS(dec))) <= 1 AND SQRT(POWER(ra, 2)) >= 0"
                        + " AND FLOOR(ra) <= CEILING(ra) AND ROUND(ra, 3) >= 0 AND TRUNCATE(ra, 1) >= 0 AND MOD(id, 1) = 0"
                        + " AND LOG10(10) = 1 AND EXP(0) = 1 AND LOG(1) = 0 AND PI() > 3 AND RAND() < 1 AND DEGREES(ACOS(-1)) = 180"
                        + " AND ATAN2(0, 1) = 0 AND COT(1) > 0 AND TAN(0) = 0 AND ASIN(0) = 0 AND ATAN(0) = 0 AND COS(0) = 1", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE LOWER(name) = LOWER(UPPER(name)) AND 'a' || name <> name", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE COORD1(POINT(ra, dec)) = ra AND COORD2(POINT(ra, dec)) = dec"
                        + " AND AREA(CIRCLE(0, 0, 1)) > 3 AND DISTANCE(ra, dec, ra, dec) = 0", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE 1 = INTERSECTS(CIRCLE(0, -10, 5), POINT(ra, dec))", total),
                new Case("SELECT COUNT(*) FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), BOX(0, -10, 10, 10))", total),
                new Case("SELECT COUNT(*) FROM (SELECT DISTINCT tile_id FROM deep_optical.sources) AS t"
                        + " WHERE t.tile_id IN (SELECT tile_id FROM deep_optical.sources)",
                        TinySky.longs(engine, "SELECT COUNT(DISTINCT tile_id) FROM deep_optical.sources").get(0)),
                new Case("SELECT COUNT(*) FROM (SELECT TOP 5 id FROM deep_optical.sources ORDER BY id) AS t", 5),
                new Case("SELECT COUNT(*) FROM (SELECT id FROM deep_optical.sources UNION ALL SELECT id FROM deep_optical.sources) AS u",
                        2 * total),
                new Case("SELECT COUNT(*) FROM TAP_SCHEMA_NOT_THERE.x", -1));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            try {
                long count = TinySky.longs(engine, c.adql()).get(0);
                if (count != c.expectedCount()) {
                    failures.add(c.adql() + " → " + count + ", expected " + c.expectedCount());
                }
            } catch (AdqlException e) {
                if (c.expectedCount() >= 0) {
                    failures.add(c.adql() + " → " + e.getMessage());
                }
            }
        }
        assertThat(bright).isBetween(1L, total - 1);
        assertThat(failures).isEmpty();
    }
}
