package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.testing.SharedTestData;

/** survey.json, the HATS catalogues and the column documentation. */
class SurveyDocumentationTest {
    private static final Set<String> UNITS = Set.of("", "deg", "arcsec", "mas", "mas/yr", "mag", "uJy", "yr");
    private final TinySky sky = TinySky.get();

    @Test
    void surveyJsonRoundTripsToTheModel() {
        for (SurveySpec survey : Surveys.all()) {
            Survey expected = SkyGenerator.surveyModel(survey, new CatalogueSchema(survey).table());
            Survey written = SurveyJson.read(new ArchiveLayout(sky.root).surveyFile(survey.name()));
            assertThat(written).isEqualTo(expected);
            assertThat(SurveyJson.fromJson(SurveyJson.toJson(written), Survey.class)).isEqualTo(written);
        }
    }

    @Test
    void hatsCataloguesHoldEveryRowOnceWithTheDocumentedColumns() {
        ArchiveLayout layout = new ArchiveLayout(sky.root);
        for (GenerationSummary.SurveyRows rows : sky.summary.surveys()) {
            SurveySpec survey = Surveys.all().stream().filter(s -> s.name().equals(rows.survey())).findFirst().orElseThrow();
            Path catalogue = layout.catalogueFolder(survey.name(), survey.tableName());
            assertThat(catalogue.resolve("hats.properties")).isRegularFile();
            assertThat(rows.catalogueRows()).isPositive();
            assertThat(sky.count("SELECT count(*) FROM cat_" + survey.name())).isEqualTo(rows.catalogueRows());
            Set<String> columns = new HashSet<>(sky.queryStrings("SELECT column_name FROM (DESCRIBE cat_" + survey.name() + ")"));
            Set<String> documented = new HashSet<>();
            new CatalogueSchema(survey).table().columns().forEach(column -> documented.add(column.name()));
            documented.add(HatsCatalogWriter.HEALPIX_COLUMN);
            assertThat(columns).isEqualTo(documented);
        }
        assertThat(sky.summary.trueSourceCount()).isEqualTo(sky.count("SELECT count(*) FROM truth"));
        assertThat(sky.root.resolve(".staging")).doesNotExist();
    }

    @Test
    void columnsThatHoldNullsSayWhatNullMeans() {
        for (SurveySpec survey : Surveys.all()) {
            for (ColumnDoc column : new CatalogueSchema(survey).table().columns()) {
                long nulls = sky.count("SELECT count(*) - count(\"" + column.name() + "\") FROM cat_" + survey.name());
                if (nulls > 0) {
                    assertThat(column.nullMeaning()).as(survey.name() + "." + column.name()).isNotBlank();
                }
                assertThat(column.description()).as(column.name()).isNotBlank();
                assertThat(UNITS).as(column.name()).contains(column.unit());
            }
        }
    }

    @Test
    void truthFilesCarryTheDocumentationOfTheirColumns() throws IOException {
        ArchiveLayout layout = new ArchiveLayout(sky.root);
        Map<Path, List<ColumnDoc>> files = Map.of(
                layout.truthSources(), TruthColumns.sources(),
                layout.truthObservations(), TruthColumns.observations(),
                layout.truthFolder().resolve(TruthFiles.SPURIOUS_FILE), TruthColumns.spurious());
        for (Map.Entry<Path, List<ColumnDoc>> file : files.entrySet()) {
            List<String> json = sky.queryStrings("SELECT decode(value) FROM parquet_kv_metadata('" + file.getKey()
                    + "') WHERE decode(key) = '" + TruthColumns.COLUMNS_KEY + "'");
            assertThat(json).as(file.getKey().toString()).hasSize(1);
            List<ColumnDoc> documented = SurveyJson.mapper().readValue(json.get(0), new TypeReference<List<ColumnDoc>>() { });
            assertThat(documented).isEqualTo(file.getValue());
            List<String> columns = sky.queryStrings("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + file.getKey() + "'))");
            assertThat(columns).isEqualTo(documented.stream().map(ColumnDoc::name).toList());
            for (ColumnDoc column : documented) {
                long nulls = sky.count("SELECT count(*) - count(\"" + column.name() + "\") FROM read_parquet('" + file.getKey() + "')");
                assertThat(nulls == 0 || !column.nullMeaning().isBlank()).as(column.name()).isTrue();
            }
        }
    }

    @Test
    void everyUcdWordIsAValidUcd1PlusWord() throws IOException {
        Path words = SharedTestData.data().resolve("votable/ucd1p-words.txt");
        Set<String> valid = new HashSet<>();
        for (String line : Files.readAllLines(words)) {
            String[] parts = line.split("\\|");
            if (parts.length >= 2) {
                valid.add(parts[1].trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<ColumnDoc> columns = new ArrayList<>();
        for (SurveySpec survey : Surveys.all()) {
            columns.addAll(new CatalogueSchema(survey).table().columns());
        }
        columns.addAll(TruthColumns.sources());
        columns.addAll(TruthColumns.observations());
        columns.addAll(TruthColumns.spurious());
        for (ColumnDoc column : columns) {
            for (String word : column.ucd().split(";")) {
                assertThat(valid).as(column.name() + " " + column.ucd()).contains(word.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
