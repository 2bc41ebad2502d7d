package org.skysieve.server.cutouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutException;
import org.skysieve.images.CutoutService;
import org.skysieve.images.CutoutSize;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.images.PngImages;
import org.skysieve.images.StampStretch;
import org.skysieve.images.SyntheticImages;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * The real server over the tiny synthetic sky with the wide survey's plates: every batch format holds, stamp by stamp,
 * exactly the single cutouts (bit for bit), outside positions and rows without a position are masked entries with their
 * status, async jobs give the same bytes as sync, survey ids resolve to the catalogue's positions, and bad requests are
 * clear errors after which the server keeps serving.
 */
class CutoutRoutesTest {
    private static final String SURVEY = "wide_infrared";
    private static final List<String> BANDS = List.of("W1", "W2");
    private static final int SIDE = 16;
    private static Path root;
    private static SkysieveServer server;
    private static CutoutService service;
    private static List<double[]> positions;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("skysieve-cutouts-");
        SkyGenerator.generate(root, 42, SkyScale.TINY, message -> { });
        SyntheticImages.write(root, new SyntheticImages.Options(List.of(SURVEY), 100, 42));
        server = SkysieveServer.start(Archive.open(root), 0);
        service = new CutoutService(PlateIndex.open(root), 4096);
        Plate plate = service.index().plates(SURVEY, "W1").get(0);
        positions = new ArrayList<>();
        for (double[] pixel : new double[][] {{100.2, 200.7}, {1.0, 1.0}, {plate.width() / 2.0, 17.5}}) {
            LonLat position = plate.wcs().pixelToWorld(new PixelPosition(pixel[0], pixel[1])).orElseThrow();
            positions.add(new double[] {position.lonDeg(), position.latDeg()});
        }
        positions.add(new double[] {180.0, 45.0}); // outside every plate
        positions.add(new double[] {Double.NaN, Double.NaN}); // no position
    }

    @AfterAll
    static void stop() {
        server.close();
        Folders.deleteRecursively(root);
    }

    @Test
    void npyBundleHoldsTheSingleCutoutsBitForBit() throws Exception {
        HttpResponse<byte[]> response = post("/cutouts", form("npy"), csv(positions));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = unzip(response.body());
        assertThat(entries.keySet()).containsExactly("cutouts.npy", "mask.npy", "index.csv");
        float[] tensor = npyFloats(entries.get("cutouts.npy"), "(5, 2, 16, 16)");
        byte[] mask = npyBytes(entries.get("mask.npy"), "(5, 2, 16, 16)");
        assertEqualsSingleCutouts(tensor, mask);
        List<String> index = new String(entries.get("index.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(index.get(0)).startsWith("row,ra,dec,status_W1,plate_W1,blank_W1,first_x_W1,first_y_W1,status_W2");
        assertThat(index.get(1)).contains(",ok,");
        assertThat(index.get(2)).contains(",partial,");
        assertThat(index.get(4)).contains(",outside,,256,,,outside,,256,,");
        assertThat(index.get(5)).startsWith("4,,,no_position,");
    }

    @Test
    void fitsCubeHoldsTheSameStampsMaskAndIndex() throws Exception {
        HttpResponse<byte[]> response = post("/cutouts", form("fits"), csv(positions));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        try (Fits fits = new Fits(new ByteArrayInputStream(response.body()))) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus).hasSize(3);
            float[][][][] cube = (float[][][][]) hdus[0].getKernel();
            byte[][][][] maskCube = (byte[][][][]) hdus[1].getKernel();
            assertThat(hdus[1].getHeader().getStringValue("EXTNAME")).isEqualTo("MASK");
            assertThat(hdus[0].getHeader().getStringValue("RESAMPLE")).isEqualTo("none");
            float[] tensor = new float[5 * 2 * SIDE * SIDE];
            byte[] mask = new byte[tensor.length];
            int at = 0;
            for (int row = 0; row < 5; row++) {
                for (int band = 0; band < 2; band++) {
                    for (int y = 0; y < SIDE; y++) {
                        for (int x = 0; x < SIDE; x++) {
                            tensor[at] = cube[row][band][y][x];
                            mask[at++] = maskCube[row][band][y][x];
                        }
                    }
                }
            }
            assertEqualsSingleCutouts(tensor, mask);
            BinaryTableHDU index = (BinaryTableHDU) hdus[2];
            assertThat(index.getHeader().getStringValue("EXTNAME")).isEqualTo("INDEX");
            assertThat(index.getNRows()).isEqualTo(5);
            int status = index.findColumn("status_W1");
            assertThat(((String) index.getElement(0, status)).trim()).isEqualTo("ok");
            assertThat(((String) index.getElement(3, status)).trim()).isEqualTo("outside");
            assertThat(((String) index.getElement(4, status)).trim()).isEqualTo("no_position");
            assertThat(((double[]) index.getElement(1, index.findColumn("ra")))[0]).isCloseTo(positions.get(1)[0],
                    org.assertj.core.data.Offset.offset(1e-11));
        }
    }

    @Test
    void pngZipHoldsOneStretchedPreviewPerStampAndPreviewEndpointAgrees() throws Exception {
        Map<String, String> form = form("png");
        form.put("STRETCH", "linear:2,98");
        HttpResponse<byte[]> response = post("/cutouts", form, csv(positions));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        Map<String, byte[]> entries = unzip(response.body());
        assertThat(entries).hasSize(5 * 2 + 1).containsKey("index.csv");
        StampStretch stretch = StampStretch.parse("linear:2,98");
        Cutout single = service.cut(SURVEY, "W2", lonLat(0), CutoutSize.pixels(SIDE, SIDE));
        assertThat(greyLevels(entries.get("000000_W2.png"))).containsExactly(greyLevels(PngImages.of(single,
                stretch)));
        assertThat(greyLevels(entries.get("000003_W1.png"))).containsOnly((byte) 0);

        String query = String.format(Locale.ROOT, "/cutouts/preview?SURVEY=%s&BAND=W2&RA=%.12f&DEC=%.12f&SIZE=%d"
                + "&STRETCH=linear:2,98", SURVEY, positions.get(0)[0], positions.get(0)[1], SIDE);
        HttpResponse<byte[]> preview = get(query);
        assertThat(preview.statusCode()).as(text(preview)).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(image.getWidth()).isEqualTo(SIDE);
        assertThat(greyLevels(preview.body())).containsExactly(greyLevels(PngImages.of(single, stretch)));
        HttpResponse<byte[]> outside = get("/cutouts/preview?SURVEY=" + SURVEY + "&BAND=W1&RA=180&DEC=45&SIZE=16");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(text(outside)).contains("No plate covers");
    }

    @Test
    void asyncJobGivesTheSyncBytesWithProgressAndCanBeDeleted() throws Exception {
        HttpResponse<byte[]> sync = post("/cutouts", form("npy"), csv(positions));
        HttpResponse<byte[]> created = post("/cutouts/async", form("npy"), csv(positions));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        String phase = "";
        for (int attempt = 0; attempt < 6000 && !phase.equals("COMPLETED") && !phase.equals("ERROR"); attempt++) {
            phase = text(get(job + "/phase"));
            if (!phase.equals("COMPLETED")) {
                Thread.sleep(50);
            }
        }
        assertThat(phase).isEqualTo("COMPLETED");
        assertThat(text(get(job + "/progress"))).isEqualTo("10 10");
        String document = text(get(job));
        assertThat(document).contains("<uws:phase>COMPLETED</uws:phase>").contains(job + "/results/cutouts.npy")
                .contains(job + "/results/result").contains("stamps_done=\"10\"").contains("outside=\"4\"");
        Map<String, byte[]> entries = unzip(sync.body());
        for (String name : List.of("cutouts.npy", "mask.npy", "index.csv")) {
            assertThat(get(job + "/results/" + name).body()).as(name).isEqualTo(entries.get(name));
        }
        assertThat(unzip(get(job + "/results/result").body()).get("cutouts.npy")).isEqualTo(entries.get("cutouts.npy"));
        assertThat(get(job + "/results/other").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> deleted = CLIENT.send(HttpRequest.newBuilder(URI.create(job)).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(get(job).statusCode()).isEqualTo(404);
    }

    @Test
    void surveyIdsResolveToTheCataloguePositions() throws Exception {
        List<String> ids = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        var table = Archive.open(root).survey(SURVEY).orElseThrow().tables().get(0);
        Path files = table.catalogueFolder().resolve("dataset");
        String id = table.table().idColumn();
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(" + id + " AS VARCHAR), " + table.table().raColumn()
                        + ", " + table.table().decColumn() + " FROM read_parquet('" + files + "/**/*.parquet',"
                        + " hive_partitioning = false) ORDER BY " + id + " LIMIT 3")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
                expected.add(new double[] {rows.getDouble(2), rows.getDouble(3)});
            }
        }
        assertThat(ids).hasSize(3);
        Map<String, String> form = form("npy");
        form.put("IDS", String.join(",", ids.get(2), ids.get(0), ids.get(1)));
        HttpResponse<byte[]> response = post("/cutouts", form, null);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        Map<String, byte[]> entries = unzip(response.body());
        List<String> index = new String(entries.get("index.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(index.get(0)).startsWith("row,id,ra,dec,");
        assertThat(index.get(1)).startsWith("0," + ids.get(2) + ",");
        float[] tensor = npyFloats(entries.get("cutouts.npy"), "(3, 2, 16, 16)");
        int[] order = {2, 0, 1};
        for (int row = 0; row < 3; row++) {
            double[] position = expected.get(order[row]);
            for (int band = 0; band < 2; band++) {
                float[] single;
                try {
                    single = service.cut(SURVEY, BANDS.get(band), LonLat.ofDegrees(position[0], position[1]),
                            CutoutSize.pixels(SIDE, SIDE)).pixels();
                } catch (CutoutException outside) {
                    continue;
                }
                for (int i = 0; i < SIDE * SIDE; i++) {
                    assertThat(Float.floatToIntBits(tensor[(row * 2 + band) * SIDE * SIDE + i]))
                            .isEqualTo(Float.floatToIntBits(single[i]));
                }
            }
        }
        form.remove("IDS");
        HttpResponse<byte[]> fromFile = post("/cutouts", form, String.join("\n", ids.get(2), ids.get(0), ids.get(1))
                .getBytes(StandardCharsets.UTF_8), "ids");
        assertThat(fromFile.statusCode()).as(text(fromFile)).isEqualTo(200);
        assertThat(unzip(fromFile.body()).get("cutouts.npy")).isEqualTo(entries.get("cutouts.npy"));
        form.put("IDS", ids.get(0) + ",no-such-object");
        HttpResponse<byte[]> unknown = post("/cutouts", form, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(unknown)).contains("1 unknown").contains("no-such-object");
    }

    @Test
    void badRequestsAreClearErrorsAndTheServerKeepsServing() throws Exception {
        List<double[]> offSky = List.of(positions.get(0), new double[] {10.0, 95.0});
        assertError(post("/cutouts", form("npy"), csv(offSky)), 400, "row 2");
        Map<String, String> zero = form("npy");
        zero.put("SIZE", "0");
        assertError(post("/cutouts", zero, csv(positions)), 400, "SIZE");
        Map<String, String> huge = form("npy");
        huge.put("SIZE", "100000");
        assertError(post("/cutouts", huge, csv(positions)), 400, "at most 4096");
        Map<String, String> band = form("npy");
        band.put("BANDS", "W1,K9");
        assertError(post("/cutouts", band, csv(positions)), 400, "unknown band 'K9'");
        Map<String, String> survey = form("npy");
        survey.put("SURVEY", "no_such_survey");
        assertError(post("/cutouts", survey, csv(positions)), 404, "no_such_survey");
        Map<String, String> format = form("jpeg");
        assertError(post("/cutouts", format, csv(positions)), 400, "npy, fits or png");
        assertError(post("/cutouts", form("npy"), null), 400, "Expected one uploaded table");
        assertError(post("/cutouts", form("npy"), "name,x\na,1\n".getBytes(StandardCharsets.UTF_8)), 400,
                "right ascension");
        Map<String, String> stretch = form("png");
        stretch.put("STRETCH", "log");
        assertError(post("/cutouts", stretch, csv(positions)), 400, "linear or asinh");
        assertError(get("/cutouts/preview?SURVEY=" + SURVEY + "&BAND=W1&RA=10&DEC=-91&SIZE=16"), 400, "DEC");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(post("/cutouts", form("npy"), csv(positions)).statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String fragment) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(text(response)).contains(fragment);
    }

    private static void assertEqualsSingleCutouts(float[] tensor, byte[] mask) throws IOException {
        int pixels = SIDE * SIDE;
        for (int row = 0; row < positions.size(); row++) {
            for (int band = 0; band < BANDS.size(); band++) {
                int offset = (row * BANDS.size() + band) * pixels;
                Cutout single = null;
                if (!Double.isNaN(positions.get(row)[0])) {
                    try {
                        single = service.cut(SURVEY, BANDS.get(band), lonLat(row), CutoutSize.pixels(SIDE, SIDE));
                    } catch (CutoutException outside) {
                        assertThat(row).isEqualTo(3);
                    }
                }
                int masked = 0;
                for (int i = 0; i < pixels; i++) {
                    if (single == null) {
                        assertThat(tensor[offset + i]).isNaN();
                        assertThat(mask[offset + i]).isEqualTo((byte) 1);
                        continue;
                    }
                    assertThat(Float.floatToIntBits(tensor[offset + i])).isEqualTo(Float.floatToIntBits(
                            single.pixels()[i]));
                    masked += mask[offset + i];
                    if (mask[offset + i] == 1) {
                        assertThat(single.pixels()[i]).isNaN();
                    }
                }
                if (single != null) {
                    assertThat(masked).isEqualTo(single.blankCount());
                }
            }
        }
        assertThat(tensor).hasSize(positions.size() * BANDS.size() * pixels);
    }

    private static LonLat lonLat(int row) {
        return LonLat.ofDegrees(positions.get(row)[0], positions.get(row)[1]);
    }

    private static Map<String, String> form(String format) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SURVEY", SURVEY);
        form.put("BANDS", String.join(",", BANDS));
        form.put("SIZE", Integer.toString(SIDE));
        form.put("FORMAT", format);
        return form;
    }

    private static byte[] csv(List<double[]> rows) {
        StringBuilder text = new StringBuilder("ra,dec\n");
        for (double[] row : rows) {
            text.append(Double.isNaN(row[0]) ? "" : String.format(Locale.ROOT, "%.12f", row[0])).append(',')
                    .append(Double.isNaN(row[1]) ? "" : String.format(Locale.ROOT, "%.12f", row[1])).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static float[] npyFloats(byte[] npy, String shape) {
        ByteBuffer data = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = data.getShort(8) & 0xFFFF;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f4'").contains("'shape': " + shape);
        data.position(10 + headerLength);
        float[] values = new float[data.remaining() / 4];
        data.asFloatBuffer().get(values);
        return values;
    }

    private static byte[] npyBytes(byte[] npy, String shape) {
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '|u1'").contains("'shape': " + shape);
        return java.util.Arrays.copyOfRange(npy, 10 + headerLength, npy.length);
    }

    private static byte[] greyLevels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static HttpResponse<byte[]> get(String urlOrPath) throws IOException, InterruptedException {
        String url = urlOrPath.startsWith("http") ? urlOrPath : "http://localhost:" + server.port() + urlOrPath;
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Multipart: the form as text parts and {@code file} (when not null) as the part {@code positions}. */
    private static HttpResponse<byte[]> post(String path, Map<String, String> form, byte[] file)
            throws IOException, InterruptedException {
        return post(path, form, file, "positions");
    }

    private static HttpResponse<byte[]> post(String path, Map<String, String> form, byte[] file, String part)
            throws IOException, InterruptedException {
        String boundary = "skysieve-cutouts-boundary-7d1";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : form.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey()
                    + "\"\r\n\r\n" + entry.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\";"
                    + " filename=\"positions.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

}
