package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;

/**
 * One heavy query does not stop others from being answered, and aborting it stops its DuckDB work; through the real
 * server. The heavy query is an aggregate over a three-way cross product of the tiny sky (about 1.6e10 rows: minutes
 * of work), run as an async job written as Parquet (DuckDB's own COPY, which no Java code interrupts by itself).
 */
class HeavyQueryIsolationTest {
    private static final String HEAVY = "SELECT COUNT(*) AS n, SUM(a.ra * b.dec - c.ra) AS s FROM deep_optical.sources AS a, "
            + "deep_optical.sources AS b, near_infrared.sources AS c WHERE a.ra + b.dec * c.dec > a.dec * c.ra + b.ra";
    private static final String CONE = "SELECT id, ra, dec FROM deep_optical.sources "
            + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 0.0, -10.0, 0.02))";

    @TempDir
    Path jobs;

    @Test
    void smallQueriesAreAnsweredWhileAHeavyOneRunsAndAbortingItFreesItsSlot() throws Exception {
        Archive archive = TinyArchive.get();
        TapSettings defaults = TapSettings.defaults(jobs);
        // one async slot: a second job can only run once the heavy job's thread has come back from DuckDB
        TapSettings settings = new TapSettings(jobs, defaults.defaultMaxrec(), defaults.maxMaxrec(), defaults.syncTimeout(),
                defaults.defaultExecutionDuration(), defaults.maxExecutionDuration(), defaults.defaultRetention(),
                defaults.maxRetention(), defaults.uploadLimitBytes(), defaults.uploadLimitRows(), 1, false);
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs);
             SkysieveServer server = SkysieveServer.start(archive, 0, settings, executor)) {
            TapClient client = new TapClient(server.port());
            String heavy = createJob(client, HEAVY);
            client.post("/tap/async/" + heavy + "/phase", Map.of("PHASE", "RUN"));
            waitForPhase(client, heavy, "EXECUTING");

            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> cone = client.post("/tap/sync", Map.of("LANG", "ADQL", "QUERY", CONE, "RESPONSEFORMAT", "csv"));
                assertThat(cone.statusCode()).as(TapClient.text(cone)).isEqualTo(200);
                assertThat(TapClient.text(cone).lines().count()).isGreaterThan(1);
            }
            assertThat(phase(client, heavy)).as("the heavy job is still running after the small queries were answered")
                    .isEqualTo("EXECUTING");

            String next = createJob(client, CONE);
            client.post("/tap/async/" + next + "/phase", Map.of("PHASE", "RUN"));
            assertThat(phase(client, next)).as("the only slot is taken").isEqualTo("QUEUED");
            client.post("/tap/async/" + heavy + "/phase", Map.of("PHASE", "ABORT"));
            assertThat(phase(client, heavy)).isEqualTo("ABORTED");
            waitForPhase(client, next, "COMPLETED");
        }
    }

    /** The advertised execution duration is honoured: a job past it ends in ERROR saying so, in either result path. */
    @Test
    void aJobPastItsExecutionDurationEndsInErrorSayingSo() throws Exception {
        Archive archive = TinyArchive.get();
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs);
             SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(jobs), executor)) {
            TapClient client = new TapClient(server.port());
            for (String format : new String[] {"parquet", "votable"}) {
                String job = createJob(client, HEAVY, format);
                client.post("/tap/async/" + job + "/executionduration", Map.of("EXECUTIONDURATION", "1"));
                client.post("/tap/async/" + job + "/phase", Map.of("PHASE", "RUN"));
                waitForPhase(client, job, "ERROR");
                assertThat(TapClient.text(client.get("/tap/async/" + job + "/error"))).as(format)
                        .contains("ran past its time limit of 1 s");
            }
        }
    }

    private static String createJob(TapClient client, String adql) throws Exception {
        return createJob(client, adql, "parquet");
    }

    private static String createJob(TapClient client, String adql, String format) throws Exception {
        HttpResponse<byte[]> created = client.post("/tap/async", Map.of("LANG", "ADQL", "QUERY", adql, "RESPONSEFORMAT", format));
        assertThat(created.statusCode()).as(TapClient.text(created)).isEqualTo(303);
        String location = created.headers().firstValue("location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String phase(TapClient client, String jobId) throws Exception {
        return TapClient.text(client.get("/tap/async/" + jobId + "/phase")).trim();
    }

    /** Waits (at most 60 s: the heavy query alone would take minutes) for the job to reach {@code wanted}. */
    private static void waitForPhase(TapClient client, String jobId, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String phase = phase(client, jobId);
        while (!phase.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            phase = phase(client, jobId);
        }
        assertThat(phase).as("phase of job " + jobId).isEqualTo(wanted);
    }
}
