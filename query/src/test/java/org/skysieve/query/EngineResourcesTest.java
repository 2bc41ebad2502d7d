package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;

/**
 * The engine's DuckDB is bounded as configured (threads, memory), a query that needs more memory fails with a clear
 * error instead of taking the process down, and a caller interrupted while DuckDB computes gets its statement
 * cancelled (a three-way cross product that would run for minutes stops within seconds).
 */
class EngineResourcesTest {
    /** Four tables crossed (about 10^13 combinations on the tiny sky): hours of work that only a cancel ends. */
    private static final String HEAVY = "SELECT COUNT(*) AS n FROM deep_optical.sources AS a, deep_optical.sources AS b, "
            + "near_infrared.sources AS c, near_infrared.sources AS d WHERE a.ra + b.dec * c.dec > a.dec * c.ra + b.ra + d.dec";

    @TempDir
    static Path sky;
    static QueryEngine engine;

    @BeforeAll
    static void generate() {
        TinySky.generate(sky);
        engine = QueryEngine.open(Archive.open(sky), List.of(), List.of(), new EngineResources(1, 100L << 20, java.util.Optional.empty(), 0));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void theConfiguredLimitsAreTheDatabasesAndCannotBeChanged() throws Exception {
        try (Connection connection = engine.rawConnectionForTests(); Statement statement = connection.createStatement()) {
            try (ResultSet settings = statement.executeQuery("SELECT current_setting('threads'), current_setting('memory_limit')")) {
                assertThat(settings.next()).isTrue();
                assertThat(settings.getLong(1)).isEqualTo(1);
                assertThat(settings.getString(2)).isEqualTo("100.0 MiB");
            }
            for (String change : List.of("SET memory_limit = '10GB'", "SET threads = 8")) {
                try (Statement again = connection.createStatement()) {
                    assertThatThrownBy(() -> again.execute(change)).hasMessageContaining("locked");
                }
            }
        }
    }

    @Test
    void aQueryNeedingMoreMemoryThanAllowedFailsWithTheReason() throws Exception {
        String hungry = "SELECT COUNT(*) FROM (SELECT DISTINCT a.ra * b.dec + a.dec * b.ra AS v, a.name, b.name AS other"
                + " FROM deep_optical.sources AS a, deep_optical.sources AS b) AS d";
        assertThatThrownBy(() -> TinySky.longs(engine, hungry))
                .isInstanceOf(AdqlException.class)
                .hasMessageContaining("Out of Memory Error")
                .satisfies(e -> assertThat(((AdqlException) e).kind()).isEqualTo(AdqlException.Kind.EXECUTION));
        assertThat(TinySky.longs(engine, "SELECT COUNT(*) FROM deep_optical.sources")).hasSize(1);
        // the same query with a spill folder runs to the end, and its temporary files stay within that folder
        Path spill = sky.resolve("spill");
        try (QueryEngine spilling = QueryEngine.open(Archive.open(sky), List.of(), List.of(),
                new EngineResources(1, 100L << 20, java.util.Optional.empty(), 0).withSpill(spill, 4L << 30))) {
            assertThat(TinySky.longs(spilling, hungry)).hasSize(1);
        }
    }

    @Test
    void anInterruptedCallerHasItsStatementCancelled() throws Exception {
        for (boolean parquet : new boolean[] {false, true}) {
            Thread[] runner = new Thread[1];
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            runner[0] = new Thread(() -> {
                try {
                    QueryOptions options = QueryOptions.of(10, Duration.ofMinutes(10));
                    if (parquet) {
                        engine.copyToParquet(HEAVY, options, sky.resolve("heavy.parquet"), List.of("n"), java.util.Map.of());
                    } else {
                        engine.execute(HEAVY, options).close();
                    }
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            runner[0].start();
            // interrupt once the statement is under way in DuckDB (an event, not a pause): the heavy query runs for
            // hours, so only the interrupt can end it
            while (engine.statementsUnderWay() == 0 && !outcome.isDone()) {
                Thread.sleep(5);
            }
            assertThat(outcome).as("the heavy query is still running").isNotDone();
            runner[0].interrupt();
            Throwable thrown = outcome.get(5, TimeUnit.MINUTES);
            assertThat(thrown).as(parquet ? "COPY" : "streamed query").isInstanceOf(AdqlException.class);
            assertThat(thrown.getMessage()).containsIgnoringCase("interrupt");
        }
    }
}
