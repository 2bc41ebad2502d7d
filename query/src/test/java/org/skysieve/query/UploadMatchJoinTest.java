package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.translate.UploadMatchJoins;

/**
 * Positional joins of an upload with a survey go to the cross-match engine (the SQL joins on the match key) and give
 * exactly the pairs a brute-force distance test gives, in every written form; other joins are left to DuckDB.
 */
class UploadMatchJoinTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;
    static QueryOptions options;
    static List<TinySky.Row> sources;
    static double[][] uploaded;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        Path uploads = Files.createDirectories(sky.resolve("uploads"));
        engine = QueryEngine.open(Archive.open(sky), List.of(), List.of(uploads));
        sources = TinySky.positions(engine, "SELECT id, ra, dec FROM deep_optical.sources");
        // near copies of survey rows (within ~2"), a few exact duplicates, and random positions over the region (RA wraps at 0)
        SplittableRandom random = new SplittableRandom(5);
        int n = 1500;
        uploaded = new double[n][];
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double ra;
            double dec;
            if (i % 3 != 2) {
                TinySky.Row source = sources.get(random.nextInt(sources.size()));
                double offset = i % 50 == 0 ? 0 : 2.0 / 3600 * random.nextDouble();
                ra = (source.raDeg() + offset * (random.nextDouble() - 0.5) / Math.cos(Math.toRadians(source.decDeg())) + 360) % 360;
                dec = source.decDeg() + offset * (random.nextDouble() - 0.5);
            } else {
                TinySky.Row source = sources.get(random.nextInt(sources.size()));
                ra = (source.raDeg() + 0.02 * (random.nextDouble() - 0.5) + 360) % 360;
                dec = source.decDeg() + 0.02 * (random.nextDouble() - 0.5);
            }
            uploaded[i] = new double[] {ra, dec};
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(ra).append(", ").append(dec).append(")");
        }
        Path file = uploads.resolve("mine.parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(uid, a, b)) TO '" + file + "' (FORMAT parquet)");
        }
        QueryOptions.UploadedTable upload = new QueryOptions.UploadedTable("mine", file, List.of(
                ColumnDoc.of("uid", ColumnType.INT, "", "meta.id", "my id"),
                ColumnDoc.of("a", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("b", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")));
        options = new QueryOptions(100_000_000L, Duration.ofMinutes(1), List.of(upload));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void everyWrittenFormGivesTheBruteForcePairs() throws Exception {
        double radiusDeg = 1.5 / 3600;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < uploaded.length; i++) {
            for (TinySky.Row source : sources) {
                if (TinySky.distanceDeg(source.raDeg(), source.decDeg(), uploaded[i][0], uploaded[i][1]) < radiusDeg) {
                    expected.add(i + "-" + source.id());
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(500);
        String r = "1.5 / 3600";
        List<String> queries = List.of(
                "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u JOIN deep_optical.sources AS s ON 1 = CONTAINS(POINT('ICRS', u.a, u.b), CIRCLE('ICRS', s.ra, s.dec, " + r + "))",
                "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u, deep_optical.sources AS s WHERE CONTAINS(POINT(s.ra, s.dec), CIRCLE(u.a, u.b, " + r + ")) = 1",
                "SELECT u.uid, s.id FROM deep_optical.sources AS s JOIN TAP_UPLOAD.mine AS u ON DISTANCE(POINT(s.ra, s.dec), POINT(u.a, u.b)) < " + r,
                "SELECT u.uid, s.id FROM TAP_UPLOAD.mine u, deep_optical.sources s WHERE u.uid >= 0 AND DISTANCE(u.a, u.b, s.ra, s.dec) < " + r);
        for (String adql : queries) {
            assertThat(engine.translate(adql, options).sql()).as(adql).contains(UploadMatchJoins.MATCH_COLUMN);
            assertThat(pairs(adql)).as(adql).isEqualTo(expected);
        }
    }

    @Test
    void otherJoinsStayWithDuckDbAndTheKeyStaysHidden() throws Exception {
        String left = "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u LEFT JOIN deep_optical.sources AS s"
                + " ON 1 = CONTAINS(POINT(u.a, u.b), CIRCLE(s.ra, s.dec, 0.0004))";
        String notPositional = "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u JOIN deep_optical.sources AS s ON s.id = u.uid";
        String subquery = "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u JOIN deep_optical.sources AS s"
                + " ON 1 = CONTAINS(POINT(u.a, u.b), CIRCLE(s.ra, s.dec, 0.0004)) WHERE u.uid NOT IN (SELECT uid FROM TAP_UPLOAD.mine WHERE uid > 5)";
        for (String adql : List.of(left, notPositional, subquery)) {
            assertThat(engine.translate(adql, options).sql()).as(adql).doesNotContain(UploadMatchJoins.MATCH_COLUMN);
        }
        try (QueryResult result = engine.execute("SELECT u.*, s.id FROM TAP_UPLOAD.mine AS u JOIN deep_optical.sources AS s"
                + " ON 1 = CONTAINS(POINT(u.a, u.b), CIRCLE(s.ra, s.dec, 0.0004))", options)) {
            assertThat(result.columns()).extracting(ColumnDoc::name).containsExactly("uid", "a", "b", "id");
        }
    }

    private static Set<String> pairs(String adql) throws Exception {
        Set<String> pairs = new HashSet<>();
        try (QueryResult result = engine.execute(adql, options)) {
            while (result.next()) {
                assertThat(pairs.add(result.rows().getLong(1) + "-" + result.rows().getLong(2))).as("duplicate row in " + adql).isTrue();
            }
        }
        return pairs;
    }
}
