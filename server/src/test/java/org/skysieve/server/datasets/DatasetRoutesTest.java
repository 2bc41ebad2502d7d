package org.skysieve.server.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.images.SyntheticImages;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.TapService;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.server.tap.UnavailableAdqlExecutor;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * {@code /datasets} on the real server over the tiny synthetic sky with the wide survey's first plate, building with the
 * real dataset builder: a spec submitted, its progress followed to COMPLETED, every file and both archives checked
 * against the manifest's checksums (the archives read back by Python's zipfile and tarfile); uploads by multipart; an
 * invalid spec refused with every problem and nothing queued; abort while executing; a restart that keeps finished jobs
 * and continues an interrupted build; the object limit; bad ids and file names answered in the JSON error form.
 */
class DatasetRoutesTest {
    private static final String SURVEY = "wide_infrared";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static Path root;
    private static Archive archive;
    private static TestDatasetEngine engine;
    private static SkysieveServer server;
    private static Path jobsFolder;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("skysieve-datasets-http-");
        SkyGenerator.generate(root, 42, SkyScale.TINY, message -> { });
        SyntheticImages.write(root, new SyntheticImages.Options(List.of(SURVEY), 1, 42));
        archive = Archive.open(root);
        engine = new TestDatasetEngine(archive);
        jobsFolder = root.resolve(".datasets-shared");
        server = start(DatasetSettings.defaults(jobsFolder), engine);
    }

    private static SkysieveServer start(DatasetSettings settings, DatasetEngine datasetEngine) {
        TapService tap = new TapService(archive, TapSettings.defaults(settings.workFolder().resolveSibling(
                settings.workFolder().getFileName() + "-tap")), new UnavailableAdqlExecutor());
        return SkysieveServer.start(archive, 0, tap, settings, datasetEngine);
    }

    @AfterAll
    static void stop() {
        server.close();
        Folders.deleteRecursively(root);
    }

    /** The first {@code objects} sources of the wide survey by id, with two bands of 16 x 16 cutouts. */
    private static String spec(String name, int objects, int shardRows) {
        return "name: " + name + "\n"
                + "objects:\n"
                + "  adql: SELECT TOP " + objects + " cntr, ra, dec FROM " + SURVEY + ".sources ORDER BY cntr\n"
                + "  id: cntr\n"
                + "features:\n"
                + "  - survey: " + SURVEY + "\n"
                + "    columns: [w1mpro, w2mpro]\n"
                + "cutouts: {survey: " + SURVEY + ", bands: [W1, W2], size: 16}\n"
                + "output: {shard_rows: " + shardRows + "}\n";
    }

    @Test
    void aSubmittedSpecIsBuiltAndEveryFileAndBothArchivesMatchTheManifest(@TempDir Path downloads) throws Exception {
        HttpResponse<byte[]> created = postBody(server, "/datasets", spec("first", 30, 8), "application/yaml");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        assertThat(job).matches("http://localhost:\\d+/datasets/[0-9a-f]{16}");
        List<String> stages = new ArrayList<>();
        JsonNode document = awaitEnd(job, stages);
        assertThat(document.path("phase").asText()).as(document.toString()).isEqualTo("COMPLETED");
        // Polling sees only some stages (a fast one such as "plan" can pass between two polls): those seen keep the
        // order of a build and the last is "shards".
        // The shards alternate with the cutouts of each shard, so both have one place in the order. "plan" brackets the
        // planner's own stages (0 of 1 before check, 1 of 1 after rows): a poll may see it at either end, so it has no place.
        List<String> order = List.of("queued", "executing", "check", "objects", "features", "labels", "rows",
                "cutouts|shards");
        assertThat(stages).isNotEmpty();
        int[] places = stages.stream().filter(stage -> !stage.equals("plan"))
                .mapToInt(stage -> stage.equals("cutouts") || stage.equals("shards") ? order.size() - 1
                        : order.indexOf(stage))
                .toArray();
        assertThat(places).as(stages.toString()).doesNotContain(-1).isSorted();
        assertThat(stages.get(stages.size() - 1)).isEqualTo("shards");
        assertThat(document.path("progress").path("stage").asText()).isEqualTo("shards");
        assertThat(document.path("progress").path("done").asLong()).isEqualTo(4);
        assertThat(document.path("startTime").asText()).isNotEmpty();
        assertThat(document.path("endTime").asText()).isNotEmpty();
        assertThat(document.path("destructionTime").asText()).isNotEmpty();
        assertThat(document.path("error").isNull()).isTrue();

        JsonNode manifest = json(get(job + "/files/manifest.json"));
        assertThat(manifest.path("rows").asLong()).isEqualTo(30);
        Map<String, String> recorded = new LinkedHashMap<>();
        manifest.path("files").forEach(file -> recorded.put(file.path("name").asText(), file.path("sha256").asText()));
        List<String> expectedNames = new ArrayList<>(List.of("README.md", "manifest.json"));
        for (int shard = 0; shard < 4; shard++) {
            expectedNames.addAll(List.of(String.format("cutouts-%04d.npy", shard),
                    String.format("features-%04d.npy", shard), String.format("features-%04d.parquet", shard),
                    String.format("mask-%04d.npy", shard)));
        }
        Map<String, String> listed = new HashMap<>();
        for (JsonNode file : document.path("files")) {
            String name = file.path("name").asText();
            HttpResponse<byte[]> download = get(file.path("url").asText());
            assertThat(download.statusCode()).as(name).isEqualTo(200);
            assertThat((long) download.body().length).as(name).isEqualTo(file.path("bytes").asLong());
            assertThat(sha256(download.body())).as(name).isEqualTo(file.path("sha256").asText());
            if (!name.equals("manifest.json")) {
                assertThat(recorded.get(name)).as(name).isEqualTo(file.path("sha256").asText());
                assertThat(file.path("checksumFrom").asText()).isEqualTo("manifest");
            }
            listed.put(name, file.path("sha256").asText());
        }
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames.stream()
                .filter(name -> !name.equals("manifest.json")).toList());

        for (String format : List.of("zip", "tar")) {
            HttpResponse<byte[]> archived = get(job + "/archive?format=" + format);
            assertThat(archived.statusCode()).isEqualTo(200);
            assertThat(archived.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("first-" + job.substring(job.lastIndexOf('/') + 1) + "." + format);
            Path file = downloads.resolve("dataset." + format);
            Files.write(file, archived.body());
            Map<String, String> members = pythonArchiveMembers(file, format);
            Map<String, String> expected = new HashMap<>();
            listed.forEach((name, hash) -> expected.put("first-" + job.substring(job.lastIndexOf('/') + 1) + "/"
                    + name, hash));
            assertThat(members).as(format).isEqualTo(expected);
        }
        assertThat(get(job + "/archive").headers().firstValue("Content-Type")).hasValue("application/zip");

        JsonNode list = json(get("http://localhost:" + server.port() + "/datasets"));
        List<String> ids = new ArrayList<>();
        list.path("datasets").forEach(entry -> ids.add(entry.path("url").asText()));
        assertThat(ids).contains(job);
        assertThat(list.path("limits").path("maxConcurrentBuilds").asInt()).isEqualTo(1);
        assertThat(list.path("limits").path("maxObjects").asLong()).isEqualTo(10_000_000);
    }

    @Test
    void objectsUploadedBesideTheSpecByMultipartAreBuilt() throws Exception {
        String specText = "name: uploaded\nobjects: {upload: my-objects.csv, id: id}\noutput: {shard_rows: 2}\n";
        String csv = "id,ra,dec\n7,10.0,5.0\n8,10.1,5.1\n9,10.2,5.2\n";
        HttpResponse<byte[]> created = postMultipart(server, "/datasets", Map.of("spec", specText.getBytes()),
                Map.of("objects", Map.entry("my-objects.csv", csv.getBytes())));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        JsonNode document = awaitEnd(job, new ArrayList<>());
        assertThat(document.path("phase").asText()).as(document.toString()).isEqualTo("COMPLETED");
        assertThat(document.path("name").asText()).isEqualTo("uploaded");
        JsonNode manifest = json(get(job + "/files/manifest.json"));
        assertThat(manifest.path("rows").asLong()).isEqualTo(3);
        assertThat(manifest.path("shards").size()).isEqualTo(2);
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertThat(jobsFolder.resolve(id).resolve("input/my-objects.csv")).hasContent(csv);

        for (String elsewhere : List.of("/etc/hostname", "../../job.json", "../input/../../x.csv")) {
            HttpResponse<byte[]> outside = postBody(server, "/datasets", "name: outside\nobjects: {upload: \""
                    + elsewhere + "\", id: id}\n", "application/yaml");
            assertThat(outside.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(json(outside).path("problems").get(0).asText()).as(elsewhere)
                    .startsWith("objects.upload: Expected the name of a file sent with the spec")
                    .doesNotContain(jobsFolder.toString());
        }
        HttpResponse<byte[]> missing = postBody(server, "/datasets", "name: missing\nobjects: {upload: gone.csv, id: id}\n",
                "application/yaml");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(text(missing)).contains("gone.csv").doesNotContain(jobsFolder.toString());
        HttpResponse<byte[]> badName = postMultipart(server, "/datasets", Map.of("spec", specText.getBytes()),
                Map.of("objects", Map.entry(".hidden", csv.getBytes())));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).path("error").asText()).contains("'.hidden'").contains("objects");
        HttpResponse<byte[]> noSpec = postMultipart(server, "/datasets", Map.of(),
                Map.of("objects", Map.entry("my-objects.csv", csv.getBytes())));
        assertThat(noSpec.statusCode()).isEqualTo(400);
        assertThat(json(noSpec).path("error").asText()).contains("Expected a part named spec");
    }

    @Test
    void anInvalidSpecIsRefusedWithEveryProblemAndNothingIsQueued() throws Exception {
        List<String> before = jobFolders();
        int listed = json(get("http://localhost:" + server.port() + "/datasets")).path("datasets").size();
        String bad = "objects: {adql: \"SELECT cntr, ra, dec FROM " + SURVEY + ".sources\"}\ncolour: blue\n"
                + "cutouts: {survey: " + SURVEY + ", bands: [W1, K9], size: 16}\noutput: {shard_rows: many}\n";
        HttpResponse<byte[]> refused = postBody(server, "/datasets", bad, "application/yaml");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = json(refused);
        assertThat(error.path("status").asInt()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        error.path("problems").forEach(problem -> problems.add(problem.asText()));
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("name"))
                .anySatisfy(problem -> assertThat(problem).contains("colour"))
                .anySatisfy(problem -> assertThat(problem).startsWith("output.shard_rows").contains("many"));
        String wrongMeaning = "name: wrong\nobjects: {adql: \"SELECT cntr, ra, dec FROM nowhere.sources\", id: cntr}\n"
                + "features:\n  - survey: " + SURVEY + "\n    columns: [w9mpro]\n"
                + "cutouts: {survey: " + SURVEY + ", bands: [W1, K9], size: 16}\n"
                + "split: {fractions: {train: 0.9, validation: 0.9, test: 0.1}}\n";
        HttpResponse<byte[]> meaning = postBody(server, "/datasets", wrongMeaning, "application/yaml");
        assertThat(meaning.statusCode()).isEqualTo(400);
        List<String> meaningProblems = new ArrayList<>();
        json(meaning).path("problems").forEach(problem -> meaningProblems.add(problem.asText()));
        assertThat(meaningProblems).anySatisfy(problem -> assertThat(problem).contains("nowhere"))
                .anySatisfy(problem -> assertThat(problem).contains("w9mpro"))
                .anySatisfy(problem -> assertThat(problem).contains("K9"))
                .anySatisfy(problem -> assertThat(problem).startsWith("split.fractions"));
        assertThat(json(meaning).path("error").asText()).doesNotContain(root.toString());
        assertThat(json(get("http://localhost:" + server.port() + "/datasets")).path("datasets").size())
                .isEqualTo(listed);
        assertThat(jobFolders()).isEqualTo(before);
        HttpResponse<byte[]> empty = postBody(server, "/datasets", "", "application/yaml");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("error").asText()).contains("empty body");
    }

    @Test
    void abortWhileExecutingEndsAbortedWithoutAManifest() throws Exception {
        CountDownLatch release = engine.hold();
        try {
            String job = postBody(server, "/datasets", spec("aborted", 30, 8), "application/yaml").headers()
                    .firstValue("Location").orElseThrow();
            assertThat(engine.held.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(json(get(job)).path("phase").asText()).isEqualTo("EXECUTING");
            String id = job.substring(job.lastIndexOf('/') + 1);
            assertThat(jobsFolder.resolve(id).resolve("out/features-0000.parquet")).exists();
            HttpResponse<byte[]> abort = postForm(job, "PHASE=ABORT");
            assertThat(abort.statusCode()).isEqualTo(303);
            assertThat(abort.headers().firstValue("Location")).hasValue(job);
            JsonNode document = awaitEnd(job, new ArrayList<>());
            assertThat(document.path("phase").asText()).isEqualTo("ABORTED");
            assertThat(document.path("files").size()).isZero();
            assertThat(jobsFolder.resolve(id).resolve("out")).doesNotExist();
            HttpResponse<byte[]> manifest = get(job + "/files/manifest.json");
            assertThat(manifest.statusCode()).isEqualTo(409);
            assertThat(json(manifest).path("error").asText()).contains("COMPLETED").contains("ABORTED");
            assertThat(postForm(job, "PHASE=RUN").statusCode()).isEqualTo(400);
            HttpResponse<byte[]> deleted = CLIENT.send(HttpRequest.newBuilder(URI.create(job)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(get(job).statusCode()).isEqualTo(404);
            assertThat(jobsFolder.resolve(id)).doesNotExist();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRestartKeepsFinishedJobsAndContinuesAnInterruptedBuild() throws Exception {
        Path folder = root.resolve(".datasets-restart");
        TestDatasetEngine first = new TestDatasetEngine(archive);
        String finished;
        String interrupted;
        FileTime firstShardTime;
        Map<String, String> finishedFiles = new HashMap<>();
        try (SkysieveServer before = start(DatasetSettings.defaults(folder).withMaxConcurrentBuilds(1), first)) {
            finished = postBody(before, "/datasets", spec("kept", 12, 6), "application/yaml").headers()
                    .firstValue("Location").orElseThrow();
            assertThat(awaitEnd(finished, new ArrayList<>()).path("phase").asText()).isEqualTo("COMPLETED");
            for (JsonNode file : json(get(finished)).path("files")) {
                finishedFiles.put(file.path("name").asText(), file.path("sha256").asText());
            }
            first.hold();
            interrupted = postBody(before, "/datasets", spec("resumed", 30, 8), "application/yaml").headers()
                    .firstValue("Location").orElseThrow();
            assertThat(first.held.await(60, TimeUnit.SECONDS)).isTrue();
            String id = interrupted.substring(interrupted.lastIndexOf('/') + 1);
            firstShardTime = Files.getLastModifiedTime(folder.resolve(id).resolve("out/features-0000.parquet"));
        }
        assertThat(first.stages).contains("objects");
        TestDatasetEngine second = new TestDatasetEngine(archive);
        try (SkysieveServer after = start(DatasetSettings.defaults(folder), second)) {
            String port = Integer.toString(after.port());
            String finishedNow = finished.replaceFirst(":\\d+/", ":" + port + "/");
            JsonNode kept = json(get(finishedNow));
            assertThat(kept.path("phase").asText()).isEqualTo("COMPLETED");
            for (JsonNode file : kept.path("files")) {
                HttpResponse<byte[]> download = get(file.path("url").asText());
                assertThat(sha256(download.body())).isEqualTo(finishedFiles.get(file.path("name").asText()));
            }
            assertThat(kept.path("files").size()).isEqualTo(finishedFiles.size());
            String interruptedNow = interrupted.replaceFirst(":\\d+/", ":" + port + "/");
            JsonNode resumed = awaitEnd(interruptedNow, new ArrayList<>());
            assertThat(resumed.path("phase").asText()).as(resumed.toString()).isEqualTo("COMPLETED");
            assertThat(second.stages).as("the saved plan is reused").contains("plan", "shards")
                    .doesNotContain("objects");
            String id = interrupted.substring(interrupted.lastIndexOf('/') + 1);
            assertThat(Files.getLastModifiedTime(folder.resolve(id).resolve("out/features-0000.parquet")))
                    .as("the finished first shard is kept").isEqualTo(firstShardTime);
            assertThat(json(get(interruptedNow + "/files/manifest.json")).path("rows").asLong()).isEqualTo(30);
        }
    }

    @Test
    void aBuildOverTheObjectLimitEndsInErrorNamingIt() throws Exception {
        try (SkysieveServer limited = start(DatasetSettings.defaults(root.resolve(".datasets-limited"))
                .withMaxObjects(10), new TestDatasetEngine(archive))) {
            String job = postBody(limited, "/datasets", spec("too_many", 25, 5), "application/yaml").headers()
                    .firstValue("Location").orElseThrow();
            JsonNode document = awaitEnd(job, new ArrayList<>());
            assertThat(document.path("phase").asText()).isEqualTo("ERROR");
            assertThat(document.path("error").asText()).contains("at most 10 objects").contains("25 objects");
            assertThat(root.resolve(".datasets-limited").resolve(job.substring(job.lastIndexOf('/') + 1))
                    .resolve("out")).doesNotExist();
            JsonNode list = json(get("http://localhost:" + limited.port() + "/datasets"));
            assertThat(list.path("limits").path("maxObjects").asLong()).isEqualTo(10);
        }
    }

    @Test
    void beyondTheBuildsAtOnceAndWaitingNewSpecsAreRefusedNamingTheLimit() throws Exception {
        TestDatasetEngine held = new TestDatasetEngine(archive);
        CountDownLatch release = held.hold();
        try (SkysieveServer busy = start(DatasetSettings.defaults(root.resolve(".datasets-busy"))
                .withMaxConcurrentBuilds(1).withMaxWaiting(0), held)) {
            String job = postBody(busy, "/datasets", spec("busy", 20, 5), "application/yaml").headers()
                    .firstValue("Location").orElseThrow();
            assertThat(held.held.await(60, TimeUnit.SECONDS)).isTrue();
            HttpResponse<byte[]> refused = postBody(busy, "/datasets", spec("refused", 20, 5), "application/yaml");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(json(refused).path("error").asText())
                    .isEqualTo("Expected at most 1 dataset jobs executing and 0 waiting. Actual: 1 not finished;"
                            + " try again when some have ended, or delete some");
            release.countDown();
            assertThat(awaitEnd(job, new ArrayList<>()).path("phase").asText()).isEqualTo("COMPLETED");
            assertThat(postBody(busy, "/datasets", spec("accepted", 5, 5), "application/yaml").statusCode())
                    .isEqualTo(303);
        } finally {
            release.countDown();
        }
    }

    @Test
    void badIdsAndFileNamesAreAnsweredInTheJsonErrorForm() throws Exception {
        String base = "http://localhost:" + server.port() + "/datasets/";
        String job = postBody(server, "/datasets", spec("names", 5, 5), "application/yaml").headers()
                .firstValue("Location").orElseThrow();
        assertThat(awaitEnd(job, new ArrayList<>()).path("phase").asText()).isEqualTo("COMPLETED");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(base + "nothere", 404);
        expected.put(base + "0123456789abcdef", 404);
        expected.put(base + "0123456789abcdef/files/manifest.json", 404);
        expected.put(base + "..%2F..%2Fetc", 404);
        expected.put(job + "/files/job.json", 404);
        expected.put(job + "/files/spec.yaml", 404);
        expected.put(job + "/files/.skysieve-build", 400);
        expected.put(job + "/files/..%2Fjob.json", 400);
        expected.put(job + "/files/..%5Cjob.json", 400);
        expected.put(job + "/files/%2E%2E", 400);
        expected.put(job + "/archive?format=rar", 400);
        expected.put(job + "/nothing", 404);
        for (Map.Entry<String, Integer> request : expected.entrySet()) {
            HttpResponse<byte[]> response = get(request.getKey());
            if (response.statusCode() == 400 && !response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/json")) {
                // Jetty refuses some encoded separators itself, before any handler: still a 400, in its own form
                assertThat(request.getKey()).contains("%2F");
                continue;
            }
            assertThat(response.statusCode()).as(request.getKey() + " " + text(response))
                    .isEqualTo(request.getValue());
            JsonNode error = json(response);
            assertThat(error.path("status").asInt()).isEqualTo(request.getValue());
            assertThat(error.path("error").asText()).startsWith(request.getValue() == 404 && request.getKey()
                    .endsWith("/nothing") ? "No resource" : "Expected");
        }
        assertThat(get(job + "/files/README.md").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<String> jobFolders() throws IOException {
        try (Stream<Path> children = Files.list(jobsFolder)) {
            return children.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Polls the job until it ends, collecting the stages seen. */
    private static JsonNode awaitEnd(String job, List<String> stages) throws Exception {
        JsonNode document = null;
        for (int attempt = 0; attempt < 1200; attempt++) {
            document = json(get(job));
            String stage = document.path("progress").path("stage").asText();
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
            }
            String phase = document.path("phase").asText();
            if (phase.equals("COMPLETED") || phase.equals("ERROR") || phase.equals("ABORTED")) {
                return document;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The job did not end: " + document);
    }

    /** Member name to SHA-256 of a ZIP or TAR as Python's zipfile or tarfile reads it. */
    private static Map<String, String> pythonArchiveMembers(Path file, String format) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3");
        }
        assumeTrue(present, "python3 absent; skipping the archive check");
        String script = format.equals("zip")
                ? "import sys, zipfile, hashlib\nwith zipfile.ZipFile(sys.argv[1]) as z:\n    assert z.testzip() is None\n"
                        + "    for n in z.namelist(): print(n, hashlib.sha256(z.read(n)).hexdigest())"
                : "import sys, tarfile, hashlib\nwith tarfile.open(sys.argv[1]) as t:\n    for m in t.getmembers():\n"
                        + "        assert m.isfile() and m.mode == 0o644\n"
                        + "        print(m.name, hashlib.sha256(t.extractfile(m).read()).hexdigest())";
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> members = new HashMap<>();
        output.lines().forEach(line -> members.put(line.split(" ")[0], line.split(" ")[1]));
        return members;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return SurveyJson.mapper().readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> postForm(String url, String form) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> postBody(SkysieveServer target, String path, String body, String type)
            throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target.port() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Text parts (name to bytes, sent as file parts named {@code name}) and file parts (name to file name and bytes). */
    private static HttpResponse<byte[]> postMultipart(SkysieveServer target, String path, Map<String, byte[]> specs,
            Map<String, Map.Entry<String, byte[]>> files) throws Exception {
        String boundary = "skysieve-datasets-7f3a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : specs.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"spec.yaml\"\r\nContent-Type: application/yaml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(part.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Map.Entry<String, byte[]>> part : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"" + part.getValue().getKey() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(part.getValue().getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target.port() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
