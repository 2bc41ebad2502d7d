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
import org.skysieve.query.tree.Position;

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

    private static void drain(String adql) throws Exception {
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            while (result.next()) {
                result.rows().getObject(1);
            }
        }
    }
}
