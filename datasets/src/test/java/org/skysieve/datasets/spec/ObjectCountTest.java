package org.skysieve.datasets.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.datasets.TestSky;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.plan.DatasetPlanner;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import org.skysieve.xmatch.TableFiles;
import org.skysieve.xmatch.TableReader;

/**
 * The objects a spec selects, counted before any work, equal those counted another way: an upload's rows as read
 * back, a query's rows streamed one by one, and the planner's own count of the objects; a TOP within the limit is a
 * bound without a count; a count that may not run is unknown; only a known count over the limit exceeds it.
 */
class ObjectCountTest {
    private static final Duration TIME = Duration.ofMinutes(1);
    @TempDir
    static Path temp;
    static Path sky;
    static QueryEngine engine;

    @BeforeAll
    static void open() {
        sky = TestSky.path();
        engine = QueryEngine.open(Archive.open(sky), List.of(), List.of(temp));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    private static DatasetSpec spec(String objects) {
        return DatasetSpecs.parse("name: counted\nobjects: " + objects + "\n", "spec.yaml", temp);
    }

    /** The rows of {@code adql}, streamed and counted one by one. */
    private static long streamedRows(String adql) throws Exception {
        long rows = 0;
        try (QueryResult result = engine.execute(adql, QueryOptions.of(DatasetSpecChecks.MAX_OBJECTS, TIME))) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    void anUploadsRowsAreCountedAsThePlannerReadsThem() {
        String sources = SqlText.literal(sky.resolve("truth/sources.parquet").toString());
        int written = 0;
        for (String name : List.of("objects.csv", "objects.parquet")) {
            var table = TableReader.readSql("truth", "SELECT 'T' || true_id AS name, ra, dec FROM read_parquet(" + sources
                    + ") WHERE true_id % 3 = 0 ORDER BY true_id");
            TableFiles.write(table, temp.resolve(name));
            written = table.rowCount();
            ObjectCount count = ObjectCount.of(spec("{upload: " + name + ", id: name}"), engine, 1, TIME);
            assertThat(count).as(name).isEqualTo(new ObjectCount(ObjectCount.Basis.UPLOAD_ROWS, OptionalLong.of(written)));
            assertThat(count.exceeds(written - 1)).isTrue();
            assertThat(count.exceeds(written)).isFalse();
        }
        assertThat(written).isGreaterThan(100);
        // the planner's objects stage counts the same
        long[] planned = new long[1];
        DatasetPlanner.plan(spec("{upload: objects.csv, id: name}"), sky, temp.resolve("plan"),
                (stage, done, total) -> planned[0] = stage.equals("objects") ? total : planned[0]);
        assertThat(planned[0]).isEqualTo(written);
    }

    @Test
    void aQuerysRowsAreCountedUnlessItsTopIsWithinTheLimit() throws Exception {
        String bright = "SELECT id, ra, dec FROM deep_optical.sources WHERE mag_r < 23 ORDER BY id -- bright ones";
        long rows = streamedRows(bright);
        assertThat(rows).isGreaterThan(10);
        ObjectCount counted = ObjectCount.of(spec("{adql: \"" + bright + "\"}"), engine, 5, TIME);
        assertThat(counted).isEqualTo(new ObjectCount(ObjectCount.Basis.QUERY_COUNT, OptionalLong.of(rows)));
        assertThat(counted.exceeds(5)).isTrue();
        assertThat(counted.exceeds(rows)).isFalse();

        String topWithin = "SELECT TOP 7 id, ra, dec FROM deep_optical.sources ORDER BY id";
        assertThat(ObjectCount.of(spec("{adql: \"" + topWithin + "\"}"), engine, 7, TIME))
                .isEqualTo(new ObjectCount(ObjectCount.Basis.TOP_BOUND, OptionalLong.of(7)));
        // a TOP beyond the limit is counted: the query may give fewer rows than its TOP
        String topBeyond = "SELECT TOP " + (rows + 1000) + " id, ra, dec FROM deep_optical.sources WHERE mag_r < 23";
        assertThat(ObjectCount.of(spec("{adql: \"" + topBeyond + "\"}"), engine, 7, TIME))
                .isEqualTo(new ObjectCount(ObjectCount.Basis.QUERY_COUNT, OptionalLong.of(rows)));

        ObjectCount notCounted = ObjectCount.of(spec("{adql: \"" + bright + "\"}"), engine, 5, Duration.ZERO);
        assertThat(notCounted.basis()).isEqualTo(ObjectCount.Basis.UNKNOWN);
        assertThat(notCounted.objects()).isEmpty();
        assertThat(notCounted.exceeds(0)).isFalse();
        assertThat(new ObjectCount(ObjectCount.Basis.TOP_BOUND, OptionalLong.of(7)).exceeds(3))
                .as("a bound is not a count").isFalse();
    }
}
