package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;
import org.w3c.dom.Document;

/** UWS 1.1 jobs on the real server: the full flow, the job resource's children, filters, abort, delete, restart, destruction. */
class TapAsyncTest {
    @TempDir
    static Path jobs;

    private static QueryEngineExecutor executor;
    private static Archive archive;

    @BeforeAll
    static void prepare() throws Exception {
        archive = TinyArchive.get();
        executor = QueryEngineExecutor.open(archive, jobs);
    }

    @AfterAll
    static void close() throws Exception {
        executor.close();
    }

    private static SkysieveServer start(Duration cleanerPeriod) {
        TapSettings settings = TapSettings.defaults(jobs).withLimits(1000, 5000);
        return SkysieveServer.start(archive, 0, new TapService(archive, settings, executor, cleanerPeriod));
    }

    private static String create(TapClient client, Map<String, String> parameters) throws Exception {
        HttpResponse<byte[]> created = client.post("/tap/async", parameters);
        assertThat(created.statusCode()).as(TapClient.text(created)).isEqualTo(303);
        String location = created.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(client.base() + "/tap/async/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String element(String xml, String name) throws Exception {
        Document document = VoTables.parse(xml);
        var nodes = document.getElementsByTagNameNS("http://www.ivoa.net/xml/UWS/v1.0", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void aJobRunsToCompletionAndItsResultSurvivesARestart() throws Exception {
        String jobId;
        String result;
        try (SkysieveServer server = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(server.port());
            jobId = create(client, Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 5 id, ra FROM deep_optical.sources ORDER BY id",
                    "RESPONSEFORMAT", "votable/td", "RUNID", "my-run"));
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/phase"))).isEqualTo("PENDING");
            assertThat(client.post("/tap/async/" + jobId + "/phase", Map.of("PHASE", "RUN")).statusCode()).isEqualTo(303);
            String job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30"));
            for (int i = 0; i < 20 && !"COMPLETED".equals(element(job, "phase")); i++) {
                job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30"));
            }
            assertThat(element(job, "phase")).as(job).isEqualTo("COMPLETED");
            assertThat(element(job, "runId")).isEqualTo("my-run");
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/results"))).contains("/results/result");
            HttpResponse<byte[]> response = client.get("/tap/async/" + jobId + "/results/result");
            assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/x-votable+xml");
            result = TapClient.text(response);
            VoTables.validate(result);
            assertThat(VoTables.rows(result)).hasSize(5);
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/parameters"))).contains("id=\"query\"").contains("SELECT TOP 5");
            assertThat(client.get("/tap/async/" + jobId + "/owner").statusCode()).isEqualTo(200);
            assertThat(client.get("/tap/async/" + jobId + "/quote").statusCode()).isEqualTo(200);
        }
        try (SkysieveServer restarted = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(restarted.port());
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/phase"))).isEqualTo("COMPLETED");
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/results/result"))).isEqualTo(result);
            assertThat(TapClient.text(client.get("/tap/async"))).contains("id=\"" + jobId + "\"");
        }
    }

    @Test
    void anAsyncJobReadsItsUploadedTableWhenItRuns() throws Exception {
        try (SkysieveServer server = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(server.port());
            HttpResponse<byte[]> created = client.multipart("/tap/async", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv",
                    "UPLOAD", "points,param:table", "PHASE", "RUN",
                    "QUERY", "SELECT p.name, count(*) AS n FROM TAP_UPLOAD.points AS p GROUP BY p.name ORDER BY p.name"),
                    Map.of("table", "name,value\nb,1\na,2\nb,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(created.statusCode()).as(TapClient.text(created)).isEqualTo(303);
            String location = created.headers().firstValue("location").orElseThrow();
            String jobId = location.substring(location.lastIndexOf('/') + 1);
            String job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30"));
            for (int i = 0; i < 20 && !"COMPLETED".equals(element(job, "phase")) && !"ERROR".equals(element(job, "phase")); i++) {
                job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30"));
            }
            assertThat(element(job, "phase")).as(job).isEqualTo("COMPLETED");
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/results/result"))).isEqualTo("name,n\r\na,1\r\nb,2\r\n");
        }
    }

    @Test
    void aFailingQueryEndsInErrorWithItsMessage() throws Exception {
        try (SkysieveServer server = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(server.port());
            String jobId = create(client, Map.of("LANG", "ADQL", "QUERY", "SELECT x FROM no_such.table", "PHASE", "RUN"));
            String job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30&PHASE=QUEUED"));
            for (int i = 0; i < 20 && !"ERROR".equals(element(job, "phase")); i++) {
                job = TapClient.text(client.get("/tap/async/" + jobId + "?WAIT=30"));
            }
            assertThat(element(job, "phase")).isEqualTo("ERROR");
            assertThat(element(job, "message")).contains("no_such");
            String error = TapClient.text(client.get("/tap/async/" + jobId + "/error"));
            VoTables.validate(error);
            assertThat(VoTables.queryStatus(error)).containsExactly("ERROR");
        }
    }

    @Test
    void pendingJobsChangeAbortAndDelete() throws Exception {
        try (SkysieveServer server = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(server.port());
            String jobId = create(client, Map.of("LANG", "ADQL", "QUERY", "SELECT 1"));
            assertThat(client.post("/tap/async/" + jobId + "/executionduration", Map.of("EXECUTIONDURATION", "77")).statusCode()).isEqualTo(303);
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/executionduration"))).isEqualTo("77");
            Instant destruction = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            client.post("/tap/async/" + jobId + "/destruction", Map.of("DESTRUCTION", destruction.toString()));
            assertThat(Instant.parse(TapClient.text(client.get("/tap/async/" + jobId + "/destruction")))).isEqualTo(destruction);
            client.post("/tap/async/" + jobId + "/parameters", Map.of("QUERY", "SELECT 2"));
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/parameters"))).contains("SELECT 2");

            assertThat(client.post("/tap/async/" + jobId + "/phase", Map.of("PHASE", "ABORT")).statusCode()).isEqualTo(303);
            assertThat(TapClient.text(client.get("/tap/async/" + jobId + "/phase"))).isEqualTo("ABORTED");
            HttpResponse<byte[]> tooLate = client.post("/tap/async/" + jobId + "/parameters", Map.of("QUERY", "SELECT 3"));
            assertThat(tooLate.statusCode()).isEqualTo(409);
            assertThat(client.post("/tap/async/" + jobId + "/phase", Map.of("PHASE", "SUSPEND")).statusCode()).isEqualTo(400);

            assertThat(client.delete("/tap/async/" + jobId).statusCode()).isEqualTo(303);
            assertThat(client.get("/tap/async/" + jobId).statusCode()).isEqualTo(404);
            String other = create(client, Map.of("QUERY", "SELECT 1"));
            assertThat(client.post("/tap/async/" + other, Map.of("ACTION", "DELETE")).statusCode()).isEqualTo(303);
            assertThat(client.get("/tap/async/" + other).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theJobListFiltersByPhaseTimeAndCount() throws Exception {
        try (SkysieveServer server = start(Duration.ofMinutes(5))) {
            TapClient client = new TapClient(server.port());
            String first = create(client, Map.of("QUERY", "SELECT 1"));
            Thread.sleep(5);
            Instant between = Instant.now();
            Thread.sleep(5);
            String second = create(client, Map.of("QUERY", "SELECT 2"));
            client.post("/tap/async/" + second + "/phase", Map.of("PHASE", "ABORT"));
            String pending = TapClient.text(client.get("/tap/async?PHASE=PENDING"));
            assertThat(pending).contains(first).doesNotContain(second);
            String aborted = TapClient.text(client.get("/tap/async?PHASE=ABORTED&PHASE=PENDING"));
            assertThat(aborted).contains(first).contains(second);
            String after = TapClient.text(client.get("/tap/async?AFTER=" + between));
            assertThat(after).contains(second).doesNotContain(first);
            String last = TapClient.text(client.get("/tap/async?LAST=1"));
            assertThat(last).contains(second).doesNotContain(first);
            assertThat(client.get("/tap/async?PHASE=SLEEPING").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theCleanerDestroysJobsPastTheirDestruction() throws Exception {
        try (SkysieveServer server = start(Duration.ofMillis(100))) {
            TapClient client = new TapClient(server.port());
            String jobId = create(client, Map.of("QUERY", "SELECT 1", "DESTRUCTION", Instant.now().plusSeconds(3).toString()));
            Path folder = jobs.resolve("jobs").resolve(jobId);
            assertThat(folder).isDirectory();
            for (int i = 0; i < 6000 && java.nio.file.Files.exists(folder); i++) { // 5 minutes: only a hang gets there
                Thread.sleep(50);
            }
            assertThat(folder).doesNotExist();
            assertThat(client.get("/tap/async/" + jobId).statusCode()).isEqualTo(404);
        }
    }
}
