package org.skysieve.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.server.SkysieveServer;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.MatchInputs;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MatchTableWriter;
import org.skysieve.xmatch.PartitionedMatcher;

/**
 * Upload cross-match through HTTP: a CSV of N rows (the survey's positions moved by up to 0.5 arcsec, plus random
 * positions when the survey has fewer rows) posted to {@code POST /xmatch} of a server started in process, the
 * response written to a file; beside it the same match in process as {@code skysieve xmatch UPLOAD survey:NAME} does it
 * (so the ratio is the cost of HTTP, the upload copy and the parsing), and a three-survey side-by-side request.
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.XmatchUploadRate DATA [N] [SURVEY]}
 * (N defaults to 1,000,000, SURVEY to deep_optical; the upload is kept as {@code /tmp/skysieve-upload-N.csv}).
 */
public final class XmatchUploadRate {
    private XmatchUploadRate() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String survey = args.length > 2 ? args[2] : "deep_optical";
        Archive archive = Archive.open(data);
        Path upload = Path.of("/tmp/skysieve-upload-" + n + ".csv");
        if (!Files.exists(upload)) {
            writeUpload(archive, survey, n, upload);
        }
        System.out.printf(Locale.ROOT, "upload %,d rows (%.1f MB CSV) against %s (%,d rows), best within 1 arcsec, %d processors, heap %d MB%n",
                n, Files.size(upload) / 1e6, survey, HatsCatalog.open(table(archive, survey).catalogueFolder()).rowCount(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (SkysieveServer server = SkysieveServer.start(archive, 0)) {
            for (int round = 0; round < 2; round++) {
                post(server.port(), upload, survey, round == 0 ? "HTTP POST /xmatch (cold)" : "HTTP POST /xmatch (warm)");
            }
            double inProcess = inProcess(data, upload, survey);
            double http = post(server.port(), upload, survey, "HTTP POST /xmatch");
            System.out.printf(Locale.ROOT, "HTTP / in process: %.2f%n", http / inProcess);
            List<String> three = archive.surveys().stream().map(s -> s.survey().name()).filter(name -> !name.equals("astrometric")).toList();
            post(server.port(), upload, String.join(",", three), "HTTP POST /xmatch, " + three.size() + " surveys side by side");
        }
    }

    private static double post(int port, Path upload, String surveys, String label) throws IOException, InterruptedException {
        String boundary = "skysieve-bench-boundary";
        String head = part(boundary, "surveys", surveys) + part(boundary, "radius", "1arcsec") + part(boundary, "find", "best")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"upload.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xmatch"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(upload),
                        HttpRequest.BodyPublishers.ofString(tail))).build();
        Path out = Files.createTempFile("skysieve-xmatch-response", ".csv");
        long start = System.nanoTime();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(out));
        double seconds = (System.nanoTime() - start) / 1e9;
        long lines;
        try (var stream = Files.lines(out)) {
            lines = stream.count() - 1;
        }
        if (response.statusCode() != 200) {
            System.out.println(label + ": HTTP " + response.statusCode() + " " + Files.readString(out));
        }
        System.out.printf(Locale.ROOT, "%-50s %7.2f s  %,d rows out (%.1f MB)%n", label, seconds, lines, Files.size(out) / 1e6);
        Files.delete(out);
        return seconds;
    }

    /** What {@code skysieve xmatch UPLOAD survey:NAME --radius 1arcsec --out FILE.csv} does, in this process. */
    private static double inProcess(Path data, Path upload, String survey) throws IOException {
        Path out = Files.createTempFile("skysieve-xmatch-in-process", ".csv");
        long start = System.nanoTime();
        MatchInputs.ResolvedSide left = MatchInputs.resolve(upload.toString(), Optional.of(data), Optional.empty());
        MatchInputs.ResolvedSide right = MatchInputs.resolve("survey:" + survey, Optional.of(data), Optional.empty());
        long rows;
        try (MatchTableWriter writer = new MatchTableWriter(out, left.defaultColumns(), right.defaultColumns())) {
            PartitionedMatcher.match(new PartitionedMatcher.Side(left.rows(), left.positions(), left.defaultColumns()),
                    new PartitionedMatcher.Side(right.rows(), right.positions(), right.defaultColumns()), MatchSpec.of(MatchMode.BEST, 1.0), writer);
            rows = writer.rows();
        } finally {
            ((HatsSide) right.rows()).close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-50s %7.2f s  %,d rows out%n", "in process (skysieve xmatch path)", seconds, rows);
        Files.delete(out);
        return seconds;
    }

    static void writeUpload(Archive archive, String survey, int n, Path upload) throws Exception {
        PublishedTable table = table(archive, survey);
        HatsCatalog catalog = HatsCatalog.open(table.catalogueFolder());
        String ra = SqlText.identifier(table.table().raColumn());
        String dec = SqlText.identifier(table.table().decColumn());
        String sql = "COPY (WITH moved AS (SELECT " + ra + " + (random() - 0.5) / 3600 / cos(radians(" + dec + ")) AS ra, " + dec
                + " + (random() - 0.5) / 3600 AS dec FROM read_parquet(" + catalog.duckDbFileList() + ", hive_partitioning = false) LIMIT " + n
                + "), bounds AS (SELECT min(ra) AS ra0, max(ra) AS ra1, min(dec) AS dec0, max(dec) AS dec1 FROM moved),"
                + " extra AS (SELECT ra0 + random() * (ra1 - ra0) AS ra, dec0 + random() * (dec1 - dec0) AS dec FROM bounds, range("
                + n + " - (SELECT count(*) FROM moved)))"
                + " SELECT row_number() OVER () AS uid, ra, dec FROM (SELECT * FROM moved UNION ALL SELECT * FROM extra)) TO "
                + SqlText.literal(upload.toString()) + " (HEADER, DELIMITER ',')";
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.25)");
            statement.execute(sql);
        }
    }

    private static PublishedTable table(Archive archive, String survey) {
        return archive.survey(survey).orElseThrow(() -> new IllegalArgumentException("Expected a survey of " + archive.surveys().stream()
                .map(s -> s.survey().name()).toList() + ". Actual: " + survey)).tables().get(0);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

}
