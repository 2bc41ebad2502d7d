package org.skysieve.catalog.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

class ArchiveTest {
    @TempDir
    Path data;

    @Test
    void findsPublishedTablesOnlyAndIgnoresWorkInProgress() throws IOException {
        ArchiveLayout layout = new ArchiveLayout(data);
        publish(layout, survey("alpha", "objects", "extra"), "objects", 42);
        publish(layout, survey("beta", "objects"), "objects", 7);
        Files.createDirectories(data.resolve(".gamma.building-123"));
        Files.createDirectories(data.resolve("truth"));

        Archive archive = Archive.open(data);

        assertThat(archive.surveys()).extracting(s -> s.survey().name()).containsExactly("alpha", "beta");
        PublishedSurvey alpha = archive.survey("alpha").orElseThrow();
        assertThat(alpha.tables()).extracting(PublishedTable::qualifiedName).containsExactly("alpha.objects");
        assertThat(alpha.totalRows()).isEqualTo(42);
        assertThat(archive.survey("gamma")).isEmpty();
    }

    @Test
    void missingFolderIsAClearError() {
        assertThatThrownBy(() -> Archive.open(data.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere").hasMessageContaining("not a directory");
    }

    @Test
    void surveyJsonRoundTrips() {
        Survey survey = survey("alpha", "objects");
        assertThat(SurveyJson.fromJson(SurveyJson.toJson(survey), Survey.class)).isEqualTo(survey);
    }

    private static void publish(ArchiveLayout layout, Survey survey, String table, long rows) throws IOException {
        Files.createDirectories(layout.catalogueFolder(survey.name(), table));
        SurveyJson.write(survey, layout.surveyFile(survey.name()));
        Files.writeString(layout.catalogueFolder(survey.name(), table).resolve("hats.properties"), "hats_nrows=" + rows + "\n");
    }

    private static Survey survey(String name, String... tables) {
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination")
                        .withNullMeaning("never null").withBand("r"));
        return new Survey(name, name, "", "", 2016.0, List.of(),
                java.util.Arrays.stream(tables).map(t -> new CatalogTable(t, "", "ra", "dec", "id", columns)).toList());
    }
}
