package org.skysieve.server.soda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
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
import org.skysieve.images.FitsImageWriter;
import org.skysieve.images.PlateLayout;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialFrame;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.LinearTransform;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.sky.wcs.Projection;

/**
 * The real server over an archive with one 200 x 150 plate per band whose pixel (x, y) (0-based) holds x + 1000 y: the
 * SODA answer is the FITS stamp with exactly the expected pixels and a WCS that puts the requested centre at the
 * stamp's centre; bad requests are VOTable errors naming the parameter.
 */
class SodaRoutesTest {
    private static final double SCALE_DEG = 0.2 / 3600;
    @TempDir
    Path data;
    private SkysieveServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private CelestialWcs plateWcs;

    @BeforeEach
    void publish() throws IOException {
        ArchiveLayout layout = new ArchiveLayout(data);
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"));
        Survey survey = new Survey("deep_optical", "deep_optical", "A test survey", "", 2014.0,
                List.of(new Band("r", 0.62, 0.2, 24.5, "AB"), new Band("i", 0.75, 0.2, 24.0, "AB")),
                List.of(new CatalogTable("sources", "", "ra", "dec", "id", columns)));
        Files.createDirectories(layout.catalogueFolder("deep_optical", "sources"));
        SurveyJson.write(survey, layout.surveyFile("deep_optical"));
        Files.writeString(layout.catalogueFolder("deep_optical", "sources").resolve("hats.properties"),
                "hats_nrows=10\n");
        plateWcs = new CelestialWcs("RA---TAN", "DEC--TAN", Projection.TAN, CelestialFrame.ICRS, Double.NaN, 100.5,
                75.5, new LinearTransform(-SCALE_DEG, 0, 0, SCALE_DEG), 150.0, 2.0, Double.NaN, Double.NaN);
        float[] pixels = new float[200 * 150];
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                pixels[y * 200 + x] = x + 1000 * y;
            }
        }
        for (String band : List.of("r", "i")) {
            Path file = PlateLayout.plateFile(data, "deep_optical", band, "P1");
            Files.createDirectories(file.getParent());
            FitsImageWriter.write(file, pixels, 200, 150, plateWcs.toCards());
        }
        server = SkysieveServer.start(Archive.open(data), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void circleCutoutIsTheStampAroundTheCentre() throws Exception {
        LonLat centre = plateWcs.pixelToWorld(new PixelPosition(41.0, 31.0)).orElseThrow();
        // radius 2 arcsec: a 20 x 20 pixel stamp; centre at 0-based (40, 30): first pixel ceil(40 - 10) = 30, 20
        HttpResponse<byte[]> response = get(Map.of("ID", "deep_optical/r", "POS",
                "CIRCLE " + centre.lonDeg() + " " + centre.latDeg() + " " + 2.0 / 3600));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/fits");
        float[][] stamp = image(response.body());
        assertThat(stamp.length).isEqualTo(20);
        assertThat(stamp[0].length).isEqualTo(20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(stamp[y][x]).isEqualTo((float) (30 + x + 1000 * (20 + y)));
            }
        }
        CelestialWcs stampWcs = CelestialWcs.fromCards(org.skysieve.sky.wcs.FitsHeaderCards.readPrimaryHeader(
                new ByteArrayInputStream(response.body())));
        PixelPosition back = stampWcs.worldToPixel(centre).orElseThrow();
        assertThat(back.x()).isCloseTo(11.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(back.y()).isCloseTo(11.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void bandIntervalInMetresChoosesTheBandAndPartialStampsAreNaNOutside() throws Exception {
        LonLat corner = plateWcs.pixelToWorld(new PixelPosition(1.0, 1.0)).orElseThrow();
        HttpResponse<byte[]> response = get(Map.of("ID", "deep_optical", "BAND", "7.0e-7 8.0e-7", "CIRCLE",
                corner.lonDeg() + " " + corner.latDeg() + " " + 1.0 / 3600));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), 0, 2880, StandardCharsets.US_ASCII)).contains("'i'");
        float[][] stamp = image(response.body());
        assertThat(stamp).hasNumberOfRows(10);
        assertThat(stamp[0][0]).isNaN();
        assertThat(stamp[5][5]).isEqualTo(0.0f);
    }

    @Test
    void errorsAreVoTablesNamingTheProblem() throws Exception {
        assertError(get(Map.of("POS", "CIRCLE 150 2 0.001")), 400, "ID");
        assertError(get(Map.of("ID", "deep_optical/r", "POS", "BOX 150 2 0.001")), 400, "CIRCLE, RANGE or POLYGON");
        assertError(get(Map.of("ID", "deep_optical/r", "POS", "CIRCLE 150 95 0.001")), 400, "[-90, 90]");
        assertError(get(Map.of("ID", "deep_optical/z", "POS", "CIRCLE 150 2 0.001")), 404, "among [i, r]");
        assertError(get(Map.of("ID", "deep_optical/r", "POS", "CIRCLE 10 2 0.001")), 404, "No plate covers");
        assertError(get(Map.of("ID", "deep_optical/r", "POS", "CIRCLE 150 2 5")), 400, "at most");
        assertError(get(Map.of("ID", "deep_optical", "POS", "CIRCLE 150 2 0.001")), 400, "BAND");
        // the server keeps serving
        assertThat(get(Map.of("ID", "deep_optical/r", "POS", "RANGE 149.999 150.001 1.999 2.001")).statusCode())
                .isEqualTo(200);
    }

    private void assertError(HttpResponse<byte[]> response, int status, String message) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(body).contains("QUERY_STATUS").contains("ERROR").contains(message);
    }

    private HttpResponse<byte[]> get(Map<String, String> parameters) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder();
        new HashMap<>(parameters).forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&").append(key)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/soda/sync"
                + query)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static float[][] image(byte[] fits) throws Exception {
        try (Fits file = new Fits(new ByteArrayInputStream(fits))) {
            return (float[][]) ((ImageHDU) file.readHDU()).getKernel();
        }
    }
}
