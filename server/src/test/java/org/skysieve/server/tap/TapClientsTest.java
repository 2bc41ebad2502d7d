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
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), direct.base() + "/tap")
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
            String expected = TapClient.text(direct.get("/tap/sync?RESPONSEFORMAT=csv&QUERY="
                    + java.net.URLEncoder.encode("SELECT TOP 4 id, ra FROM deep_optical.sources ORDER BY id", StandardCharsets.UTF_8)))
                    .replace("\r\n", "\n");
            for (String sync : List.of("true", "false")) {
                Process process = new ProcessBuilder(stilts.toString(), "tapquery", "tapurl=" + direct.base() + "/tap",
                        "adql=SELECT TOP 4 id, ra FROM deep_optical.sources ORDER BY id", "sync=" + sync, "ofmt=csv", "out=-")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(output).isZero();
                assertThat(output.lines().toList()).as("sync=%s", sync).isEqualTo(expected.lines().toList());
            }
        }
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }
}
