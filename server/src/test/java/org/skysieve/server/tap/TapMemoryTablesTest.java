package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.EngineResources;
import org.skysieve.server.SkysieveServer;

/**
 * The TAP service over in-memory copies of the tables ({@code serve --memory-tables-mb}) answers as over the files,
 * and query results go out uncompressed even to a client asking for gzip (pyvo does), metadata still compressed.
 */
class TapMemoryTablesTest {
    @TempDir
    Path filesJobs;
    @TempDir
    Path memoryJobs;

    @Test
    void memoryTablesAnswerAsTheFilesAndResultsAreNotCompressed() throws Exception {
        Archive archive = TinyArchive.get();
        List<String> queries = List.of(
                "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 359.98, -10.0, 0.05))",
                "SELECT s.id, a.source_id FROM deep_optical.sources AS s JOIN astrometric.source AS a"
                        + " ON 1 = CONTAINS(POINT(s.ra, s.dec), CIRCLE(a.ra, a.dec, 0.0003))",
                "SELECT TOP 5 id, mag_r FROM deep_optical.sources WHERE mag_r IS NOT NULL ORDER BY mag_r, id");
        try (QueryEngineExecutor files = QueryEngineExecutor.open(archive, filesJobs);
                QueryEngineExecutor memory = QueryEngineExecutor.open(archive, memoryJobs, EngineResources.defaults().withMemoryTables(1L << 30));
                SkysieveServer filesServer = SkysieveServer.start(archive, 0, TapSettings.defaults(filesJobs), files);
                SkysieveServer memoryServer = SkysieveServer.start(archive, 0, TapSettings.defaults(memoryJobs), memory)) {
            assertThat(memory.engine().memoryTables().loaded()).hasSize(4);
            HttpClient client = HttpClient.newHttpClient();
            for (String adql : queries) {
                String path = "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
                HttpResponse<String> fromFiles = get(client, filesServer, path);
                HttpResponse<String> fromMemory = get(client, memoryServer, path);
                assertThat(fromMemory.statusCode()).as(adql).isEqualTo(200);
                assertThat(fromMemory.headers().firstValue("Content-Encoding")).as(adql).isEmpty();
                String[] expected = fromFiles.body().split("\r\n");
                String[] actual = fromMemory.body().split("\r\n");
                assertThat(expected.length).as(adql).isGreaterThan(2);
                if (!adql.contains("ORDER BY")) {
                    Arrays.sort(expected);
                    Arrays.sort(actual);
                }
                assertThat(actual).as(adql).containsExactly(expected);
            }
            // a BINARY2 cone of many rows: not gzipped either; the capabilities document is
            String cone = "/tap/sync?LANG=ADQL&QUERY=" + URLEncoder.encode(queries.get(0), StandardCharsets.UTF_8);
            assertThat(get(client, memoryServer, cone).headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(get(client, memoryServer, "/tap/capabilities").headers().firstValue("Content-Encoding")).contains("gzip");
        }
    }

    /**
     * The cached-statement path (sorted copies: row ranges and the region's numbers as parameters, prepared statements
     * kept per query shape) through HTTP: random cones, boxes and polygons across RA 0/360, empty ones and caps through
     * both poles answer as the files do, in CSV (JDBC rows) and BINARY2 (chunks; ordered, so byte for byte), also
     * from several clients at once.
     */
    @Test
    void cachedStatementsAnswerAsTheFilesOverHttpFromSeveralClients() throws Exception {
        Archive archive = TinyArchive.get();
        java.util.Random random = new java.util.Random(3);
        List<String> queries = new java.util.ArrayList<>(List.of(
                "SELECT id, ra, dec FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0.0, -90.0, 80.0))",
                "SELECT id, ra, dec FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(123.0, 90.0, 100.0))",
                "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(180.0, 45.0, 0.1))"));
        for (int i = 0; i < 30; i++) {
            double ra = (random.nextDouble() * 0.3 - 0.15 + 360) % 360;
            double dec = -10 + random.nextDouble() * 0.24 - 0.12;
            double radius = 0.005 + random.nextDouble() * 0.05;
            String region = switch (i % 3) {
                case 0 -> String.format(java.util.Locale.ROOT, "CIRCLE('ICRS', %.7f, %.7f, %.6f)", ra, dec, radius);
                case 1 -> String.format(java.util.Locale.ROOT, "BOX(%.7f, %.7f, %.5f, %.5f)", ra, dec, radius, 2 * radius);
                default -> String.format(java.util.Locale.ROOT, "POLYGON(%.6f, %.6f, %.6f, %.6f, %.6f, %.6f)", ra - radius, dec,
                        ra + radius, dec - radius, ra, dec + radius);
            };
            queries.add("SELECT " + (i % 2 == 0 ? "*" : "id, ra, dec") + " FROM deep_optical.sources WHERE 1 = CONTAINS(POINT(ra, dec), "
                    + region + ")");
        }
        try (QueryEngineExecutor files = QueryEngineExecutor.open(archive, filesJobs);
                QueryEngineExecutor memory = QueryEngineExecutor.open(archive, memoryJobs, EngineResources.defaults().withMemoryTables(1L << 30));
                SkysieveServer filesServer = SkysieveServer.start(archive, 0, TapSettings.defaults(filesJobs), files);
                SkysieveServer memoryServer = SkysieveServer.start(archive, 0, TapSettings.defaults(memoryJobs), memory)) {
            HttpClient client = HttpClient.newHttpClient();
            List<String> csvPaths = new java.util.ArrayList<>();
            List<String[]> expectedCsv = new java.util.ArrayList<>();
            int nonEmpty = 0;
            for (String adql : queries) {
                String csv = "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
                String[] expected = get(client, filesServer, csv).body().split("\r\n");
                Arrays.sort(expected);
                csvPaths.add(csv);
                expectedCsv.add(expected);
                nonEmpty += expected.length > 1 ? 1 : 0;
                String[] actual = get(client, memoryServer, csv).body().split("\r\n");
                Arrays.sort(actual);
                assertThat(actual).as(adql).containsExactly(expected);
                String binary2 = "/tap/sync?LANG=ADQL&QUERY=" + URLEncoder.encode(adql + " ORDER BY id", StandardCharsets.UTF_8);
                assertThat(getBytes(client, memoryServer, binary2)).as(adql).isEqualTo(getBytes(client, filesServer, binary2));
            }
            assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    int offset = c * 5;
                    done.add(clients.submit(() -> {
                        for (int k = 0; k < queries.size(); k++) {
                            int i = (k + offset) % queries.size();
                            String[] actual = get(client, memoryServer, csvPaths.get(i)).body().split("\r\n");
                            Arrays.sort(actual);
                            assertThat(actual).as(queries.get(i)).containsExactly(expectedCsv.get(i));
                        }
                        return queries.size();
                    }));
                }
                for (java.util.concurrent.Future<Integer> answered : done) {
                    assertThat(answered.get()).isEqualTo(queries.size());
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private static byte[] getBytes(HttpClient client, SkysieveServer server, String path) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> get(HttpClient client, SkysieveServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
    }
}
