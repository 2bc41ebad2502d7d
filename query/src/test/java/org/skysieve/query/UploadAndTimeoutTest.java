package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/** Uploaded tables join the surveys; a query past its time limit is cancelled with a clear error. */
class UploadAndTimeoutTest {
    @TempDir
    static Path sky;
    static Path uploads;
    static QueryEngine engine;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        uploads = Files.createDirectories(sky.resolve("uploads"));
        engine = QueryEngine.open(Archive.open(sky), List.of(), List.of(uploads));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void anUploadedListJoinsASurvey() throws Exception {
        List<TinySky.Row> sources = TinySky.positions(engine, "SELECT id, ra, dec FROM deep_optical.sources");
        Path file = uploads.resolve("mine.parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 1000 + i AS my_id, 0.1 * i - 0.1 AS my_ra, -10.0 + 0.01 * i AS my_dec"
                    + " FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet)");
        }
        QueryOptions.UploadedTable upload = new QueryOptions.UploadedTable("mine", file, List.of(
                ColumnDoc.of("my_id", ColumnType.LONG, "", "meta.id", "my id"),
                ColumnDoc.of("my_ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("my_dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")));
        QueryOptions options = new QueryOptions(1_000_000, Duration.ofMinutes(1), List.of(upload));
        double radiusDeg = 0.01;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            for (TinySky.Row source : sources) {
                if (TinySky.distanceDeg(source.raDeg(), source.decDeg(), (0.1 * i - 0.1 + 360) % 360, -10.0 + 0.01 * i) <= radiusDeg) {
                    expected.add((1000 + i) + "-" + source.id());
                }
            }
        }
        assertThat(expected).isNotEmpty();
        Set<String> actual = new HashSet<>();
        try (QueryResult result = engine.execute("SELECT u.my_id, s.id FROM TAP_UPLOAD.mine AS u JOIN deep_optical.sources AS s"
                + " ON DISTANCE(POINT(u.my_ra, u.my_dec), POINT(s.ra, s.dec)) <= 0.01", options)) {
            assertThat(result.columns().get(0).description()).isEqualTo("my id");
            while (result.next()) {
                actual.add(result.rows().getLong(1) + "-" + result.rows().getLong(2));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThatThrownBy(() -> engine.execute("SELECT * FROM TAP_UPLOAD.mine", TinySky.UNLIMITED))
                .isInstanceOf(AdqlException.class).hasMessageContaining("unknown table TAP_UPLOAD.mine");
    }

    @Test
    void aQueryPastItsTimeLimitIsCancelled() {
        // four tables crossed: hours of work, so an answer at all (the time-limit error) shows the query was cancelled
        assertThatThrownBy(() -> {
            try (QueryResult result = engine.execute("SELECT COUNT(*) FROM deep_optical.sources AS a, deep_optical.sources AS b,"
                    + " deep_optical.sources AS c, deep_optical.sources AS d WHERE a.ra + b.ra + c.ra + d.ra > 1000",
                    QueryOptions.of(10, Duration.ofSeconds(1)))) {
                result.next();
            }
        }).isInstanceOf(AdqlException.class).satisfies(e -> assertThat(((AdqlException) e).kind()).isEqualTo(AdqlException.Kind.EXECUTION))
                .hasMessageContaining("ran past its time limit of 1 s");
    }
}
