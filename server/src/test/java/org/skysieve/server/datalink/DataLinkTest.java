package org.skysieve.server.datalink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.images.SyntheticImages;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.FitsHeaderCards;
import org.skysieve.sky.wcs.PixelPosition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DataLink and SODA capabilities on the real server over a tiny synthetic sky with its wide_infrared plates (W1, W2):
 * a row on a plate gets #this (a TAP query that returns exactly that row), and per band a ready #cutout link (a 64 x 64
 * FITS stamp centred on the row, the same bytes as SODA asked directly) and a #cutout service descriptor; a row off
 * every plate gets only #this; bad identifiers give error rows; STILTS datalinklint finds no error.
 */
class DataLinkTest {
    private static final Path STILTS = Path.of("/usr/bin/stilts");
    private static Path folder;
    private static QueryEngineExecutor executor;
    private static SkysieveServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static long coveredId;
    private static LonLat coveredPosition;
    private static long uncoveredId = -1;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("skysieve-datalink-");
        Path sky = folder.resolve("sky");
        org.skysieve.synth.SkyGenerator.generate(sky, 42, org.skysieve.synth.SkyScale.TINY, message -> { });
        SyntheticImages.write(sky, new SyntheticImages.Options(List.of("wide_infrared"), 1, 42));
        PlateIndex index = PlateIndex.open(sky);
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT cntr, ra, dec FROM read_parquet('"
                        + sky.resolve("wide_infrared/sources/dataset") + "/**/*.parquet') ORDER BY cntr")) {
            boolean found = false;
            while (rows.next()) {
                LonLat position = LonLat.ofDegrees(rows.getDouble(2), rows.getDouble(3));
                boolean covered = covered(index, position);
                if (covered && !found) {
                    coveredId = rows.getLong(1);
                    coveredPosition = position;
                    found = true;
                } else if (!covered && uncoveredId < 0) {
                    uncoveredId = rows.getLong(1);
                }
            }
            assertThat(found).as("a wide_infrared row on a plate").isTrue();
        }
        Archive archive = Archive.open(sky);
        executor = QueryEngineExecutor.open(archive, folder.resolve("jobs"));
        server = SkysieveServer.start(archive, 0, TapSettings.defaults(folder.resolve("jobs")), executor);
    }

    private static boolean covered(PlateIndex index, LonLat position) {
        for (Plate plate : index.plates("wide_infrared", "W1")) {
            PixelPosition pixel = plate.wcs().worldToPixel(position).orElse(null);
            if (pixel != null && pixel.x() >= 0.5 && pixel.x() <= plate.width() + 0.5 && pixel.y() >= 0.5
                    && pixel.y() <= plate.height() + 0.5) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (executor != null) {
            executor.close();
        }
        Folders.deleteRecursively(folder);
    }

    @Test
    void aRowOnThePlatesLinksToItselfAndToCutoutsInEveryBand() throws Exception {
        String id = "ivo://skysieve/wide_infrared?" + coveredId;
        HttpResponse<byte[]> response = get("/datalink?ID=" + encode(id));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("content=datalink");
        Document document = parse(response.body());
        List<List<String>> rows = rows(document);
        assertThat(rows).extracting(row -> row.get(0)).containsOnly(id);
        assertThat(rows).extracting(row -> row.get(4)).containsExactly("#this", "#cutout", "#cutout", "#cutout",
                "#cutout");
        // #this: a TAP query returning exactly that row
        String thisUrl = rows.get(0).get(1);
        assertThat(URLDecoder.decode(thisUrl, StandardCharsets.UTF_8))
                .endsWith("SELECT * FROM wide_infrared.sources WHERE cntr = " + coveredId);
        HttpResponse<byte[]> thisRow = CLIENT.send(HttpRequest.newBuilder(URI.create(thisUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thisRow.statusCode()).isEqualTo(200);
        assertThat(new String(thisRow.body(), StandardCharsets.UTF_8)).contains("QUERY_STATUS\" value=\"OK");
        List<String> csv = new String(CLIENT.send(HttpRequest.newBuilder(URI.create(thisUrl + "&RESPONSEFORMAT=csv"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith(coveredId + ",");
        // the ready cutouts: 64 x 64 FITS stamps centred on the row, identical to asking SODA directly
        List<String> bands = new ArrayList<>();
        for (List<String> link : rows.subList(1, rows.size())) {
            if (link.get(1).isEmpty()) {
                assertThat(link.get(2)).startsWith("soda-wide_infrared-");
                continue;
            }
            assertThat(link.get(6)).isEqualTo("application/fits");
            HttpResponse<byte[]> stamp = CLIENT.send(HttpRequest.newBuilder(URI.create(link.get(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(stamp.statusCode()).isEqualTo(200);
            try (Fits fits = new Fits(new ByteArrayInputStream(stamp.body()))) {
                float[][] pixels = (float[][]) ((ImageHDU) fits.readHDU()).getKernel();
                assertThat(pixels.length).isEqualTo(64);
                assertThat(pixels[0].length).isEqualTo(64);
            }
            CelestialWcs wcs = CelestialWcs.fromCards(FitsHeaderCards.readPrimaryHeader(
                    new ByteArrayInputStream(stamp.body())));
            PixelPosition centre = wcs.worldToPixel(coveredPosition).orElseThrow();
            assertThat(centre.x()).isBetween(32.0, 33.5);
            assertThat(centre.y()).isBetween(32.0, 33.5);
            String band = URLDecoder.decode(link.get(1), StandardCharsets.UTF_8).replaceAll(".*ID=wide_infrared/(\\w+).*",
                    "$1");
            bands.add(band);
            byte[] direct = get("/soda/sync?ID=" + encode("wide_infrared/" + band) + "&CIRCLE=" + encode(
                    URLDecoder.decode(link.get(1).replaceAll(".*CIRCLE=", ""), StandardCharsets.UTF_8))).body();
            assertThat(stamp.body()).isEqualTo(direct);
        }
        assertThat(bands).containsExactly("W1", "W2");
        // one SODA descriptor per band, referenced by the service_def rows
        NodeList resources = document.getElementsByTagName("RESOURCE");
        List<String> descriptorIds = new ArrayList<>();
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            if ("adhoc:service".equals(resource.getAttribute("utype"))) {
                descriptorIds.add(resource.getAttribute("ID"));
                assertThat(params(resource)).contains("standardID=ivo://ivoa.net/std/SODA#sync-1.0",
                        "accessURL=http://localhost:" + server.port() + "/soda/sync", "POS=", "CIRCLE=", "POLYGON=",
                        "BAND=").anyMatch(param -> param.startsWith("ID=wide_infrared/W"));
            }
        }
        assertThat(descriptorIds).containsExactly("soda-wide_infrared-W1", "soda-wide_infrared-W2");
    }

    @Test
    void rowsOffThePlatesAndBadIdentifiersGiveOnlyWhatExists() throws Exception {
        assertThat(uncoveredId).as("a wide_infrared row off the plates").isPositive();
        List<List<String>> rows = rows(parse(get("/datalink?ID=" + encode("ivo://skysieve/wide_infrared/sources?"
                + uncoveredId) + "&ID=" + encode("wide_infrared?" + coveredId) + "&ID=" + encode("ivo://skysieve/nosuch?1")
                + "&ID=" + encode("ivo://skysieve/wide_infrared?abc") + "&ID=" + encode("ivo://skysieve/wide_infrared?0")
                + "&ID=" + encode("ivo://skysieve/wide_infrared/nosuch?1") + "&ID=" + encode("http://x/y")).body()));
        assertThat(rows.stream().filter(row -> row.get(0).contains("?" + uncoveredId)).map(row -> row.get(4)))
                .containsExactly("#this");
        assertThat(rows.stream().filter(row -> row.get(0).equals("wide_infrared?" + coveredId))).hasSize(5);
        assertThat(errorOf(rows, "ivo://skysieve/nosuch?1")).startsWith("NotFoundFault").contains("'nosuch'")
                .contains("wide_infrared");
        assertThat(errorOf(rows, "ivo://skysieve/wide_infrared?abc")).startsWith("UsageFault").contains("cntr")
                .contains("'abc'");
        assertThat(errorOf(rows, "ivo://skysieve/wide_infrared?0")).startsWith("NotFoundFault").contains("cntr = 0");
        assertThat(errorOf(rows, "ivo://skysieve/wide_infrared/nosuch?1")).startsWith("NotFoundFault")
                .contains("[sources");
        assertThat(errorOf(rows, "http://x/y")).startsWith("UsageFault").contains("ivo://skysieve/SURVEY?ROWID");
        HttpResponse<byte[]> noId = get("/datalink");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(new String(noId.body(), StandardCharsets.UTF_8)).contains("QUERY_STATUS").contains("ID");
        assertThat(get("/datalink?ID=x?1&RESPONSEFORMAT=csv").statusCode()).isEqualTo(400);
    }

    @Test
    void capabilitiesDeclareSodaAndDataLink() throws Exception {
        for (String path : List.of("/soda/capabilities", "/datalink/capabilities")) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            Document document = parse(response.body());
            NodeList capabilities = document.getElementsByTagName("capability");
            List<String> standards = new ArrayList<>();
            for (int i = 0; i < capabilities.getLength(); i++) {
                standards.add(((Element) capabilities.item(i)).getAttribute("standardID"));
            }
            assertThat(standards).containsExactly("ivo://ivoa.net/std/SODA#sync-1.0",
                    "ivo://ivoa.net/std/DataLink#links-1.1", "ivo://ivoa.net/std/VOSI#capabilities",
                    "ivo://ivoa.net/std/VOSI#availability");
            NodeList urls = document.getElementsByTagName("accessURL");
            for (int i = 0; i < urls.getLength(); i++) {
                assertThat(get(URI.create(urls.item(i).getTextContent()).getPath()).statusCode()).isIn(200, 400);
            }
        }
        assertThat(new String(get("/soda/availability").body(), StandardCharsets.UTF_8)).contains("true");
    }

    @Test
    void datalinklintFindsNoErrors() throws Exception {
        boolean present = Files.isExecutable(STILTS);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected stilts at " + STILTS + " on CI (.ci/run installs it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "stilts absent; skipping");
        String url = "http://localhost:" + server.port() + "/datalink?ID=" + encode("ivo://skysieve/wide_infrared?"
                + coveredId) + "&ID=" + encode("ivo://skysieve/wide_infrared?0");
        Process process = new ProcessBuilder(List.of(STILTS.toString(), "datalinklint", "votable=" + url))
                .redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("datalinklint-report.txt"), report);
        }
        assertThat(report).as(report).contains("Totals:");
        assertThat(report.lines().filter(line -> line.startsWith("E-") || line.startsWith("F-")).toList())
                .as(report).isEmpty();
        assertThat(report).as(report).containsPattern("Errors: 0;");
    }

    @Test
    void pyvoFollowsTheLinksAndProcessesTheServiceDescriptors() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean present = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import pyvo").start().waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3 with pyvo on CI (.ci/run installs python3-pyvo)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "python3-pyvo absent; skipping");
        Path script = folder.resolve("pyvo_datalink.py");
        try (java.io.InputStream in = DataLinkTest.class.getResourceAsStream("/pyvo_datalink.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String url = "http://localhost:" + server.port() + "/datalink?ID=" + encode("ivo://skysieve/wide_infrared?"
                + coveredId);
        Process process = new ProcessBuilder(List.of(python.toString(), script.toString(), url,
                Double.toString(coveredPosition.lonDeg()), Double.toString(coveredPosition.latDeg())))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        // two ready 64 x 64 stamps (one FITS block of header, 4 of data), two descriptors processed with a CIRCLE
        assertThat(output.lines().filter(line -> line.matches("link 20160 SIMPLE  ")).count()).as(output)
                .isEqualTo(2);
        assertThat(output.lines().filter(line -> line.matches("service soda-wide_infrared-W[12] \\d+ SIMPLE  ")))
                .as(output).hasSize(2);
    }

    private static String errorOf(List<List<String>> rows, String id) {
        return rows.stream().filter(row -> row.get(0).equals(id)).findFirst().orElseThrow().get(3);
    }

    private static List<String> params(Element resource) {
        NodeList params = resource.getElementsByTagName("PARAM");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < params.getLength(); i++) {
            Element param = (Element) params.item(i);
            list.add(param.getAttribute("name") + "=" + param.getAttribute("value"));
        }
        return list;
    }

    /** The links table's rows, each its 12 cells as text. */
    private static List<List<String>> rows(Document document) {
        NodeList trs = document.getElementsByTagName("TR");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList tds = ((Element) trs.item(i)).getElementsByTagName("TD");
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < tds.getLength(); j++) {
                cells.add(tds.item(j).getTextContent());
            }
            assertThat(cells).hasSize(12);
            rows.add(cells);
        }
        return rows;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
