package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.server.SkysieveServer;

/**
 * What {@code skysieve demo} does, at the tiny scale: generate through the command line, then serve; the health page
 * lists the four surveys with row counts equal to the rows actually stored in their Parquet files, and TAP's ADQL
 * (the real engine, as {@code serve} and {@code demo} start it) counts the same.
 */
class GenerateAndServeTest {
    @TempDir
    Path data;

    @Test
    void generatedSkyIsServedWithTrueRowCounts() throws Exception {
        assertThat(CommandLineTest.capture("generate", "--out", data.toString(), "--scale", "tiny", "--seed", "7").exitCode())
                .isZero();

        try (ServeCommand.Served served = ServeCommand.start(Archive.open(data), 0);
                Connection duckdb = DuckDbConnections.openInMemory()) {
            SkysieveServer server = served.server();
            // as `serve` and `demo` start it by default: the tables copied into memory (a tiny sky fits any budget)
            assertThat(served.executor().engine().memoryTables().loaded()).extracting(table -> table.tableName())
                    .contains("deep_optical.sources", "near_infrared.sources", "wide_infrared.sources");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode surveys = SurveyJson.mapper().readTree(response.body()).get("surveys");
            assertThat(surveys).hasSize(4);
            for (JsonNode survey : surveys) {
                for (JsonNode table : survey.get("tables")) {
                    String[] name = table.get("name").asText().split("\\.");
                    Path files = data.resolve(name[0]).resolve(name[1]).resolve("dataset/Norder=*/Dir=*/Npix=*.parquet");
                    try (Statement statement = duckdb.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet('" + files + "')")) {
                        rows.next();
                        assertThat(table.get("rows").asLong()).as(table.get("name").asText())
                                .isPositive().isEqualTo(rows.getLong(1));
                        // and TAP counts the same rows with ADQL on the real engine
                        String adql = "SELECT COUNT(*) AS n FROM " + table.get("name").asText();
                        HttpResponse<String> counted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + server.port() + "/tap/sync?RESPONSEFORMAT=csv&QUERY="
                                        + java.net.URLEncoder.encode(adql, java.nio.charset.StandardCharsets.UTF_8))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(counted.body()).as(adql).isEqualTo("n\r\n" + rows.getLong(1) + "\r\n");
                    }
                }
            }
        }
    }
}
