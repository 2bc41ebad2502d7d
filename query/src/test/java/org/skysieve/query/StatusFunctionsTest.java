package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.synth.FootprintDescription;
import org.skysieve.synth.MaskCircle;

/**
 * {@code sieve_coverage} and {@code sieve_limit} in ADQL against {@link BandStatusMap} (the oracle: the maps read
 * directly), over every true source position of the tiny sky, for every band of every survey; in WHERE; and bad calls.
 */
class StatusFunctionsTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;
    static StatusMaps maps;
    static QueryOptions withTruth;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        Path uploads = Files.createDirectories(sky.resolve("uploads"));
        Archive archive = Archive.open(sky);
        engine = QueryEngine.open(archive, List.of(), List.of(uploads));
        maps = new StatusMaps(archive);
        Path file = uploads.resolve("truth.parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            // the true positions, plus the poles and RA 0 and 360 exactly
            statement.execute("COPY (SELECT true_id, ra, dec FROM read_parquet('" + sky.resolve("truth/sources.parquet") + "')"
                    + " UNION ALL SELECT * FROM (VALUES (-1, 0.0, 90.0), (-2, 0.0, -90.0), (-3, 0.0, -10.0), (-4, 360.0, -10.0)))"
                    + " TO '" + file + "' (FORMAT parquet)");
        }
        withTruth = new QueryOptions(100_000_000L, Duration.ofMinutes(1), List.of(new QueryOptions.UploadedTable("truth", file, List.of(
                ColumnDoc.of("true_id", ColumnType.LONG, "", "meta.id", "true source"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")))));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void everyBandAgreesWithItsMapsAtEveryTruePosition() throws Exception {
        int bandsChecked = 0;
        for (String survey : List.of("deep_optical", "near_infrared", "astrometric", "wide_infrared")) {
            for (String band : maps.bandNames(survey)) {
                BandStatusMap map = maps.band(survey, band);
                Map<CoverageStatus, Integer> counts = new EnumMap<>(CoverageStatus.class);
                int rows = 0;
                try (QueryResult result = engine.execute("SELECT ra, dec, sieve_coverage('" + survey + "', '" + band + "', ra, dec),"
                        + " sieve_limit('" + survey + "', '" + band + "', ra, dec) AS lim FROM TAP_UPLOAD.truth", withTruth)) {
                    assertThat(result.columns().get(2).name()).isEqualTo("sieve_coverage");
                    assertThat(result.columns().get(2).description()).contains(band + " of " + survey).contains("masked");
                    assertThat(result.columns().get(2).band()).isEmpty();
                    assertThat(result.columns().get(3).unit()).isEqualTo("mag");
                    assertThat(result.columns().get(3).band()).contains(band);
                    while (result.next()) {
                        double ra = result.rows().getDouble(1);
                        double dec = result.rows().getDouble(2);
                        CoverageStatus expected = map.status(ra, dec);
                        assertThat(result.rows().getString(3)).as("%s %s at %f %f", survey, band, ra, dec).isEqualTo(expected.word());
                        double limit = result.rows().getDouble(4);
                        boolean isNull = result.rows().wasNull();
                        double expectedLimit = map.limitMag(ra, dec);
                        assertThat(isNull).isEqualTo(Double.isNaN(expectedLimit));
                        if (!isNull) {
                            assertThat(limit).isEqualTo(expectedLimit);
                        }
                        counts.merge(expected, 1, Integer::sum);
                        rows++;
                    }
                }
                assertThat(rows).isGreaterThan(100);
                if (survey.equals("deep_optical")) {
                    assertThat(counts.keySet()).as("%s %s", survey, band).containsExactlyInAnyOrder(CoverageStatus.values());
                }
                bandsChecked++;
            }
        }
        assertThat(bandsChecked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void usableInWhereAndGroupBy() throws Exception {
        BandStatusMap map = maps.band("deep_optical", "u");
        long expectedMasked = 0;
        List<double[]> positions = new ArrayList<>();
        try (QueryResult result = engine.execute("SELECT ra, dec FROM TAP_UPLOAD.truth", withTruth)) {
            while (result.next()) {
                positions.add(new double[] {result.rows().getDouble(1), result.rows().getDouble(2)});
            }
        }
        for (double[] position : positions) {
            expectedMasked += map.status(position[0], position[1]) == CoverageStatus.MASKED ? 1 : 0;
        }
        assertThat(expectedMasked).isPositive();
        try (QueryResult result = engine.execute("SELECT COUNT(*) FROM TAP_UPLOAD.truth"
                + " WHERE sieve_coverage('deep_optical', 'u', ra, dec) = 'masked'", withTruth)) {
            assertThat(result.next()).isTrue();
            assertThat(result.rows().getLong(1)).isEqualTo(expectedMasked);
        }
        try (QueryResult result = engine.execute("SELECT COUNT(*) FROM deep_optical.sources"
                + " WHERE sieve_limit('deep_optical', 'u', ra, dec) > 0 AND sieve_coverage('deep_optical', 'u', ra, dec) <> 'unobserved'",
                TinySky.UNLIMITED)) {
            assertThat(result.next()).isTrue();
            assertThat(result.rows().getLong(1)).isPositive();
        }
    }

    @Test
    void namesComputedPerRowGiveTheSameAnswersAsLiterals() throws Exception {
        // literals go by band key, computed names by name: two paths, one answer
        String literal = "SELECT sieve_coverage('near_infrared', 'J', ra, dec), sieve_limit('near_infrared', 'J', ra, dec)"
                + " FROM TAP_UPLOAD.truth ORDER BY true_id";
        String computed = "SELECT sieve_coverage('near_' || 'infrared', LOWER('j') || '', ra, dec), sieve_limit('near_infrared' || '',"
                + " UPPER('j'), ra, dec) FROM TAP_UPLOAD.truth ORDER BY true_id";
        assertThat(engine.translate(literal, withTruth).sql()).contains("skysieve_coverage_code(").doesNotContain("skysieve_coverage(");
        assertThat(engine.translate(computed, withTruth).sql()).contains("skysieve_coverage(").doesNotContain("skysieve_coverage_code(");
        assertThat(rows(computed.replace("LOWER('j') || ''", "'J'"))).isEqualTo(rows(literal));
    }

    private static List<String> rows(String adql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, withTruth)) {
            while (result.next()) {
                rows.add(result.rows().getString(1) + " " + result.rows().getString(2));
            }
        }
        assertThat(rows).hasSizeGreaterThan(100);
        return rows;
    }

    @Test
    void unknownSurveysAndBandsAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> engine.check("SELECT sieve_coverage('deep_optical',\n 'K', ra, dec) FROM deep_optical.sources",
                TinySky.UNLIMITED))
                .isInstanceOf(AdqlException.class)
                .hasMessageContaining("unknown band 'K' of survey deep_optical in sieve_coverage; expected one of [u, g, r, i]")
                .satisfies(e -> assertThat(((AdqlException) e).position()).isEqualTo(new Position(2, 2)));
        assertThatThrownBy(() -> engine.check("SELECT sieve_limit('nowhere', 'u', ra, dec) FROM deep_optical.sources", TinySky.UNLIMITED))
                .isInstanceOf(AdqlException.class)
                .hasMessageContaining("unknown survey 'nowhere' in sieve_limit; surveys with coverage maps: [astrometric, deep_optical,")
                .satisfies(e -> assertThat(((AdqlException) e).kind()).isEqualTo(AdqlException.Kind.UNKNOWN_NAME));
        assertThatThrownBy(() -> engine.check("SELECT sieve_limit('deep_optical', 'u', ra) FROM deep_optical.sources", TinySky.UNLIMITED))
                .isInstanceOf(AdqlException.class).hasMessageContaining("sieve_limit takes 4 arguments (survey, band, ra, dec). Actual: 3");
    }

    @Test
    void badValuesFailTheQueryWithTheReason() {
        assertThatThrownBy(() -> drain("SELECT sieve_coverage('deep_optical', 'u', ra + 400, dec) FROM deep_optical.sources"))
                // rows come in no fixed order: any row's ra + 400 (in [400, 760]) may be the one reported
                .isInstanceOf(AdqlException.class).hasMessageMatching("(?s).*Expected raDeg in \\[0, 360\\]\\. Actual: [4-7]\\d\\d.*");
        assertThatThrownBy(() -> drain("SELECT sieve_coverage('deep_optical', 'K' || '', ra, dec) FROM deep_optical.sources"))
                .isInstanceOf(AdqlException.class).hasMessageContaining("Unknown band '");
    }

    /**
     * Positions the issue names, with answers from the simulation's own geometry (footprint.json), through both the maps
     * and sieve_coverage: a point exactly on a tile edge (the documented rule: the finest coverage cell holding it is
     * in the MOC when its centre is inside the tile), points three cells inside and outside that edge, the centre of a
     * mask circle well inside a tile ({@code masked}), the poles (every longitude there gives one answer) and RA 0
     * against RA 360 at the same declination.
     */
    @Test
    void tileEdgesMasksPolesAndTheRaWrapAgreeWithTheSimulation() throws Exception {
        String survey = "deep_optical";
        String band = "r";
        BandStatusMap map = maps.band(survey, band);
        FootprintDescription footprint = SurveyJson.mapper().readValue(sky.resolve(survey).resolve("footprint/footprint.json").toFile(),
                FootprintDescription.class);
        List<FootprintDescription.TileDescription> tiles = footprint.tiles().stream()
                .filter(tile -> tile.bands().stream().anyMatch(depth -> depth.band().equals(band))).toList();
        int order = map.coverage().maxOrder();
        double cellDeg = Math.toDegrees(Math.sqrt(4 * Math.PI / (12.0 * (1L << (2 * order)))));
        Map<String, double[]> points = new java.util.LinkedHashMap<>();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (FootprintDescription.TileDescription tile : tiles) {
            double cosDec = Math.cos(Math.toRadians(tile.decCentreDeg()));
            double edgeRa = (tile.raCentreDeg() + tile.sizeDeg() / 2 / cosDec + 360) % 360;
            double[] edge = {edgeRa, tile.decCentreDeg()};
            double[] inside = {(edgeRa - 3 * cellDeg / cosDec + 360) % 360, tile.decCentreDeg()};
            double[] outside = {(edgeRa + 3 * cellDeg / cosDec) % 360, tile.decCentreDeg()};
            if (nearMask(footprint, edge, 60) || insideAnyTile(tiles, outside) || !insideTile(tile, inside)) {
                continue; // a mask near the edge, or a neighbouring tile beyond it: try the next tile
            }
            LonLat centre = HealpixNested.center(order, HealpixNested.hash(order, Math.toRadians(edge[0]), Math.toRadians(edge[1])));
            points.put("edge", edge);
            expected.put("edge", insideAnyTile(tiles, new double[] {centre.lonDeg(), centre.latDeg()}) ? "observed" : "unobserved");
            points.put("inside edge", inside);
            expected.put("inside edge", "observed");
            points.put("outside edge", outside);
            expected.put("outside edge", "unobserved");
            break;
        }
        assertThat(points).as("a tile edge away from masks and other tiles").containsKey("edge");
        for (MaskCircle mask : footprint.masks()) {
            double[] centre = {mask.raDeg(), mask.decDeg()};
            if (tiles.stream().anyMatch(tile -> edgeDistanceDeg(tile, centre) > mask.radiusArcsec() / 3600 + 3 * cellDeg)) {
                points.put("mask centre", centre);
                expected.put("mask centre", "masked");
                break;
            }
        }
        assertThat(points).as("a mask inside coverage").containsKey("mask centre");
        for (double raDeg : new double[] {0, 90, 180, 270, 360}) {
            points.put("north pole " + raDeg, new double[] {raDeg, 90});
            expected.put("north pole " + raDeg, "unobserved");
            points.put("south pole " + raDeg, new double[] {raDeg, -90});
            expected.put("south pole " + raDeg, "unobserved");
        }
        String wrapWord = map.status(0.0, -10.0).word();
        assertThat(wrapWord).as("the tiny sky straddles RA 0 at Dec -10").isNotEqualTo("unobserved");
        points.put("ra 0", new double[] {0.0, -10.0});
        expected.put("ra 0", wrapWord);
        points.put("ra 360", new double[] {360.0, -10.0});
        expected.put("ra 360", wrapWord);

        StringBuilder values = new StringBuilder();
        List<String> names = new ArrayList<>(points.keySet());
        for (int i = 0; i < names.size(); i++) {
            double[] position = points.get(names.get(i));
            values.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", ").append(position[0]).append(", ").append(position[1]).append(")");
            assertThat(map.status(position[0], position[1]).word()).as("map at %s", names.get(i)).isEqualTo(expected.get(names.get(i)));
        }
        Path file = sky.resolve("uploads").resolve("edges.parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(id, ra, dec)) TO '" + file + "' (FORMAT parquet)");
        }
        QueryOptions options = new QueryOptions(1000L, Duration.ofMinutes(1), List.of(new QueryOptions.UploadedTable("edges", file, List.of(
                ColumnDoc.of("id", ColumnType.INT, "", "meta.id", "case"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")))));
        try (QueryResult result = engine.execute("SELECT id, sieve_coverage('deep_optical', 'r', ra, dec),"
                + " sieve_coverage('deep_optical' || '', 'r', ra, dec) FROM TAP_UPLOAD.edges ORDER BY id", options)) {
            int rows = 0;
            while (result.next()) {
                String name = names.get(result.rows().getInt(1) - 1);
                assertThat(result.rows().getString(2)).as("sieve_coverage at %s", name).isEqualTo(expected.get(name));
                assertThat(result.rows().getString(3)).as("sieve_coverage by name at %s", name).isEqualTo(expected.get(name));
                rows++;
            }
            assertThat(rows).isEqualTo(names.size());
        }
    }

    @Test
    void positionsOutOfRangeAndNanAreClearErrors() {
        BandStatusMap map = maps.band("deep_optical", "r");
        assertThatThrownBy(() -> map.status(10, 90.5)).hasMessage("Expected decDeg in [-90, 90]. Actual: 90.5");
        assertThatThrownBy(() -> map.limitMag(Double.NaN, 0)).hasMessage("Expected raDeg in [0, 360]. Actual: NaN");
        assertThatThrownBy(() -> maps.band("deep_optical", "K")).hasMessageContaining("Unknown band 'K' of survey deep_optical");
        assertThatThrownBy(() -> maps.band("nowhere", "r")).hasMessageContaining("Unknown survey 'nowhere'");
        assertThatThrownBy(() -> drain("SELECT sieve_coverage('deep_optical', 'u', ra, dec + 100) FROM deep_optical.sources"))
                .isInstanceOf(AdqlException.class).hasMessageContaining("Expected decDeg in [-90, 90]. Actual: ");
        assertThatThrownBy(() -> drain("SELECT sieve_limit('deep_optical', 'u', ra, SQRT(-1.0 - dec * 0)) FROM deep_optical.sources"))
                .isInstanceOf(AdqlException.class).hasMessageContaining("Expected decDeg in [-90, 90]. Actual: NaN");
    }

    private static boolean nearMask(FootprintDescription footprint, double[] position, double marginArcsec) {
        return footprint.masks().stream().anyMatch(mask -> separationArcsec(mask.raDeg(), mask.decDeg(), position[0], position[1])
                < mask.radiusArcsec() + marginArcsec);
    }

    private static boolean insideAnyTile(List<FootprintDescription.TileDescription> tiles, double[] position) {
        return tiles.stream().anyMatch(tile -> insideTile(tile, position));
    }

    private static boolean insideTile(FootprintDescription.TileDescription tile, double[] position) {
        return edgeDistanceDeg(tile, position) >= 0;
    }

    /** As the simulation's Tile.edgeDistanceDeg: negative outside. */
    private static double edgeDistanceDeg(FootprintDescription.TileDescription tile, double[] position) {
        double offset = ((position[0] - tile.raCentreDeg()) % 360 + 540) % 360 - 180;
        double x = Math.abs(offset) * Math.cos(Math.toRadians(tile.decCentreDeg()));
        double y = Math.abs(position[1] - tile.decCentreDeg());
        return Math.min(tile.sizeDeg() / 2 - x, tile.sizeDeg() / 2 - y);
    }

    private static double separationArcsec(double ra1, double dec1, double ra2, double dec2) {
        double a = Math.toRadians(dec1);
        double b = Math.toRadians(dec2);
        double haversine = Math.pow(Math.sin((b - a) / 2), 2) + Math.cos(a) * Math.cos(b) * Math.pow(Math.sin(Math.toRadians(ra2 - ra1) / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.sqrt(haversine))) * 3600;
    }

    /**
     * Each failing query names its own failure, and a succeeding query beside them succeeds, while they run at once
     * (the message DuckDB's JDBC driver loses is recovered per query, from no shared state). Four kinds run together:
     * a status function out of range (two distinct values), a conversion error in DuckDB itself, a success.
     */
    @Test
    void concurrentQueriesEachReportTheirOwnFailure() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("SELECT sieve_coverage('deep_optical', 'u', ra + 400, dec) FROM deep_optical.sources", "Actual: 4");
        expected.put("SELECT sieve_limit('deep_optical', 'g', ra, dec - 200) FROM deep_optical.sources", "Expected decDeg in [-90, 90]. Actual: -2");
        expected.put("SELECT CAST('x' || id AS INTEGER) FROM deep_optical.sources", "Could not convert string 'x");
        expected.put("SELECT sieve_coverage('deep_optical', 'u', ra, dec) FROM deep_optical.sources", "");
        List<String> queries = List.copyOf(expected.keySet());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(queries.size());
                for (String query : queries) {
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        try {
                            drain(query);
                            return "";
                        } catch (AdqlException e) {
                            return e.getMessage();
                        }
                    }));
                }
                for (int i = 0; i < queries.size(); i++) {
                    String outcome = outcomes.get(i).get();
                    String wanted = expected.get(queries.get(i));
                    if (wanted.isEmpty()) {
                        assertThat(outcome).as(queries.get(i)).isEmpty();
                    } else {
                        assertThat(outcome).as(queries.get(i)).contains(wanted).doesNotContain("Invalid result set");
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void drain(String adql) throws Exception {
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            while (result.next()) {
                result.rows().getObject(1);
            }
        }
    }
}
