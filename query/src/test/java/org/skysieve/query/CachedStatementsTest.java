package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.check.SortedHealpixRows;
import org.skysieve.query.translate.TranslatedQuery;

/**
 * The cached-statement path over in-memory copies (HEALPix ranges as {@code rowid} ranges, the region's numbers as
 * parameters, statements kept per pooled connection) answers exactly as the literal SQL over the Parquet files, for
 * random cones (across RA 0/360, through both poles, empty), polygons, boxes, joins and TOP/ORDER BY; from several
 * threads at once; and after a statement of a cached shape failed.
 */
class CachedStatementsTest {
    @TempDir
    static Path sky;
    static QueryEngine files;
    static QueryEngine memory;

    @BeforeAll
    static void open() {
        TinySky.generate(sky);
        Archive archive = Archive.open(sky);
        files = QueryEngine.open(archive);
        memory = QueryEngine.open(archive, List.of(), List.of(), EngineResources.defaults().withMemoryTables(1L << 30));
    }

    @AfterAll
    static void close() throws Exception {
        files.close();
        memory.close();
    }

    /** Random regions over the tiny sky (RA 0 +- 0.12, Dec -10 +- 0.1) and beyond it, many crossing RA 0/360. */
    static List<String> randomQueries(long seed, int count) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>();
        String[] tables = {"deep_optical.sources", "near_infrared.sources", "wide_infrared.sources", "astrometric.source"};
        for (int i = 0; i < count; i++) {
            double ra = (random.nextDouble() * 0.3 - 0.15 + 360) % 360;
            double dec = -10 + random.nextDouble() * 0.24 - 0.12;
            double radius = 0.002 + random.nextDouble() * 0.06;
            String table = tables[random.nextInt(tables.length)];
            String columns = random.nextBoolean() ? "*" : "ra, dec";
            String region = switch (i % 5) {
                case 0, 1 -> String.format(Locale.ROOT, "CIRCLE('ICRS', %.7f, %.7f, %.6f)", ra, dec, radius);
                case 2 -> String.format(Locale.ROOT, "BOX(%.7f, %.7f, %.5f, %.5f)", ra, dec, 2 * radius, radius);
                case 3 -> String.format(Locale.ROOT, "POLYGON(%.6f, %.6f, %.6f, %.6f, %.6f, %.6f)", ra - radius, dec - radius,
                        ra + radius, dec - radius / 2, ra, dec + radius);
                default -> String.format(Locale.ROOT, "CIRCLE(%.7f, %.7f, %.6f)", ra + 360 * (random.nextBoolean() ? 1 : -1), dec, radius);
            };
            queries.add("SELECT " + columns + " FROM " + table + " WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), " + region + ")");
        }
        return queries;
    }

    static final List<String> FIXED = List.of(
            // through the poles: the edge of each cap cuts the tiny sky (80 deg from the south pole is Dec -10)
            "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -90.0, 80.0))",
            "SELECT id, ra, dec FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(123.0, 90.0, 100.0))",
            "SELECT sourceid FROM near_infrared.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(270.0, -89.5, 0.5))",
            "SELECT sourceid FROM near_infrared.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(12.0, 89.9, 0.2))",
            // empty: far from the data, and a radius of zero
            "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(180.0, 45.0, 0.1))",
            "SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.01, -10.01, 0.0))",
            "SELECT * FROM deep_optical.sources WHERE DISTANCE(POINT(ra, dec), POINT(0.02, -10.05)) < 0.04",
            "SELECT TOP 7 id, mag_r FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -10.0, 0.1))"
                    + " ORDER BY mag_r DESC, id",
            "SELECT a.id, b.source_id FROM deep_optical.sources AS a JOIN astrometric.source AS b"
                    + " ON 1 = CONTAINS(POINT(a.ra, a.dec), CIRCLE(b.ra, b.dec, 0.0003))"
                    + " WHERE 1 = CONTAINS(POINT(b.ra, b.dec), CIRCLE(359.99, -9.97, 0.06))",
            "SELECT a.id, b.id FROM deep_optical.sources AS a, deep_optical.sources AS b WHERE a.id = b.id"
                    + " AND 1 = CONTAINS(POINT(a.ra, a.dec), CIRCLE(0.03, -10.0, 0.02)) AND 1 = CONTAINS(POINT(b.ra, b.dec), CIRCLE(0.04, -10.0, 0.02))",
            "SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.1, -9.92, 0.005)) OR mag_r < 19",
            "SELECT id FROM deep_optical.sources WHERE 0 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -10.0, 0.1))",
            "SELECT COUNT(*) FROM (SELECT cntr FROM wide_infrared.sources WHERE 1 = CONTAINS(POINT(ra, dec),"
                    + " POLYGON(359.95, -10.05, 0.06, -10.04, 0.05, -9.96, 359.97, -9.94))) AS inner_cone");

    @Test
    void answersWithTheCacheEqualTheFilesForManyRegions() throws Exception {
        List<String> queries = new ArrayList<>(FIXED);
        queries.addAll(randomQueries(11, 150));
        int nonEmpty = 0;
        int parameterized = 0;
        long reusedBefore = memory.connectionPool().statementsReused();
        for (String adql : queries) {
            List<String> expected = rows(files, adql);
            List<String> literalOverCopies = literalRows(memory, adql);
            assertThat(literalOverCopies).as("literal SQL over the copies: " + adql).containsExactlyInAnyOrderElementsOf(expected);
            // twice: prepared, then reused
            for (int pass = 0; pass < 2; pass++) {
                List<String> actual = rows(memory, adql);
                if (adql.contains("ORDER BY")) {
                    assertThat(actual).as(adql).containsExactlyElementsOf(expected);
                } else {
                    assertThat(actual).as(adql).containsExactlyInAnyOrderElementsOf(expected);
                }
                assertThat(chunkedRowCount(memory, adql)).as(adql).isEqualTo(expected.size());
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
            TranslatedQuery translated = translatedWithParameters(adql);
            parameterized += translated.parameters().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
        // every query here tests a survey position against a constant region but the OR and the join's ON
        assertThat(parameterized).isGreaterThanOrEqualTo(queries.size() - 2);
        assertThat(memory.connectionPool().statementsReused() - reusedBefore).isGreaterThanOrEqualTo(2L * (queries.size() - 2));
    }

    @Test
    void theSqlTextDependsOnlyOnTheShape() {
        String a = "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0123, -10.01, 0.0001))";
        String b = "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0456, -9.98, 0.0001))";
        TranslatedQuery first = translatedWithParameters(a);
        TranslatedQuery second = translatedWithParameters(b);
        assertThat(first.sql()).contains("\"rowid\" BETWEEN $").contains("CAST($").doesNotContain("_healpix_29\" BETWEEN")
                .doesNotContain("0.0123").doesNotContain("read_parquet");
        assertThat(first.parameters()).contains(0.0123, -10.01, 1.0E-4).hasSizeGreaterThanOrEqualTo(5);
        if (first.parameters().size() == second.parameters().size()) {
            assertThat(second.sql()).isEqualTo(first.sql());
        }
        // files keep today's SQL: literals, HEALPix ranges, no parameter
        TranslatedQuery overFiles = files.translate(a, TinySky.UNLIMITED);
        assertThat(overFiles.sql()).contains("0.0123").contains("_healpix_29\" BETWEEN").doesNotContain("$1");
        assertThat(overFiles.parameters()).isEmpty();
        assertThat(memory.translate(a, TinySky.UNLIMITED).parameters()).as("the literal form for COPY and people").isEmpty();
    }

    @Test
    void concurrentQueriesOfTheSameShapesGetTheirOwnAnswers() throws Exception {
        List<String> queries = randomQueries(23, 40);
        List<List<String>> expected = new ArrayList<>();
        for (String adql : queries) {
            expected.add(rows(files, adql));
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                int offset = thread * 7;
                results.add(threads.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 3; round++) {
                        for (int k = 0; k < queries.size(); k++) {
                            int i = (k + offset) % queries.size();
                            assertThat(rows(memory, queries.get(i))).as(queries.get(i)).containsExactlyInAnyOrderElementsOf(expected.get(i));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(3 * queries.size());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(memory.connectionPool().idleCount()).isLessThanOrEqualTo(QueryEngine.POOLED_CONNECTIONS);
    }

    @Test
    void aFailingStatementIsDroppedAndItsShapeStillAnswers() throws Exception {
        // a declination times 1e5 does not fit a SMALLINT: DuckDB fails only when the cone holds rows (one shape, two outcomes)
        String failing = "SELECT id, CAST(dec * 100000 AS SMALLINT) FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -10.0, 0.01))";
        String empty = "SELECT id, CAST(dec * 100000 AS SMALLINT) FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, 10.0, 0.01))";
        assertThat(translatedWithParameters(failing).sql()).isEqualTo(translatedWithParameters(empty).sql());
        assertThat(rows(memory, empty)).isEmpty();
        assertThatThrownBy(() -> rows(memory, failing)).isInstanceOf(Exception.class);
        assertThat(rows(memory, empty)).isEmpty();
        // the same through chunks (the BINARY2 path)
        assertThat(chunkedRowCount(memory, empty)).isZero();
        assertThatThrownBy(() -> chunkedRowCount(memory, failing)).isInstanceOf(Exception.class);
        assertThat(chunkedRowCount(memory, empty)).isZero();
        // a cancelled streaming result gives back no half-used connection: the same shape answers right after
        String cone = "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -10.0, 0.08))";
        try (ChunkedQueryResult result = memory.executeChunked(cone, TinySky.UNLIMITED)) {
            result.cancel();
        }
        assertThat(rows(memory, cone)).containsExactlyInAnyOrderElementsOf(rows(files, cone));
    }

    @Test
    void copiesHaveTheirHealpixValuesByRowNumber() throws Exception {
        assertThat(memory.memoryTables().sortedRows().keySet())
                .containsExactlyInAnyOrder("deep_optical.sources", "near_infrared.sources", "wide_infrared.sources", "astrometric.source");
        try (Connection connection = memory.rawConnectionForTests(); Statement statement = connection.createStatement()) {
            for (MemoryTables.Loaded table : memory.memoryTables().loaded()) {
                SortedHealpixRows sorted = memory.memoryTables().sortedRows().get(table.tableName());
                assertThat(sorted.rowCount()).isEqualTo(table.rows());
                // the row number found for each value is the first rowid DuckDB holds it at
                try (ResultSet rows = statement.executeQuery("SELECT _healpix_29, min(rowid) FROM " + table.sqlName()
                        + " GROUP BY _healpix_29")) {
                    int checked = 0;
                    while (rows.next()) {
                        assertThat(sorted.firstRowAtLeast(rows.getLong(1))).isEqualTo(rows.getLong(2));
                        checked++;
                    }
                    assertThat(checked).isPositive();
                }
            }
        }
        assertThat(memory.memoryTables().sortedRowsBytes()).isEqualTo(8 * memory.memoryTables().loaded().stream()
                .mapToLong(MemoryTables.Loaded::rows).sum());
        // a table whose row order is not its HEALPix order gets no row numbers
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sorted AS SELECT range * 7 AS h FROM range(5000) ORDER BY h");
            statement.execute("CREATE TABLE shuffled AS SELECT (range * 7919) % 5000 AS h FROM range(5000)");
            statement.execute("CREATE TABLE holed AS SELECT CASE WHEN range = 17 THEN NULL ELSE range END AS h FROM range(100)");
            assertThat(MemoryTables.sortedRowsOf(statement, "sorted", "h")).get().extracting(SortedHealpixRows::rowCount).isEqualTo(5000L);
            assertThat(MemoryTables.sortedRowsOf(statement, "shuffled", "h")).isEmpty();
            assertThat(MemoryTables.sortedRowsOf(statement, "holed", "h")).isEmpty();
        }
    }

    @Test
    void rowRangesAreTheRowsOfTheValueRanges() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            long[] values = new long[random.nextInt(40)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i == 0 ? 0 : values[i - 1]) + random.nextInt(3);
            }
            SortedHealpixRows sorted = SortedHealpixRows.of(values.clone());
            long first = random.nextInt(60) - 5;
            long last = first + random.nextInt(10) - 2;
            long[] range = sorted.rowRange(first, last);
            for (int row = 0; row < values.length; row++) {
                boolean inValues = values[row] >= first && values[row] <= last;
                boolean inRows = row >= range[0] && row <= range[1];
                assertThat(inRows).as("row %d of %s in [%d, %d]", row, java.util.Arrays.toString(values), first, last).isEqualTo(inValues);
            }
        }
        assertThat(SortedHealpixRows.of(new long[] {1, 2, 3}).rowRange(0, Long.MAX_VALUE)).containsExactly(0, 2);
        assertThatThrownBy(() -> SortedHealpixRows.of(new long[] {1, 3, 2})).hasMessageContaining("row 2 has 2 after 3");
    }

    private static TranslatedQuery translatedWithParameters(String adql) {
        return org.skysieve.query.translate.Translation.toDuckDbWithParameters(memory.check(adql, TinySky.UNLIMITED), memory.tables());
    }

    /** The literal SQL of {@code adql} run on the engine's database directly (the form before this cache). */
    private static List<String> literalRows(QueryEngine engine, String adql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = engine.rawConnectionForTests();
                PreparedStatement statement = connection.prepareStatement(engine.translate(adql, TinySky.UNLIMITED).sql());
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
            }
        }
        return rows;
    }

    private static long chunkedRowCount(QueryEngine engine, String adql) throws Exception {
        long count = 0;
        try (ChunkedQueryResult result = engine.executeChunked(adql, TinySky.UNLIMITED)) {
            while (result.chunks().nextChunk()) {
                count += result.chunks().chunk().rowCount();
            }
        }
        return count;
    }

    static List<String> rows(QueryEngine engine, String adql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            while (result.next()) {
                rows.add(row(result.rows()));
            }
        }
        return rows;
    }

    private static String row(ResultSet rows) throws Exception {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            Object value = rows.getObject(i);
            row.append(value instanceof Double d ? Double.toString(d) : String.valueOf(value)).append('|');
        }
        return row.toString();
    }
}
