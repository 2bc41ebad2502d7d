package org.skysieve.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

/** The real server on a free port, over a data folder with one published and one unpublished table. */
class HealthRoutesTest {
    @TempDir
    Path data;

    private SkysieveServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void publishOneSurvey() throws IOException {
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"));
        Survey survey = new Survey("deep_optical", "Deep <optical> survey", "A test survey", "", 2014.0,
                List.of(new Band("r", 0.62, 0.2, 24.5, "AB")),
                List.of(new CatalogTable("sources", "", "ra", "dec", "id", columns),
                        new CatalogTable("unpublished", "", "ra", "dec", "id", columns)));
        ArchiveLayout layout = new ArchiveLayout(data);
        Files.createDirectories(layout.catalogueFolder("deep_optical", "sources"));
        SurveyJson.write(survey, layout.surveyFile("deep_optical"));
        Files.writeString(layout.catalogueFolder("deep_optical", "sources").resolve("hats.properties"), "hats_nrows=12345\n");
        server = SkysieveServer.start(Archive.open(data), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthListsPublishedTablesWithRowCounts() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = SurveyJson.mapper().readValue(response.body(), Map.class);
        assertThat(body).containsEntry("status", "ok");
        assertThat(response.body()).contains("\"deep_optical.sources\"").contains("12345").doesNotContain("unpublished");
    }

    @Test
    void homePageEscapesTitlesAndShowsRowCounts() throws Exception {
        HttpResponse<String> response = get("/services");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Deep &lt;optical&gt; survey").contains("12,345").doesNotContain("<optical>");
    }

    @Test
    void unknownPathIsAPlain404() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/no/such/thing");
    }

    @Test
    void portInUseIsAClearError() {
        assertThatThrownBy(() -> SkysieveServer.start(Archive.open(data), server.port()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port " + server.port() + " is already in use").hasMessageContaining("--port");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
