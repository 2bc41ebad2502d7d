package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/** Queries end to end on a tiny generated sky: joins, grouping, set operations, documentation, limits, errors. */
class QueryEngineTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;

    @BeforeAll
    static void generate() {
        TinySky.generate(sky);
        engine = QueryEngine.open(Archive.open(sky));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void joinOfTwoSurveysMatchesBruteForce() throws Exception {
        List<TinySky.Row> optical = TinySky.positions(engine, "SELECT id, ra, dec FROM deep_optical.sources");
        List<TinySky.Row> infrared = TinySky.positions(engine, "SELECT sourceid, ra, dec FROM near_infrared.sources");
        double radiusDeg = 1.0 / 3600;
        Set<String> expected = new HashSet<>();
        for (TinySky.Row o : optical) {
            for (TinySky.Row n : infrared) {
                if (TinySky.distanceDeg(o.raDeg(), o.decDeg(), n.raDeg(), n.decDeg()) <= radiusDeg) {
                    expected.add(o.id() + "-" + n.id());
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        Set<String> actual = new HashSet<>();
        try (QueryResult result = engine.execute("SELECT d.id, n.sourceid FROM deep_optical.sources AS d"
                + " JOIN near_infrared.sources AS n ON 1 = CONTAINS(POINT(d.ra, d.dec), CIRCLE(n.ra, n.dec, 1./3600))",
                TinySky.UNLIMITED)) {
            while (result.next()) {
                actual.add(result.rows().getLong(1) + "-" + result.rows().getLong(2));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void groupByCountsEveryRowOnce() throws Exception {
        long total = TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources").get(0);
        List<Long> counts = TinySky.longs(engine, "SELECT COUNT(*) AS n, tile_id FROM deep_optical.sources GROUP BY tile_id"
                + " HAVING COUNT(*) > 0 ORDER BY n DESC");
        assertThat(counts).hasSizeGreaterThan(1);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void setOperationsAgreeWithJavaSets() throws Exception {
        String bright = "SELECT id FROM deep_optical.sources WHERE mag_r < 22";
        String west = "SELECT id FROM deep_optical.sources WHERE ra > 180";
        Set<Long> a = new HashSet<>(TinySky.longs(engine, bright));
        Set<Long> b = new HashSet<>(TinySky.longs(engine, west));
        assertThat(a).isNotEmpty();
        assertThat(b).isNotEmpty();
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        Set<Long> intersection = new HashSet<>(a);
        intersection.retainAll(b);
        Set<Long> difference = new HashSet<>(a);
        difference.removeAll(b);
        assertThat(new HashSet<>(TinySky.longs(engine, bright + " UNION " + west))).isEqualTo(union);
        assertThat(new HashSet<>(TinySky.longs(engine, bright + " INTERSECT " + west))).isEqualTo(intersection);
        assertThat(new HashSet<>(TinySky.longs(engine, bright + " EXCEPT " + west))).isEqualTo(difference);
        assertThat(TinySky.longs(engine, "WITH b AS (" + bright + ") SELECT COUNT(*) FROM b")).containsExactly((long) a.size());
    }

    @Test
    void topOffsetAndMaxRecordsLimitRowsAndSignalOverflow() throws Exception {
        List<Long> ordered = TinySky.longs(engine, "SELECT id FROM deep_optical.sources ORDER BY id");
        assertThat(TinySky.longs(engine, "SELECT TOP 5 id FROM deep_optical.sources ORDER BY id OFFSET 3"))
                .isEqualTo(ordered.subList(3, 8));
        try (QueryResult result = engine.execute("SELECT id FROM deep_optical.sources", QueryOptions.of(10, Duration.ofMinutes(1)))) {
            int rows = 0;
            while (result.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(10);
            assertThat(result.overflow()).isTrue();
        }
        try (QueryResult result = engine.execute("SELECT TOP 10 id FROM deep_optical.sources", QueryOptions.of(10, Duration.ofMinutes(1)))) {
            while (result.next()) {
                assertThat(result.rowsRead()).isLessThanOrEqualTo(10);
            }
            assertThat(result.overflow()).isFalse();
        }
    }

    @Test
    void selectedColumnsKeepTheirDocumentationAndExpressionsGetATypeAndUnit() throws Exception {
        try (QueryResult result = engine.execute("SELECT ra AS alpha, flags, mag_r - mag_i, COUNT(*) OVER_NOT_USED FROM"
                + " deep_optical.sources GROUP BY ra, flags, mag_r, mag_i", TinySky.UNLIMITED)) {
            List<ColumnDoc> columns = result.columns();
            assertThat(columns).extracting(ColumnDoc::name).containsExactly("alpha", "flags", "col3", "OVER_NOT_USED");
            assertThat(columns.get(0).unit()).isEqualTo("deg");
            assertThat(columns.get(0).ucd()).startsWith("pos.eq.ra");
            assertThat(columns.get(1).flags()).isPresent();
            assertThat(columns.get(2).type()).isEqualTo(ColumnType.FLOAT); // float - float stays float in DuckDB
            assertThat(columns.get(3).type()).isEqualTo(ColumnType.LONG);
            assertThat(result.rows().getMetaData().getColumnName(1)).isEqualTo("alpha");
        }
        try (QueryResult result = engine.execute("SELECT MAX(ra), IN_UNIT(ra, 'arcsec') AS x, ra FROM deep_optical.sources"
                + " GROUP BY ra", TinySky.UNLIMITED)) {
            assertThat(result.columns()).extracting(ColumnDoc::unit).containsExactly("deg", "arcsec", "deg");
            assertThat(result.next()).isTrue();
            assertThat(result.rows().getDouble(2)).isCloseTo(result.rows().getDouble(3) * 3600, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertError("SELECT IN_UNIT(ra, 'km') FROM deep_optical.sources", AdqlException.Kind.UNSUPPORTED, "cannot convert deg to km");
    }

    @Test
    void jdbcTypesAreTheDocumentedTypesEvenForDuplicateNames() throws Exception {
        try (QueryResult result = engine.execute("SELECT 1 + 0.5, 2, 'a' || 'b', a.ra, b.ra, CASE WHEN a.mag_r < 20 THEN 1 ELSE 0 END, COUNT(*) FROM"
                + " deep_optical.sources AS a JOIN deep_optical.sources AS b ON a.id = b.id GROUP BY a.ra, b.ra, a.mag_r", TinySky.UNLIMITED)) {
            var metadata = result.rows().getMetaData();
            assertThat(metadata.getColumnCount()).isEqualTo(result.columns().size());
            for (int i = 0; i < result.columns().size(); i++) {
                assertThat(metadata.getColumnTypeName(i + 1)).as(result.columns().get(i).name())
                        .isEqualTo(result.columns().get(i).type().sqlType());
            }
            assertThat(result.columns()).extracting(ColumnDoc::name).containsExactly("col1", "col2", "col3", "ra", "ra", "col6", "count");
            assertThat(result.next()).isTrue();
            assertThat(result.rows().getObject(1)).isEqualTo(1.5);
        }
    }

    @Test
    void namingErrorsSayLineColumnAndWhat() {
        assertError("SELECT ra,\n  magnitude FROM deep_optical.sources", AdqlException.Kind.UNKNOWN_NAME,
                "error at 2:3: unknown column magnitude");
        assertError("SELECT id FROM deep_optical.nothing", AdqlException.Kind.UNKNOWN_NAME,
                "error at 1:16: unknown table deep_optical.nothing; expected one of [astrometric.source,");
        assertError("SELECT ra FROM deep_optical.sources AS a, near_infrared.sources AS b", AdqlException.Kind.AMBIGUOUS_NAME,
                "error at 1:8: column ra is in several tables");
        assertError("SELECT id FROM sources", AdqlException.Kind.AMBIGUOUS_NAME, "error at 1:16: table sources is in several schemas");
        assertError("SELECT gavo_foo(ra) FROM deep_optical.sources", AdqlException.Kind.UNKNOWN_NAME,
                "error at 1:8: unknown function GAVO_FOO");
        assertError("SELECT x.ra FROM deep_optical.sources AS s", AdqlException.Kind.UNKNOWN_NAME, "error at 1:8: no table x");
        assertError("SELECT CENTROID(POLYGON(ra, dec, 1, 2, 3, 4)) FROM deep_optical.sources", AdqlException.Kind.UNSUPPORTED,
                "error at 1:25: POLYGON vertex must be a constant number here");
        assertError("SELECT COORD1(ra) FROM deep_optical.sources", AdqlException.Kind.UNSUPPORTED,
                "error at 1:15: COORD1 takes a POINT; got a double value");
        assertError("SELECT COORD2(s.c) FROM (SELECT CIRCLE(ra, dec, 1) AS c FROM deep_optical.sources) AS s",
                AdqlException.Kind.UNSUPPORTED, "error at 1:15: COORD2 takes a POINT; got a circle value");
        assertError("SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('GALACTIC', ra, dec), CIRCLE(0, 0, 1))",
                AdqlException.Kind.UNSUPPORTED, "coordinate system 'GALACTIC'");
    }

    @Test
    void aQueryCannotReachFilesSettingsOrOtherFunctions() throws Exception {
        assertError("SELECT * FROM read_csv('/etc/passwd')", AdqlException.Kind.SYNTAX, "error at 1:23");
        assertError("SELECT read_text('/etc/passwd') FROM deep_optical.sources", AdqlException.Kind.UNKNOWN_NAME, "unknown function READ_TEXT");
        assertError("SELECT id FROM deep_optical.sources; SET enable_external_access = true", AdqlException.Kind.SYNTAX, "one query per request");
        assertError("SELECT \"id\"\" FROM x; --\" FROM deep_optical.sources", AdqlException.Kind.UNKNOWN_NAME, "unknown column");
        assertError("SELECT id FROM \"deep_optical.sources\"", AdqlException.Kind.UNKNOWN_NAME, "unknown table");
        // the database itself refuses, even if some SQL got through
        try (Connection connection = engine.rawConnectionForTests(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM read_csv('/etc/passwd')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("SET enable_external_access = true")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("INSTALL spatial")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void stringLiteralsCannotEscape() throws Exception {
        assertThat(TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources WHERE name = 'x'' OR 1=1 --'")).containsExactly(0L);
    }

    private static void assertError(String adql, AdqlException.Kind kind, String message) {
        assertThatThrownBy(() -> engine.execute(adql, TinySky.UNLIMITED).close())
                .isInstanceOfSatisfying(AdqlException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }
}
