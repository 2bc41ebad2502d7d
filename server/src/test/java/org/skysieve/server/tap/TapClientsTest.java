package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;

/**
 * Real clients against the real server: pyvo (Debian python3-pyvo, run by /usr/bin/python3) does a sync query, an
 * async job, an upload join, an overflowing query and a failing one; the answers are checked against the same queries
 * sent directly.
 */
class TapClientsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;

    @Test
    void pyvoRunsSyncAsyncUploadAndSeesOverflowAndErrors() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import pyvo").start().waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3 with pyvo on CI (.ci/run installs python3-pyvo)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "python3-pyvo absent; skipping");
        Archive archive = TinyArchive.get();
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, folder.resolve("jobs"));
             SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(folder.resolve("jobs")), executor)) {
            TapClient direct = new TapClient(server.port());
            String csv = TapClient.text(direct.get("/tap/sync?RESPONSEFORMAT=csv&QUERY="
                    + java.net.URLEncoder.encode("SELECT TOP 7 id FROM deep_optical.sources ORDER BY id", StandardCharsets.UTF_8)));
            List<Long> ids = csv.lines().skip(1).map(Long::parseLong).toList();

            Path script = folder.resolve("pyvo_client.py");
            try (InputStream in = TapClientsTest.class.getResourceAsStream("/pyvo_client.py")) {
                Files.copy(in, script);
            }
            // The oracle of the cone and the join: every row of both surveys, read whole, tested by brute force here.
            List<Row> optical = positions(direct, "SELECT id, ra, dec FROM deep_optical.sources ORDER BY id");
            List<Row> infrared = positions(direct, "SELECT sourceid, ra, dec FROM near_infrared.sources");
            // the tiny sky straddles RA 0: a source's own position is a centre with sources all around
            double centreRa = optical.get(optical.size() / 2).raDeg();
            double centreDec = optical.get(optical.size() / 2).decDeg();
            double radiusDeg = 0.03;
            List<Long> cone = optical.stream().filter(p -> separationDeg(p.raDeg(), p.decDeg(), centreRa, centreDec) <= radiusDeg)
                    .map(Row::id).sorted().toList();
            List<List<Long>> pairs = new java.util.ArrayList<>();
            for (Row o : optical) {
                if (separationDeg(o.raDeg(), o.decDeg(), centreRa, centreDec) <= radiusDeg) {
                    for (Row n : infrared) {
                        if (separationDeg(o.raDeg(), o.decDeg(), n.raDeg(), n.decDeg()) <= 1.0 / 3600) {
                            pairs.add(List.of(o.id(), n.id()));
                        }
                    }
                }
            }
            pairs.sort(java.util.Comparator.<List<Long>>comparingLong(p -> p.get(0)).thenComparingLong(p -> p.get(1)));
            assertThat(cone).hasSizeGreaterThan(10);
            assertThat(pairs).hasSizeGreaterThan(3);

            Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), direct.base() + "/tap",
                    Double.toString(centreRa), Double.toString(centreDec), Double.toString(radiusDeg))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            JsonNode result = new ObjectMapper().readTree(output);

            assertThat(longs(result.get("sync"))).isEqualTo(ids.subList(0, 5));
            assertThat(result.get("async_phase").asText()).isEqualTo("COMPLETED");
            assertThat(longs(result.get("async"))).isEqualTo(ids);
            assertThat(result.get("upload").toString()).isEqualTo("[[" + ids.get(0) + ",\"a\"],[" + ids.get(1) + ",\"b\"],["
                    + ids.get(2) + ",\"c\"]]");
            assertThat(result.get("overflow_rows").asInt()).isEqualTo(3);
            assertThat(result.get("overflow_status").asText()).isEqualTo("OVERFLOW");
            assertThat(result.get("error").asText()).contains("nowhere");
            assertThat(longs(result.get("cone"))).isEqualTo(cone);
            List<List<Long>> joined = new java.util.ArrayList<>();
            result.get("join").forEach(pair -> joined.add(List.of(pair.get(0).asLong(), pair.get(1).asLong())));
            assertThat(joined).isEqualTo(pairs);
        }
    }

    @Test
    void stiltsTapqueryRunsSyncAndAsync() throws Exception {
        Path stilts = Path.of("/usr/bin/stilts");
        boolean present = Files.isExecutable(stilts);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/stilts on CI (.ci/run installs stilts)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "stilts absent; skipping");
        Archive archive = TinyArchive.get();
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, folder.resolve("jobs"));
             SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(folder.resolve("jobs")), executor)) {
            TapClient direct = new TapClient(server.port());
            String cone = "SELECT id, ra FROM deep_optical.sources"
                    + " WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', " + centre(direct) + ", 0.03)) = 1 ORDER BY id";
            String join = "SELECT o.id, n.sourceid FROM deep_optical.sources AS o JOIN near_infrared.sources AS n"
                    + " ON CONTAINS(POINT('ICRS', n.ra, n.dec), CIRCLE('ICRS', o.ra, o.dec, 1.0 / 3600)) = 1"
                    + " WHERE CONTAINS(POINT('ICRS', o.ra, o.dec), CIRCLE('ICRS', " + centre(direct) + ", 0.03)) = 1"
                    + " ORDER BY o.id, n.sourceid";
            for (String adql : List.of("SELECT TOP 4 id, ra FROM deep_optical.sources ORDER BY id", cone, join)) {
                List<String> wanted = TapClient.text(direct.get("/tap/sync?RESPONSEFORMAT=csv&QUERY="
                        + java.net.URLEncoder.encode(adql, StandardCharsets.UTF_8))).lines().toList();
                assertThat(wanted).hasSizeGreaterThan(3);
                for (String sync : List.of("true", "false")) {
                    assertThat(stilts(stilts, "tapurl=" + direct.base() + "/tap", "adql=" + adql, "sync=" + sync, "ofmt=csv", "out=-"))
                            .as("sync=%s %s", sync, adql).isEqualTo(wanted);
                }
            }
            // An upload join: the uploaded ids come back with the labels they were sent with.
            List<String> ids = TapClient.text(direct.get("/tap/sync?RESPONSEFORMAT=csv&QUERY="
                    + java.net.URLEncoder.encode("SELECT TOP 3 id FROM deep_optical.sources ORDER BY id", StandardCharsets.UTF_8)))
                    .lines().skip(1).toList();
            Path upload = folder.resolve("mine.csv");
            Files.writeString(upload, "id,label\n" + ids.get(0) + ",x\n" + ids.get(2) + ",z\n");
            assertThat(stilts(stilts, "tapurl=" + direct.base() + "/tap", "nupload=1", "upload1=" + upload, "ufmt1=csv",
                    "upname1=mine", "adql=SELECT s.id, u.label FROM deep_optical.sources AS s JOIN TAP_UPLOAD.mine AS u"
                            + " ON s.id = u.id ORDER BY s.id", "ofmt=csv", "out=-"))
                    .containsExactly("id,label", ids.get(0) + ",x", ids.get(2) + ",z");
        }
    }

    private static List<String> stilts(Path stilts, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(stilts.toString(), "tapquery"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** "ra, dec" of a deep_optical source: a cone there holds sources whatever the seed (the sky straddles RA 0). */
    private static String centre(TapClient client) throws Exception {
        List<Row> rows = positions(client, "SELECT id, ra, dec FROM deep_optical.sources ORDER BY id");
        return rows.get(rows.size() / 2).raDeg() + ", " + rows.get(rows.size() / 2).decDeg();
    }

    private record Row(long id, double raDeg, double decDeg) {
    }

    /** The rows (id, ra, dec) of a query's CSV result. */
    private static List<Row> positions(TapClient client, String adql) throws Exception {
        String csv = TapClient.text(client.get("/tap/sync?RESPONSEFORMAT=csv&MAXREC=1000000&QUERY="
                + java.net.URLEncoder.encode(adql, StandardCharsets.UTF_8)));
        return csv.lines().skip(1).map(line -> line.split(","))
                .map(f -> new Row(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])))
                .toList();
    }

    /** Haversine separation in degrees: the formula ADQL's CONTAINS on a CIRCLE means. */
    static double separationDeg(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        double dDec = Math.toRadians(dec2Deg - dec1Deg);
        double dRa = Math.toRadians(ra2Deg - ra1Deg);
        double a = Math.pow(Math.sin(dDec / 2), 2)
                + Math.cos(Math.toRadians(dec1Deg)) * Math.cos(Math.toRadians(dec2Deg)) * Math.pow(Math.sin(dRa / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(a))));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }
}
