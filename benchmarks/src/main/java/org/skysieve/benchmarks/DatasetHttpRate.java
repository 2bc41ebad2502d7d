package org.skysieve.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.datasets.DatasetSettings;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.server.tap.UnavailableAdqlExecutor;

/**
 * A dataset job over HTTP end to end: {@code POST /datasets} with SPEC, the build followed to COMPLETED (wall time),
 * then the dataset downloaded file by file, as one ZIP and as one TAR (MB/s each, bytes checked), beside reading the
 * same files straight from disk in the same run (what a download cannot beat). Prints the JVM's heap limit and the
 * most heap used, to show that archives are streamed, not built in memory (run with a heap smaller than the dataset),
 * and the load average.
 *
 * <p>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.DatasetHttpRate DATA SPEC.yaml
 * [--work DIR]}; SPEC may use {@code objects: {upload: NAME}} only with NAME readable by the server (an absolute path).
 */
public final class DatasetHttpRate {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private DatasetHttpRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments[0]);
        String spec = Files.readString(Path.of(arguments[1]));
        Path work = arguments.length > 3 && arguments[2].equals("--work") ? Path.of(arguments[3])
                : Files.createTempDirectory("skysieve-dataset-http-");
        Path jobs = work.resolve("datasets");
        Archive archive = Archive.open(data);
        long peakHeap = 0;
        try (SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(work.resolve("tap")),
                new UnavailableAdqlExecutor(), DatasetSettings.defaults(jobs))) {
            String base = "http://localhost:" + server.port();
            long started = System.nanoTime();
            HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/datasets"))
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(spec)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 303) {
                throw new IllegalStateException("Expected 303. Actual: " + created.statusCode() + " " + created.body());
            }
            String job = created.headers().firstValue("Location").orElseThrow();
            JsonNode document;
            while (true) {
                document = SurveyJson.mapper().readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(job)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String phase = document.path("phase").asText();
                if (phase.equals("COMPLETED")) {
                    break;
                }
                if (phase.equals("ERROR") || phase.equals("ABORTED")) {
                    throw new IllegalStateException("The build ended " + phase + ": " + document.path("error"));
                }
                peakHeap = Math.max(peakHeap, usedHeap());
                Thread.sleep(200);
            }
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            long total = 0;
            List<String> urls = new ArrayList<>();
            for (JsonNode file : document.path("files")) {
                total += file.path("bytes").asLong();
                urls.add(file.path("url").asText());
            }
            System.out.printf(Locale.ROOT, "dataset: %d files, %.1f MB; build (POST to COMPLETED) %.1f s%n",
                    urls.size(), total / 1e6, buildSeconds);
            Path folder = jobs.resolve(job.substring(job.lastIndexOf('/') + 1)).resolve("out");
            long diskStarted = System.nanoTime();
            long diskBytes = 0;
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        diskBytes += in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
            report("files read from disk", diskBytes, diskStarted, total);
            long oneByOneStarted = System.nanoTime();
            long oneByOne = 0;
            for (String url : urls) {
                oneByOne += download(url);
                peakHeap = Math.max(peakHeap, usedHeap());
            }
            report("GET /files/NAME one by one", oneByOne, oneByOneStarted, total);
            for (String format : List.of("zip", "tar")) {
                long archiveStarted = System.nanoTime();
                long bytes = download(job + "/archive?format=" + format);
                peakHeap = Math.max(peakHeap, usedHeap());
                report("GET /archive?format=" + format, bytes, archiveStarted, total);
            }
        } finally {
            if (arguments.length <= 3) {
                Folders.deleteRecursively(work);
            }
        }
        System.out.printf(Locale.ROOT, "heap: limit %d MB, most used seen %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static long download(String url) throws Exception {
        HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Expected 200 from " + url + ". Actual: " + response.statusCode());
        }
        try (InputStream in = response.body()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static void report(String what, long bytes, long startedNanos, long datasetBytes) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-28s %10.1f MB in %6.2f s: %7.1f MB/s (%.3f x the dataset's bytes)%n", what,
                bytes / 1e6, seconds, bytes / 1e6 / seconds, (double) bytes / datasetBytes);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
