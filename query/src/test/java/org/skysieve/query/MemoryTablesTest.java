package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.check.AnalyzedQuery;

/**
 * In-memory copies of the survey tables ({@link MemoryTables}) give the same rows as the Parquet files, for spatial,
 * joined, ordered and aggregated queries; the budget decides which tables are copied; the copies keep the HEALPix
 * order that lets zone maps prune; and the chunked results keep the documented column types with or without the
 * outer CAST layer.
 */
class MemoryTablesTest {
    @TempDir
    static Path sky;
    static Archive archive;
    static QueryEngine files;
    static QueryEngine memory;

    @BeforeAll
    static void open() {
        TinySky.generate(sky);
        archive = Archive.open(sky);
        files = QueryEngine.open(archive);
        memory = QueryEngine.open(archive, List.of(), List.of(), EngineResources.defaults().withMemoryTables(1L << 30));
    }

    @AfterAll
    static void close() throws Exception {
        files.close();
        memory.close();
    }

    static final List<String> QUERIES = List.of(
            "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 0.0, -10.0, 0.03))",
            // across RA 0/360, from both sides
            "SELECT id, ra, dec, mag_r FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(359.97, -9.98, 0.05))",
            "SELECT id, ra, dec FROM deep_optical.sources WHERE DISTANCE(POINT(ra, dec), POINT(0.02, -10.05)) <= 0.04",
            "SELECT * FROM near_infrared.sources WHERE CONTAINS(POINT(ra, dec), POLYGON(359.95, -10.05, 0.06, -10.04, 0.05, -9.96,"
                    + " 359.97, -9.94)) = 1",
            "SELECT * FROM wide_infrared.sources WHERE CONTAINS(POINT(ra, dec), BOX(0.0, -10.0, 0.1, 0.08)) = 1",
            "SELECT * FROM astrometric.source WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.05, -9.95, 0.05))",
            "SELECT TOP 7 id, mag_r FROM deep_optical.sources WHERE mag_r IS NOT NULL ORDER BY mag_r, id",
            "SELECT COUNT(*), MIN(ra), MAX(dec) FROM near_infrared.sources",
            "SELECT a.id, b.source_id FROM deep_optical.sources AS a JOIN astrometric.source AS b"
                    + " ON 1 = CONTAINS(POINT(a.ra, a.dec), CIRCLE(b.ra, b.dec, 0.0003))",
            "SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.1, -9.92, 0.005)) OR mag_r < 19",
            "SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(180.0, 45.0, 0.5))");

    @Test
    void copiesGiveTheSameRowsAsTheFiles() throws Exception {
        assertThat(memory.memoryTables().loaded()).extracting(MemoryTables.Loaded::tableName)
                .containsExactlyInAnyOrder("deep_optical.sources", "near_infrared.sources", "wide_infrared.sources", "astrometric.source");
        assertThat(memory.memoryTables().skipped()).isEmpty();
        int nonEmpty = 0;
        for (String adql : QUERIES) {
            List<String> expected = rows(files, adql);
            assertThat(rows(memory, adql)).as(adql).containsExactlyInAnyOrderElementsOf(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isEqualTo(QUERIES.size() - 1);
        String sql = memory.translate(QUERIES.get(0), TinySky.UNLIMITED).sql();
        assertThat(sql).contains("\"skysieve_memory\".\"deep_optical.sources\"").contains("\"_healpix_29\" BETWEEN")
                .doesNotContain("read_parquet");
        assertThat(memory.translate(QUERIES.get(0), TinySky.UNLIMITED).filesRead()).isEmpty();
    }

    @Test
    void copiesAreSortedOnTheHealpixIndexAndNotReachableFromAdql() throws Exception {
        try (Connection connection = memory.rawConnectionForTests(); Statement statement = connection.createStatement()) {
            for (MemoryTables.Loaded table : memory.memoryTables().loaded()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE previous > _healpix_29) FROM"
                        + " (SELECT _healpix_29, lag(_healpix_29) OVER (ORDER BY rowid) AS previous FROM " + table.sqlName() + ")")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(table.tableName()).isEqualTo(table.rows()).isPositive();
                    assertThat(rows.getLong(2)).as(table.tableName() + " rows out of HEALPix order").isZero();
                }
                assertThat(table.bytes()).isPositive();
            }
        }
        assertThatThrownBy(() -> memory.execute("SELECT * FROM skysieve_memory.\"deep_optical.sources\"", TinySky.UNLIMITED))
                .isInstanceOf(AdqlException.class);
    }

    @Test
    void theBudgetDecidesWhichTablesAreCopied() throws Exception {
        MemoryTables.Loaded smallest = memory.memoryTables().loaded().get(0);
        long budget = smallest.bytes() + smallest.bytes() / 2;
        try (QueryEngine some = QueryEngine.open(archive, List.of(), List.of(), EngineResources.defaults().withMemoryTables(budget));
                QueryEngine none = QueryEngine.open(archive, List.of(), List.of(), EngineResources.defaults().withMemoryTables(1))) {
            assertThat(some.memoryTables().loaded()).extracting(MemoryTables.Loaded::tableName).containsExactly(smallest.tableName());
            assertThat(some.memoryTables().usedBytes()).isLessThanOrEqualTo(budget);
            assertThat(some.memoryTables().skipped()).hasSize(3)
                    .allSatisfy(skipped -> assertThat(skipped.reason()).contains("MiB of the budget left"));
            assertThat(some.translate(QUERIES.get(0), TinySky.UNLIMITED).sql()).contains("read_parquet");
            for (String adql : QUERIES) {
                assertThat(rows(some, adql)).as(adql).containsExactlyInAnyOrderElementsOf(rows(files, adql));
            }
            assertThat(none.memoryTables().loaded()).isEmpty();
            assertThat(none.memoryTables().skipped()).hasSize(4);
        }
        assertThat(files.memoryTables().loaded()).isEmpty();
        assertThat(files.memoryTables().skipped()).isEmpty();
    }

    /** The chunked path drops the outer CASTs only when DuckDB's types are already the documented ones. */
    @Test
    void chunkedResultsHaveTheDocumentedTypesWithOrWithoutTheCastLayer() throws Exception {
        List<String> queries = new ArrayList<>(QUERIES);
        queries.addAll(List.of("SELECT 1 AS one, 2.5 AS half, 'x' AS text, id + 1 AS next FROM deep_optical.sources",
                "SELECT COUNT(*) AS n, AVG(mag_r) AS mean, SUM(flags) AS total FROM deep_optical.sources",
                "SELECT CAST(flags AS SMALLINT) AS s, ra * 2 AS twice, mag_r / 2 AS half FROM deep_optical.sources",
                "SELECT a.id, b.id FROM deep_optical.sources AS a JOIN deep_optical.sources AS b ON a.id = b.id",
                "SELECT TOP 3 id FROM deep_optical.sources ORDER BY id OFFSET 2",
                "SELECT id FROM deep_optical.sources ORDER BY id OFFSET 5",
                "SELECT TOP 2 id FROM deep_optical.sources UNION SELECT TOP 2 sourceid FROM near_infrared.sources",
                "WITH b AS (SELECT TOP 9 id FROM deep_optical.sources ORDER BY id) SELECT id FROM b ORDER BY id DESC"));
        int untyped = 0;
        for (QueryEngine engine : List.of(files, memory)) {
            for (String adql : queries) {
                AnalyzedQuery analyzed = engine.check(adql, TinySky.UNLIMITED);
                String typed = QueryEngine.typedOuterQuery(analyzed.columns(), engine.translate(adql, TinySky.UNLIMITED).sql(), 5);
                List<Integer> expected;
                try (Connection connection = engine.rawConnectionForTests();
                        DuckDBPreparedStatement statement = connection.prepareStatement(typed).unwrap(DuckDBPreparedStatement.class)) {
                    expected = typeIds(statement.query());
                    String plain = "SELECT * FROM (" + engine.translate(adql, TinySky.UNLIMITED).sql() + ") AS q";
                    try (DuckDBPreparedStatement bare = connection.prepareStatement(plain).unwrap(DuckDBPreparedStatement.class)) {
                        untyped += QueryEngine.hasTypes(bare.getMetaData(), analyzed.columns()) ? 1 : 0;
                    }
                }
                try (ChunkedQueryResult result = engine.executeChunked(adql, QueryOptions.of(4, TinySky.UNLIMITED.timeout()))) {
                    assertThat(typeIds(result.chunks())).as(adql).isEqualTo(expected);
                }
                // at most maxRecords + 1 rows, the query's own TOP/OFFSET/ORDER BY kept: the first rows of the full result
                List<String> all = rows(engine, adql);
                List<String> cut = new ArrayList<>();
                try (ChunkedQueryResult result = engine.executeChunked(adql, QueryOptions.of(4, TinySky.UNLIMITED.timeout()))) {
                    while (result.chunks().nextChunk()) {
                        for (int row = 0; row < result.chunks().chunk().rowCount(); row++) {
                            var first = result.chunks().chunk().vector(0);
                            cut.add(first.getType() == org.duckdb.DuckDBColumnType.BIGINT ? first.getLong(row) + "|" : "?");
                        }
                    }
                }
                assertThat(cut).as(adql).hasSize(Math.min(all.size(), 5));
                if (adql.contains("ORDER BY id")) {
                    assertThat(cut).as(adql).isEqualTo(all.subList(0, cut.size()).stream().map(r -> r.substring(0, r.indexOf('|') + 1)).toList());
                }
            }
        }
        // the published columns need no CAST (the cone searches); some computed ones do (the literals, the CAST to SMALLINT)
        assertThat(untyped).isGreaterThanOrEqualTo(2 * QUERIES.size()).isLessThan(2 * queries.size());
    }

    private static List<Integer> typeIds(DuckDBChunkedResult chunks) throws Exception {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < chunks.columnCount(); i++) {
            ids.add(chunks.columnTypeId(i));
        }
        chunks.close();
        return ids;
    }

    /** Every row as text, through JDBC rows. */
    private static List<String> rows(QueryEngine engine, String adql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            int columns = result.rows().getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.rows().getObject(i);
                    row.append(value instanceof Double d ? String.format(Locale.ROOT, "%.12g", d) : String.valueOf(value)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
