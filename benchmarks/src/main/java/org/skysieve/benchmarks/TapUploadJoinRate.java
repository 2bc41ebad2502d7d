package org.skysieve.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;

/**
 * A positional join of an uploaded table with a survey, through TAP (ADQL {@code CONTAINS(POINT, CIRCLE)} on
 * {@code TAP_UPLOAD}, run by DuckDB with HEALPix pushdown) beside {@code POST /xmatch} (the cross-match engine), on the
 * same upload and server: every pair within 1 arcsec, CSV out. Prints both times, their ratio and the pair counts.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.TapUploadJoinRate DATA N [N ...]}
 * (the upload of N rows is the survey's positions moved by up to 0.5 arcsec, kept as {@code /tmp/skysieve-upload-N.csv}).
 */
public final class TapUploadJoinRate {
    private static final String SURVEY = "deep_optical";

    private TapUploadJoinRate() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Archive archive = Archive.open(data);
        Path jobs = Files.createTempDirectory("skysieve-tap-join-bench-");
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs);
                SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(jobs), executor)) {
            for (int i = 1; i < args.length; i++) {
                int n = Integer.parseInt(args[i]);
                Path upload = Path.of("/tmp/skysieve-upload-" + n + ".csv");
                if (!Files.exists(upload)) {
                    XmatchUploadRate.writeUpload(archive, SURVEY, n, upload);
                }
                System.out.printf(Locale.ROOT, "upload %,d rows (%.1f MB CSV) against %s, all pairs within 1 arcsec; load average %s%n", n,
                        Files.size(upload) / 1e6, SURVEY, Files.readString(Path.of("/proc/loadavg")).trim());
                double[] tap = post(server.port(), "/tap/sync", upload, "LANG", "ADQL", "RESPONSEFORMAT", "csv", "MAXREC", "100000000",
                        "UPLOAD", "mine,param:upload", "QUERY", "SELECT u.uid, s.id FROM TAP_UPLOAD.mine AS u JOIN " + SURVEY
                                + ".sources AS s ON 1 = CONTAINS(POINT('ICRS', u.ra, u.dec), CIRCLE('ICRS', s.ra, s.dec, 1.0 / 3600))");
                double[] xmatch = post(server.port(), "/xmatch", upload, "surveys", SURVEY, "radius", "1arcsec", "find", "all");
                System.out.printf(Locale.ROOT, "  TAP ADQL join     %7.2f s  %,d pairs%n", tap[0], (long) tap[1]);
                System.out.printf(Locale.ROOT, "  POST /xmatch all  %7.2f s  %,d pairs%n", xmatch[0], (long) xmatch[1]);
                System.out.printf(Locale.ROOT, "  TAP / xmatch = %.2f%n", tap[0] / xmatch[0]);
            }
        } finally {
            org.skysieve.catalog.archive.Folders.deleteRecursively(jobs);
        }
    }

    /** Posts the fields and the upload (as part {@code upload}); returns the seconds and the data lines of the answer. */
    private static double[] post(int port, String path, Path upload, String... fields) throws IOException, InterruptedException {
        String boundary = "skysieve-bench-boundary";
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
                    .append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"upload.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(upload), HttpRequest.BodyPublishers.ofString(tail))).build();
        Path out = Files.createTempFile("skysieve-join-response", ".csv");
        long start = System.nanoTime();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(out));
        double seconds = (System.nanoTime() - start) / 1e9;
        long lines;
        try (var stream = Files.lines(out)) {
            lines = stream.count() - 1;
        }
        if (response.statusCode() != 200) {
            System.out.println(path + ": HTTP " + response.statusCode() + " " + Files.readString(out).lines().limit(20).toList());
        }
        Files.delete(out);
        return new double[] {seconds, lines};
    }
}
