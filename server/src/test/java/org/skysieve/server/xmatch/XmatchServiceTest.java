package org.skysieve.server.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.healpix.HealpixRanges;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.SkyMatcher;
import org.skysieve.xmatch.SkyPositions;
import org.skysieve.xmatch.TableFiles;
import org.skysieve.xmatch.TableReader;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * {@code POST /xmatch} on the real server over a tiny synthetic sky: the pairs equal those of {@link SkyMatcher} on the
 * whole survey table in memory (an independent path: no partitions, no margins), in every upload format, for one and
 * several surveys, sync and async; bad uploads are answered 400 naming row and column.
 */
class XmatchServiceTest {
    private static final HealpixRanges ALL_SKY = HealpixRanges.ofCells(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    private static Path folder;
    private static Archive archive;
    private static SkysieveServer server;
    private static XmatchClient client;
    private static LoadedTable upload;
    private static byte[] uploadCsv;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("skysieve-xmatch-http-");
        SkyGenerator.generate(folder.resolve("sky"), 7, SkyScale.TINY, message -> { });
        archive = Archive.open(folder.resolve("sky"));
        server = SkysieveServer.start(archive, 0);
        client = new XmatchClient(server.port());
        upload = makeUpload(surveyRows("deep_optical"), 400, 150, 11);
        uploadCsv = bytes(upload, "csv");
    }

    @AfterAll
    static void stop() {
        server.close();
        Folders.deleteRecursively(folder);
    }

    @Test
    void oneSurveyEqualsTheInMemoryEngineInEveryMode() throws Exception {
        for (MatchMode mode : MatchMode.values()) {
            HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1.5arcsec",
                    "find", mode.word()), uploadCsv);
            assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(pairs(Csv.parse(XmatchClient.text(response)), "uid", idColumn("deep_optical")))
                    .isEqualTo(oracle("deep_optical", mode, 1.5)).isNotEmpty();
            // candidates, rank and mates too: mates count over the whole survey, not within one partition
            assertThat(pairsWithCounts(Csv.parse(XmatchClient.text(response)), "uid", idColumn("deep_optical")))
                    .as(mode.word()).isEqualTo(oracleWithCounts("deep_optical", mode, 1.5));
        }
    }

    @Test
    void everyUploadFormatGivesTheSamePairs() throws Exception {
        Set<String> expected = oracle("near_infrared", MatchMode.BEST, 2.0);
        for (String format : List.of("csv", "fits", "vot", "parquet")) {
            HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", "near_infrared", "radius", "2 arcsec"),
                    bytes(upload, format));
            assertThat(response.statusCode()).as(format + ": " + XmatchClient.text(response)).isEqualTo(200);
            assertThat(pairs(Csv.parse(XmatchClient.text(response)), "uid", idColumn("near_infrared"))).as(format).isEqualTo(expected);
        }
    }

    @Test
    void everyResponseFormatHoldsThePairs() throws Exception {
        int expected = oracle("deep_optical", MatchMode.BEST, 1.0).size();
        for (String format : List.of("votable", "fits", "parquet", "application/x-votable+xml")) {
            HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec",
                    "RESPONSEFORMAT", format), uploadCsv);
            assertThat(response.statusCode()).as(format + ": " + XmatchClient.text(response)).isEqualTo(200);
            long rows;
            if (format.equals("parquet")) {
                Path file = folder.resolve("response.parquet");
                Files.write(file, response.body());
                rows = TableReader.read(file).rowCount();
            } else {
                StarTable table = new StarTableFactory(true).makeStarTable(new ByteArrayDataSource("response", response.body()),
                        format.equals("fits") ? "fits" : "votable");
                rows = table.getRowCount();
            }
            assertThat(rows).as(format).isEqualTo(expected);
        }
    }

    @Test
    void severalSurveysGiveOneRowPerUploadedSourceWithEachSurveysBestMatch() throws Exception {
        List<String> surveys = List.of("deep_optical", "near_infrared", "astrometric");
        HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", String.join(",", surveys), "radius", "2arcsec",
                "upload_columns", "uid"), uploadCsv);
        assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(200);
        List<Map<String, String>> rows = Csv.parse(XmatchClient.text(response));
        assertThat(rows).hasSize(upload.rowCount());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("uid")).isEqualTo(upload.columns().get(0).text(i));
        }
        for (String survey : surveys) {
            Set<String> found = new HashSet<>();
            for (Map<String, String> row : rows) {
                String id = row.get(survey + "_" + idColumn(survey));
                if (!id.isEmpty()) {
                    found.add(row.get("uid") + ":" + id);
                    assertThat(Double.parseDouble(row.get(survey + "_separation_arcsec"))).isLessThanOrEqualTo(2.0);
                } else {
                    assertThat(row.get(survey + "_separation_arcsec")).isIn("", "NaN");
                }
            }
            assertThat(found).as(survey).isEqualTo(oracle(survey, MatchMode.BEST, 2.0));
        }
    }

    @Test
    void asyncJobGivesTheSyncResult() throws Exception {
        Map<String, String> form = Map.of("surveys", "deep_optical", "radius", "1arcsec", "find", "all");
        HttpResponse<byte[]> sync = client.post("/xmatch", form, uploadCsv);
        HttpResponse<byte[]> created = client.post("/xmatch/async", form, uploadCsv);
        assertThat(created.statusCode()).as(XmatchClient.text(created)).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        assertThat(waitForEnd(job)).isEqualTo("COMPLETED");
        assertThat(XmatchClient.text(client.get(job))).contains("<uws:phase>COMPLETED</uws:phase>").contains(job + "/results/result");
        HttpResponse<byte[]> result = client.get(job + "/results/result");
        assertThat(XmatchClient.text(result)).isEqualTo(XmatchClient.text(sync));
        assertThat(client.delete(job).statusCode()).isEqualTo(303);
        assertThat(client.get(job).statusCode()).isEqualTo(404);
    }

    @Test
    void theJobListShowsEveryJobAndAbortLeavesAFinishedJobAlone() throws Exception {
        Map<String, String> form = Map.of("surveys", "deep_optical", "radius", "1arcsec");
        String job = client.post("/xmatch/async", form, uploadCsv).headers().firstValue("Location").orElseThrow();
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertThat(waitForEnd(job)).isEqualTo("COMPLETED");
        assertThat(XmatchClient.text(client.get("/xmatch/async"))).contains("<uws:jobref id=\"" + id + "\" xlink:href=\""
                + job + "\">\n  <uws:phase>COMPLETED</uws:phase>");
        assertThat(XmatchClient.text(client.get("/xmatch/async?PHASE=COMPLETED&LAST=1"))).contains(id);
        assertThat(XmatchClient.text(client.get("/xmatch/async?PHASE=ERROR"))).doesNotContain(id);
        assertThat(XmatchClient.text(client.get("/xmatch/async?LAST=0"))).doesNotContain("jobref");
        assertThat(XmatchClient.text(client.get(job))).contains("<description>catalogue.dat × deep_optical within 1.0 arcsec");
        HttpResponse<byte[]> abort = client.post(job.substring(job.indexOf("/xmatch")), Map.of("PHASE", "ABORT"), null);
        assertThat(abort.statusCode()).as(XmatchClient.text(abort)).isEqualTo(303);
        assertThat(XmatchClient.text(client.get(job + "/phase"))).isEqualTo("COMPLETED");
        assertThat(client.post(job.substring(job.indexOf("/xmatch")), Map.of("PHASE", "RUN"), null).statusCode()).isEqualTo(400);
        assertThat(client.get("/xmatch/async?LAST=-1").statusCode()).isEqualTo(400);
        assertThat(client.delete(job).statusCode()).isEqualTo(303);
        assertThat(XmatchClient.text(client.get("/xmatch/async"))).doesNotContain(id);
    }

    @Test
    void finishedJobsAndTheirResultsSurviveARestart() throws Exception {
        Map<String, String> form = Map.of("surveys", "deep_optical", "radius", "1arcsec");
        String job = client.post("/xmatch/async", form, uploadCsv).headers().firstValue("Location").orElseThrow();
        String failed = client.post("/xmatch/async", form, "uid,ra,dec\n1,10.0,95.0\n".getBytes()).headers()
                .firstValue("Location").orElseThrow();
        assertThat(waitForEnd(job)).isEqualTo("COMPLETED");
        assertThat(waitForEnd(failed)).isEqualTo("ERROR");
        byte[] result = client.get(job + "/results/result").body();
        String document = XmatchClient.text(client.get(job));
        server.close();
        server = SkysieveServer.start(archive, 0);
        client = new XmatchClient(server.port());
        String jobNow = job.replaceFirst(":\\d+/", ":" + server.port() + "/");
        String failedNow = failed.replaceFirst(":\\d+/", ":" + server.port() + "/");
        assertThat(XmatchClient.text(client.get(jobNow + "/phase"))).isEqualTo("COMPLETED");
        assertThat(client.get(jobNow + "/results/result").body()).isEqualTo(result);
        String again = XmatchClient.text(client.get(jobNow));
        assertThat(again.replace(jobNow, job)).isEqualTo(document);
        assertThat(XmatchClient.text(client.get(failedNow + "/error"))).contains("dec");
        assertThat(client.delete(jobNow).statusCode()).isEqualTo(303);
        assertThat(client.get(jobNow).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedJobReportsItsErrorAndLeavesOtherJobsAlone() throws Exception {
        HttpResponse<byte[]> bad = client.post("/xmatch/async", Map.of("surveys", "deep_optical", "radius", "1arcsec"),
                "uid,ra,dec\n1,10.0,5.0\n2,11.0,95.0\n".getBytes());
        HttpResponse<byte[]> good = client.post("/xmatch/async", Map.of("surveys", "deep_optical", "radius", "1arcsec"), uploadCsv);
        String badJob = bad.headers().firstValue("Location").orElseThrow();
        String goodJob = good.headers().firstValue("Location").orElseThrow();
        assertThat(waitForEnd(badJob)).isEqualTo("ERROR");
        assertThat(XmatchClient.text(client.get(badJob + "/error"))).contains("data row 2").contains("dec");
        assertThat(waitForEnd(goodJob)).isEqualTo("COMPLETED");
        assertThat(client.get(badJob + "/results/result").statusCode()).isEqualTo(404);
    }

    @Test
    void badUploadsAndParametersAreAnswered400NamingWhatIsWrong() throws Exception {
        Map<String, String> ok = Map.of("surveys", "deep_optical", "radius", "1arcsec");
        assertBad(ok, "uid,ra,declination_x\n1,10,5\n", "declination", "declination_x");
        assertBad(ok, "uid,ra,dec\n1,10,5\n2,11,abc\n", "dec", "'abc' in data row 2");
        assertBad(ok, "uid,ra,dec\n1,10,5\n2,11,-91\n", "data row 2", "dec=-91");
        assertBad(ok, "", "empty");
        assertBad(ok, "uid,ra,dec\n", "empty");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1arcsec", "ra", "alpha_x"), "uid,ra,dec\n1,10,5\n", "alpha_x", "parameter ra");
        assertBad(Map.of("surveys", "no_such_survey", "radius", "1arcsec"), "uid,ra,dec\n1,10,5\n", "no_such_survey");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1"), "uid,ra,dec\n1,10,5\n", "radius", "unit");
        assertBad(Map.of("surveys", "deep_optical"), "uid,ra,dec\n1,10,5\n", "radius");
        assertBad(Map.of("radius", "1arcsec"), "uid,ra,dec\n1,10,5\n", "surveys");
        assertBad(Map.of("surveys", "deep_optical,near_infrared", "radius", "1arcsec", "find", "all"), "uid,ra,dec\n1,10,5\n", "find=all");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1arcsec", "find", "nearest"), "uid,ra,dec\n1,10,5\n", "nearest");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1arcsec", "survey_columns", "nope"), "uid,ra,dec\n1,10,5\n", "nope");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1arcsec", "upload_columns", "nope"), "uid,ra,dec\n1,10,5\n", "nope");
        assertBad(Map.of("surveys", "deep_optical", "radius", "1arcsec", "RESPONSEFORMAT", "xls"), "uid,ra,dec\n1,10,5\n", "xls");
        byte[] fits = bytes(upload, "fits");
        byte[] truncated = java.util.Arrays.copyOf(fits, 2880 + 100);
        HttpResponse<byte[]> response = client.post("/xmatch", ok, truncated);
        assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(400);
        assertThat(client.post("/xmatch", ok, null).statusCode()).isEqualTo(400);
    }

    @Test
    void uploadsBeyondTheConfiguredLimitAreAnswered413() throws Exception {
        XmatchService small = new XmatchService(archive, XmatchSettings.defaults(folder.resolve("small-limit")).withUploadLimitBytes(1000));
        io.javalin.Javalin javalin = io.javalin.Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            small.register(config.routes);
            org.skysieve.server.http.ErrorResponses.register(config.routes);
        }).start(0);
        try {
            XmatchClient limited = new XmatchClient(javalin.port());
            HttpResponse<byte[]> response = limited.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec"), uploadCsv);
            assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(413);
            assertThat(XmatchClient.text(response)).contains("at most 1000 bytes");
            assertThat(limited.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec"), "uid,ra,dec\n1,10,5\n".getBytes())
                    .statusCode()).isEqualTo(200);
        } finally {
            javalin.stop();
            small.close();
        }
    }

    private static void assertBad(Map<String, String> form, String body, String... expected) throws Exception {
        HttpResponse<byte[]> response = client.post("/xmatch", form, body.getBytes());
        assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(400);
        assertThat(XmatchClient.text(response)).contains(expected);
    }

    private static String waitForEnd(String job) throws Exception {
        for (int i = 0; i < 6000; i++) { // 5 minutes: only a hang gets there
            String phase = XmatchClient.text(client.get(job + "/phase"));
            if (phase.equals("COMPLETED") || phase.equals("ERROR") || phase.equals("ABORTED")) {
                return phase;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not end: " + job);
    }

    /** "uid:surveyId" of every pair the in-memory engine finds on the whole survey. */
    private static Set<String> oracle(String survey, MatchMode mode, double radiusArcsec) {
        LoadedTable rows = surveyRows(survey);
        PublishedTable table = table(survey);
        SkyPositions left = SkyPositions.ofDegrees(LoadedTable.doubles(upload.require("ra", "ra")), LoadedTable.doubles(upload.require("dec", "dec")));
        SkyPositions right = SkyPositions.ofDegrees(LoadedTable.doubles(rows.require(table.table().raColumn(), "ra")),
                LoadedTable.doubles(rows.require(table.table().decColumn(), "dec")));
        MatchResult result = SkyMatcher.match(left, right, MatchSpec.of(mode, radiusArcsec).withThreads(1));
        Column uid = upload.require("uid", "id");
        Column id = rows.require(table.table().idColumn(), "id");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            pairs.add(uid.text(result.leftRow(i)) + ":" + id.text(result.rightRow(i)));
        }
        return pairs;
    }

    /** "uid:surveyId:candidates:rank:mates" of every pair the in-memory engine finds on the whole survey. */
    private static Set<String> oracleWithCounts(String survey, MatchMode mode, double radiusArcsec) {
        LoadedTable rows = surveyRows(survey);
        PublishedTable table = table(survey);
        SkyPositions left = SkyPositions.ofDegrees(LoadedTable.doubles(upload.require("ra", "ra")), LoadedTable.doubles(upload.require("dec", "dec")));
        SkyPositions right = SkyPositions.ofDegrees(LoadedTable.doubles(rows.require(table.table().raColumn(), "ra")),
                LoadedTable.doubles(rows.require(table.table().decColumn(), "dec")));
        MatchResult result = SkyMatcher.match(left, right, MatchSpec.of(mode, radiusArcsec).withThreads(1));
        Column uid = upload.require("uid", "id");
        Column id = rows.require(table.table().idColumn(), "id");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            pairs.add(uid.text(result.leftRow(i)) + ":" + id.text(result.rightRow(i)) + ":" + result.candidates(i) + ":" + result.rank(i)
                    + ":" + result.mates(i));
        }
        return pairs;
    }

    private static Set<String> pairsWithCounts(List<Map<String, String>> rows, String leftId, String rightId) {
        Set<String> pairs = new HashSet<>();
        for (Map<String, String> row : rows) {
            pairs.add(row.get(leftId) + ":" + row.get(rightId) + ":" + row.get("candidates") + ":" + row.get("rank") + ":" + row.get("mates"));
        }
        return pairs;
    }

    private static Set<String> pairs(List<Map<String, String>> rows, String leftId, String rightId) {
        Set<String> pairs = new HashSet<>();
        for (Map<String, String> row : rows) {
            pairs.add(row.get(leftId) + ":" + row.get(rightId));
        }
        return pairs;
    }

    private static PublishedTable table(String survey) {
        return archive.survey(survey).orElseThrow().tables().get(0);
    }

    private static String idColumn(String survey) {
        return table(survey).table().idColumn();
    }

    private static LoadedTable surveyRows(String survey) {
        PublishedTable table = table(survey);
        try (HatsSide side = new HatsSide(HatsCatalog.open(table.catalogueFolder()), survey)) {
            return side.rowsIn(ALL_SKY, HealpixRanges.empty(), List.of(table.table().idColumn(), table.table().raColumn(), table.table().decColumn()));
        }
    }

    /** Survey positions moved by up to 0.7 arcsec, plus random positions near them, plus a few without a position. */
    private static LoadedTable makeUpload(LoadedTable survey, int near, int random, long seed) {
        Random rng = new Random(seed);
        double[] surveyRa = LoadedTable.doubles(survey.columns().get(1));
        double[] surveyDec = LoadedTable.doubles(survey.columns().get(2));
        int n = near + random + 2;
        long[] uid = new long[n];
        double[] ra = new double[n];
        double[] dec = new double[n];
        String[] note = new String[n];
        for (int i = 0; i < n; i++) {
            int source = rng.nextInt(surveyRa.length);
            double offsetDeg = (i < near ? 0.7 : 30.0) / 3600.0;
            uid[i] = 1000 + i;
            ra[i] = surveyRa[source] + (rng.nextDouble() * 2 - 1) * offsetDeg / Math.cos(Math.toRadians(surveyDec[source]));
            dec[i] = Math.max(-90, Math.min(90, surveyDec[source] + (rng.nextDouble() * 2 - 1) * offsetDeg));
            note[i] = i < near ? "near" : "random";
        }
        ra[n - 1] = Double.NaN;
        dec[n - 1] = Double.NaN;
        note[n - 1] = "no position";
        return new LoadedTable("upload", List.of(new Column.LongColumn("uid", uid, new boolean[n]), new Column.DoubleColumn("ra", ra),
                new Column.DoubleColumn("dec", dec), new Column.TextColumn("note", note)));
    }

    private static byte[] bytes(LoadedTable table, String format) throws IOException {
        Path file = folder.resolve("upload." + format);
        TableFiles.write(table, file);
        return Files.readAllBytes(file);
    }

    /** A CSV response as rows of name -> value (no quoted fields in these tests). */
    static final class Csv {
        static List<Map<String, String>> parse(String text) {
            String[] lines = text.split("\n");
            String[] header = lines[0].split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], c < cells.length ? cells[c] : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

}
