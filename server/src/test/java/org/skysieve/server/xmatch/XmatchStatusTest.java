package org.skysieve.server.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.healpix.HealpixRanges;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableFiles;

/**
 * {@code POST /xmatch} with {@code status=true}, one survey and several side by side: one row per uploaded source, and
 * for every survey band measurement a status and a limit that equal, for a matched row, the counterpart's own catalogue
 * columns, and for an unmatched row, what the survey's maps say at the uploaded position (checked with
 * {@link StatusMaps} directly). Bad combinations are 400s naming the parameter.
 */
class XmatchStatusTest {
    private static final List<String> SURVEYS = List.of("deep_optical", "near_infrared");
    private static Path folder;
    private static Archive archive;
    private static SkysieveServer server;
    private static XmatchClient client;
    private static LoadedTable upload;
    private static byte[] uploadCsv;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("skysieve-xmatch-status-");
        SkyGenerator.generate(folder.resolve("sky"), 19, SkyScale.TINY, message -> { });
        archive = Archive.open(folder.resolve("sky"));
        server = SkysieveServer.start(archive, 0);
        client = new XmatchClient(server.port());
        LoadedTable optical = rows("deep_optical", List.of("id", "ra", "dec"));
        double[] surveyRa = LoadedTable.doubles(optical.require("ra", "ra"));
        double[] surveyDec = LoadedTable.doubles(optical.require("dec", "dec"));
        Random random = new Random(3);
        int n = 600;
        long[] uid = new long[n];
        double[] ra = new double[n];
        double[] dec = new double[n];
        for (int i = 0; i < n; i++) {
            int source = random.nextInt(surveyRa.length);
            // a third on survey rows (matched), the rest up to 0.2 degree away: gaps, masks and the area's edge
            double offsetDeg = i % 3 == 0 ? 0.1 / 3600 : 0.2;
            uid[i] = i;
            ra[i] = (surveyRa[source] + (random.nextDouble() * 2 - 1) * offsetDeg + 360) % 360;
            dec[i] = surveyDec[source] + (random.nextDouble() * 2 - 1) * offsetDeg;
        }
        ra[n - 1] = Double.NaN;
        dec[n - 1] = Double.NaN;
        upload = new LoadedTable("upload", List.of(new Column.LongColumn("uid", uid, new boolean[n]), new Column.DoubleColumn("ra", ra),
                new Column.DoubleColumn("dec", dec)));
        Path file = folder.resolve("upload.csv");
        TableFiles.write(upload, file);
        uploadCsv = Files.readAllBytes(file);
    }

    @AfterAll
    static void stop() {
        server.close();
        Folders.deleteRecursively(folder);
    }

    @Test
    void oneSurveyAndSeveralSideBySideSayWhyEveryValueIsMissing() throws Exception {
        for (List<String> surveys : List.of(List.of("deep_optical"), SURVEYS)) {
            HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", String.join(",", surveys), "radius", "1arcsec",
                    "status", "true", "upload_columns", "uid,ra,dec"), uploadCsv);
            assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(200);
            List<Map<String, String>> rows = XmatchServiceTest.Csv.parse(XmatchClient.text(response));
            assertThat(rows).hasSize(upload.rowCount());
            for (String survey : surveys) {
                check(survey, rows);
            }
        }
    }

    @Test
    void votableAndFitsResultsDocumentTheStatusWords() throws Exception {
        for (String format : List.of("votable", "fits")) {
            HttpResponse<byte[]> response = client.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec",
                    "status", "true", "RESPONSEFORMAT", format), uploadCsv);
            assertThat(response.statusCode()).as(XmatchClient.text(response)).isEqualTo(200);
            uk.ac.starlink.table.StarTable table = new uk.ac.starlink.table.StarTableFactory(true).makeStarTable(
                    new uk.ac.starlink.util.ByteArrayDataSource("response", response.body()), format);
            uk.ac.starlink.table.ColumnInfo status = null;
            uk.ac.starlink.table.ColumnInfo limit = null;
            for (int c = 0; c < table.getColumnCount(); c++) {
                String name = table.getColumnInfo(c).getName();
                status = name.equals("deep_optical_mag_u_status") ? table.getColumnInfo(c) : status;
                limit = name.equals("deep_optical_mag_u_limit") ? table.getColumnInfo(c) : limit;
            }
            assertThat(status).as(format).isNotNull();
            assertThat(status.getUCD()).as(format).startsWith("meta.code.status");
            assertThat(limit.getUnitString()).as(format).isEqualTo("mag");
            if (format.equals("votable")) {
                // FITS keeps a card's worth of the description; VOTable all of it
                for (MissingStatus word : MissingStatus.values()) {
                    assertThat(status.getDescription()).contains(word.word() + " = " + word.meaning());
                }
            } else {
                assertThat(status.getDescription()).startsWith("deep_optical: Why mag_u");
            }
        }
    }

    @Test
    void statusNeedsBestModeAndABoolean() throws Exception {
        HttpResponse<byte[]> all = client.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec", "status", "true",
                "find", "all"), uploadCsv);
        assertThat(all.statusCode()).isEqualTo(400);
        assertThat(XmatchClient.text(all)).contains("Expected find=best with status=true");
        HttpResponse<byte[]> word = client.post("/xmatch", Map.of("surveys", "deep_optical", "radius", "1arcsec", "status", "maybe"),
                uploadCsv);
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(XmatchClient.text(word)).contains("Expected parameter status true or false. Actual: maybe");
    }

    private static void check(String survey, List<Map<String, String>> rows) {
        PublishedTable table = archive.survey(survey).orElseThrow().tables().get(0);
        List<ColumnDoc> measurements = table.table().columns().stream().filter(StatusColumns::isMeasurement).toList();
        List<String> read = new ArrayList<>(List.of(table.table().idColumn()));
        measurements.forEach(m -> read.addAll(List.of(StatusColumns.statusName(m.name()), StatusColumns.limitName(m.name()))));
        LoadedTable catalogue = rows(survey, read);
        Map<String, Integer> rowOfId = new HashMap<>();
        Column ids = catalogue.require(table.table().idColumn(), "id");
        for (int i = 0; i < ids.size(); i++) {
            rowOfId.put(ids.text(i), i);
        }
        StatusMaps maps = new StatusMaps(archive);
        Set<MissingStatus> unmatchedSeen = EnumSet.noneOf(MissingStatus.class);
        int matched = 0;
        for (ColumnDoc measurement : measurements) {
            BandStatusMap map = maps.band(survey, measurement.band().orElseThrow());
            String status = StatusColumns.statusName(measurement.name());
            String limit = StatusColumns.limitName(measurement.name());
            for (Map<String, String> row : rows) {
                String given = row.get(survey + "_" + status);
                String givenLimit = row.get(survey + "_" + limit);
                assertThat(given).as("column %s_%s", survey, status).isNotNull();
                String id = row.get(survey + "_" + table.table().idColumn());
                if (row.get("ra").isEmpty() || row.get("ra").equals("NaN")) {
                    assertThat(given).as("no position: no status").isEmpty();
                    continue;
                }
                if (!id.isEmpty()) {
                    int counterpart = rowOfId.get(id);
                    assertThat(given).isEqualTo(catalogue.require(status, "status").text(counterpart));
                    assertThat(number(givenLimit)).isEqualTo(catalogue.require(limit, "limit").doubleValue(counterpart),
                            org.assertj.core.data.Offset.offset(1e-4));
                    matched++;
                    continue;
                }
                double raDeg = Double.parseDouble(row.get("ra"));
                double decDeg = Double.parseDouble(row.get("dec"));
                CoverageStatus coverage = map.status(raDeg, decDeg);
                MissingStatus expected = switch (coverage) {
                    case OBSERVED -> MissingStatus.UNDETECTED;
                    case MASKED -> MissingStatus.MASKED;
                    case UNOBSERVED -> MissingStatus.UNOBSERVED;
                };
                assertThat(given).as("%s %s at %s %s", survey, status, raDeg, decDeg).isEqualTo(expected.word());
                double expectedLimit = coverage == CoverageStatus.OBSERVED ? map.limitMag(raDeg, decDeg) : Double.NaN;
                assertThat(number(givenLimit)).isEqualTo(expectedLimit, org.assertj.core.data.Offset.offset(1e-4));
                unmatchedSeen.add(expected);
            }
        }
        assertThat(matched).isPositive();
        assertThat(unmatchedSeen).as(survey).contains(MissingStatus.UNDETECTED, MissingStatus.UNOBSERVED);
    }

    private static double number(String text) {
        return text == null || text.isEmpty() || text.equals("NaN") ? Double.NaN : Double.parseDouble(text);
    }

    private static LoadedTable rows(String survey, List<String> columns) {
        PublishedTable table = archive.survey(survey).orElseThrow().tables().get(0);
        try (HatsSide side = new HatsSide(HatsCatalog.open(table.catalogueFolder()), survey)) {
            return side.rowsIn(HealpixRanges.ofCells(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), HealpixRanges.empty(), columns);
        }
    }
}
