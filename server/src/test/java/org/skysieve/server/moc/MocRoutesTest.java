package org.skysieve.server.moc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.MocInvariants;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The real server on a free port over an archive with one survey with maps (band r in the generated layout, band i
 * in the ingested layout) and one without: every serialisation reads back as the MOC on disk; unknown names are 404s
 * naming them; astropy reads the FITS answer.
 */
class MocRoutesTest {
    private static final SpatialMoc COVERAGE_R = SpatialMoc.ofCells(10, 1000, 1001, 1002, 1003, 5000, 5001);
    private static final SpatialMoc MASKS_R = SpatialMoc.ofCells(12, 1000 * 4 + 1);
    private static final SpatialMoc COVERAGE_I = SpatialMoc.ofCells(9, 250, 251, 7);

    @TempDir
    Path data;
    private SkysieveServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void publish() throws IOException {
        ArchiveLayout layout = new ArchiveLayout(data);
        survey(layout, "deep_optical", List.of("r", "i"));
        survey(layout, "no_maps", List.of("g"));
        Path footprint = layout.footprintFolder("deep_optical");
        Files.createDirectories(footprint.resolve("coverage/i"));
        MocFiles.write(COVERAGE_R, MocFiles.Format.FITS, footprint.resolve("coverage_r.moc.fits"));
        MocFiles.write(MASKS_R, MocFiles.Format.FITS, footprint.resolve("masks_r.moc.fits"));
        MocFiles.write(COVERAGE_I, MocFiles.Format.ASCII, footprint.resolve("coverage/i/coverage.txt"));
        server = SkysieveServer.start(Archive.open(data), 0);
    }

    private static void survey(ArchiveLayout layout, String name, List<String> bands) throws IOException {
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"));
        Survey survey = new Survey(name, name, "A test survey", "", 2014.0,
                bands.stream().map(band -> new Band(band, 0.62, 0.2, 24.5, "AB")).toList(),
                List.of(new CatalogTable("sources", "", "ra", "dec", "id", columns)));
        Files.createDirectories(layout.catalogueFolder(name, "sources"));
        SurveyJson.write(survey, layout.surveyFile(name));
        Files.writeString(layout.catalogueFolder(name, "sources").resolve("hats.properties"), "hats_nrows=10\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everySerialisationReadsBackAsTheMapOnDisk() throws Exception {
        SpatialMoc surveyCoverage = COVERAGE_R.union(COVERAGE_I);
        for (MocFiles.Format format : MocFiles.Format.values()) {
            String query = "?format=" + format.name().toLowerCase(java.util.Locale.ROOT);
            assertMoc(get("/moc/deep_optical/r/coverage" + query, null), COVERAGE_R, format);
            assertMoc(get("/moc/deep_optical/r/masks" + query, null), MASKS_R.intersection(COVERAGE_R), format);
            assertMoc(get("/moc/deep_optical/i/coverage" + query, null), COVERAGE_I, format);
            assertMoc(get("/moc/deep_optical/i/masks" + query, null), SpatialMoc.empty(COVERAGE_I.maxOrder()), format);
            assertMoc(get("/moc/deep_optical/coverage" + query, null), surveyCoverage, format);
            assertMoc(get("/moc/deep_optical/r/coverage", format.mediaType() + ";q=0.9, */*"), COVERAGE_R, format);
        }
        assertMoc(get("/moc/deep_optical/r/coverage", null), COVERAGE_R, MocFiles.Format.FITS);
        HttpResponse<byte[]> list = get("/moc", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains("/moc/deep_optical/i/masks").doesNotContain("no_maps");
    }

    @Test
    void maskReasonsAreServedInBothLayouts() throws Exception {
        // before the first request: the maps are read once, on first use
        Path footprint = new ArchiveLayout(data).footprintFolder("deep_optical");
        SpatialMoc brightStarR = SpatialMoc.ofCells(12, 1000 * 4 + 1, 5000 * 4 + 2, 9000 * 4);
        SpatialMoc badRegionI = SpatialMoc.ofCells(11, 250 * 16 + 3, 9);
        MocFiles.write(brightStarR, MocFiles.Format.FITS, footprint.resolve("masks_r_bright_star.moc.fits"));
        Files.createDirectories(footprint.resolve("mask_reasons/i/bad_region"));
        MocFiles.write(badRegionI, MocFiles.Format.JSON, footprint.resolve("mask_reasons/i/bad_region/bad.json"));
        for (MocFiles.Format format : MocFiles.Format.values()) {
            String query = "?format=" + format.name().toLowerCase(java.util.Locale.ROOT);
            assertMoc(get("/moc/deep_optical/r/masks/bright_star" + query, null), brightStarR.intersection(COVERAGE_R), format);
            assertMoc(get("/moc/deep_optical/i/masks/bad_region" + query, null), badRegionI.intersection(COVERAGE_I), format);
            // the band's mask is the union of its masks MOC and its reasons (inside coverage)
            assertMoc(get("/moc/deep_optical/r/masks" + query, null), MASKS_R.union(brightStarR).intersection(COVERAGE_R), format);
            assertMoc(get("/moc/deep_optical/i/masks" + query, null), badRegionI.intersection(COVERAGE_I), format);
        }
        assertThat(badRegionI.intersection(COVERAGE_I).isEmpty()).isFalse();
        assertThat(new String(get("/moc", null).body(), StandardCharsets.UTF_8).replaceAll("\\s", ""))
                .contains("\"mask_reasons\":{\"bright_star\":\"/moc/deep_optical/r/masks/bright_star\"}")
                .contains("\"mask_reasons\":{\"bad_region\":\"/moc/deep_optical/i/masks/bad_region\"}");
        assertError(get("/moc/deep_optical/r/masks/bad_region", null), 404,
                "Unknown mask reason 'bad_region' of survey deep_optical band r. Expected one of [bright_star]");
        assertError(get("/moc/deep_optical/z/masks/bright_star", null), 404, "Unknown band 'z' of survey deep_optical");
    }

    @Test
    void homePageLinksTheMocs() throws Exception {
        String page = new String(get("/services", null).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/moc/deep_optical/i/masks?format=json\"").contains("href=\"/moc/deep_optical/coverage?format=json\"")
                .doesNotContain("/moc/no_maps/");
    }

    @Test
    void orderDegradesTheAnswer() throws Exception {
        for (int order : new int[] {0, 3, 7, 29}) {
            assertMoc(get("/moc/deep_optical/r/coverage?format=json&order=" + order, null), COVERAGE_R.degrade(order),
                    MocFiles.Format.JSON);
        }
        assertError(get("/moc/deep_optical/r/coverage?format=json&order=30", null), 400,
                "Expected order=N with N an integer in [0, 29]. Actual: order=30");
        assertError(get("/moc/deep_optical/r/coverage?order=deep", null), 400,
                "Expected order=N with N an integer in [0, 29]. Actual: order=deep");
    }

    @Test
    void unknownNamesAre404sNamingThem() throws Exception {
        assertError(get("/moc/nowhere/r/coverage", null), 404, "Unknown survey 'nowhere'. Expected one of [deep_optical, no_maps]");
        assertError(get("/moc/deep_optical/z/coverage", null), 404, "Unknown band 'z' of survey deep_optical. Expected one of [r, i]");
        assertError(get("/moc/deep_optical/r/depth", null), 404, "Unknown MOC kind 'depth'. Expected one of [coverage, masks]");
        assertError(get("/moc/no_maps/g/coverage", null), 404, "Survey no_maps has no coverage maps");
        assertError(get("/moc/deep_optical/r/coverage?format=png", null), 400, "Expected format=fits, json or ascii. Actual: format=png");
    }

    @Test
    void astropyReadsTheFitsAnswer(@TempDir Path folder) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import astropy").start().waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3 with astropy (Debian python3-astropy)");
        }
        assumeTrue(present, "python3-astropy absent; skipping");
        Path file = folder.resolve("coverage.fits");
        Files.write(file, get("/moc/deep_optical/coverage", null).body());
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys",
                "from astropy.io import fits",
                "with fits.open(sys.argv[1]) as hdus:",
                "    print(hdus[1].header['MOCORD_S'], ' '.join(str(int(u)) for u in hdus[1].data['UNIQ']))"), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        SpatialMoc expected = COVERAGE_R.union(COVERAGE_I);
        assertThat(output).isEqualTo(expected.maxOrder() + " " + String.join(" ",
                java.util.Arrays.stream(expected.toUniq()).mapToObj(Long::toString).toList()));
    }

    private static void assertMoc(HttpResponse<byte[]> response, SpatialMoc expected, MocFiles.Format format) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith(format.mediaType()));
        SpatialMoc actual = MocFiles.read(response.body(), response.uri().toString());
        MocInvariants.check(actual);
        assertThat(actual).as(response.uri() + " as " + format).isEqualTo(expected);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String message) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(message);
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
