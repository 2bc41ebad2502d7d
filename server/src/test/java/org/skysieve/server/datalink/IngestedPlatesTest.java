package org.skysieve.server.datalink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.ingest.Ingestor;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutService;
import org.skysieve.images.CutoutSize;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.LonLat;
import org.skysieve.testing.SharedTestData;

/**
 * A real survey's plates declared in its descriptor are served by the same cutout code: after {@code ingest}, the SODA
 * stamp of the ingested CFHT plate equals astropy's Cutout2D of the original file (the shared oracle, 11 x 11 at its
 * centre) pixel for pixel, and DataLink links the catalogue row on that plate to it.
 */
class IngestedPlatesTest {
    @TempDir
    Path temp;

    @Test
    void ingestedPlatesAreServedBySodaAndDataLink() throws Exception {
        SharedTestData.folder("fits/images");
        Path shared = SharedTestData.data();
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(shared.resolve("fits/images/cadc_cfht_TAN.fits"), in.resolve("cadc_cfht_TAN.fits"));
        Files.writeString(in.resolve("objects.csv"), "id,ra,dec\n7,280.8381819,0.3902384\n8,10.0,10.0\n");
        Path descriptor = Files.writeString(in.resolve("survey.yaml"), """
                name: cfht_like
                bands: [{name: r, wavelength_micron: 0.62}]
                images: {r: cadc_cfht_TAN.fits}
                tables:
                  - name: objects
                    files: [objects.csv]
                    columns: {id: {type: long}, ra: {type: double}, dec: {type: double}}
                """);
        Path data = temp.resolve("data");
        Ingestor.ingest(descriptor, data, message -> { });
        LonLat centre = LonLat.ofDegrees(280.8381819, 0.3902384);
        try (SkysieveServer server = SkysieveServer.start(Archive.open(data), 0)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.port();
            // a CIRCLE gives the square of side 2r: r = 5.5 pixels for the 11 x 11 oracle
            Cutout local = CutoutService.cutImage(in.resolve("cadc_cfht_TAN.fits"), centre, CutoutSize.pixels(11, 11),
                    4096);
            double pixelDeg = local.wcs().pixelScaleDeg();
            HttpResponse<byte[]> soda = client.send(HttpRequest.newBuilder(URI.create(base + "/soda/sync?ID="
                    + encode("cfht_like/r") + "&CIRCLE=" + encode("280.8381819 0.3902384 " + 5.5 * pixelDeg))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(soda.statusCode()).as(new String(soda.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            float[][] served = image(soda.body());
            float[][] astropy = image(Files.readAllBytes(shared.resolve(
                    "fits/expected/cutouts/cadc_cfht_TAN_cut_280.838_0.390238_11x11.fits")));
            assertThat(served).isDeepEqualTo(astropy);
            String links = new String(client.send(HttpRequest.newBuilder(URI.create(base + "/datalink?ID="
                    + encode("ivo://skysieve/cfht_like?7") + "&ID=" + encode("ivo://skysieve/cfht_like?8"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
            assertThat(links).contains("soda/sync?ID=cfht_like%2Fr&amp;CIRCLE=280.838181900%200.390238400");
            assertThat(links.split("#cutout", -1)).hasSize(3);
        }
    }

    private static float[][] image(byte[] fits) throws Exception {
        try (Fits file = new Fits(new ByteArrayInputStream(fits))) {
            Object kernel = ((ImageHDU) file.readHDU()).getKernel();
            if (kernel instanceof float[][] floats) {
                return floats;
            }
            double[][] doubles = (double[][]) kernel;
            float[][] floats = new float[doubles.length][];
            for (int y = 0; y < doubles.length; y++) {
                floats[y] = new float[doubles[y].length];
                for (int x = 0; x < doubles[y].length; x++) {
                    floats[y][x] = (float) doubles[y][x];
                }
            }
            return floats;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
