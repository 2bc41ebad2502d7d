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

    private static HttpResponse<String> get(HttpClient client, SkysieveServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
    }
}
