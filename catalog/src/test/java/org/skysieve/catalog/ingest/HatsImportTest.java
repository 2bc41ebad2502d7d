package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/** Imports the real HATS catalogues of ../shared/data/hats. */
class HatsImportTest {
    @TempDir
    Path temp;

    @Test
    void smallSkyKeepsEveryRowColumnTypeAndHealpixIndex() throws Exception {
        Path source = IngestFixtures.shared("hats/lsdb/small_sky");

        IngestSummary summary = HatsImporter.importCatalog(source, "lsdb", "small_sky", temp, line -> { });

        assertThat(summary.rowsRead()).isEqualTo(131);
        assertThat(summary.rowsWritten()).isEqualTo(131);
        Path catalogue = new ArchiveLayout(temp).catalogueFolder("lsdb", "small_sky");
        String columns = "_healpix_29, id, ra, dec, ra_error, dec_error";
        assertThat(IngestFixtures.rows(catalogue, columns, "id")).hasSize(131).isEqualTo(IngestFixtures.query(
                "SELECT " + columns + " FROM read_parquet('" + source + "/dataset/**/*.parquet', hive_partitioning = false) ORDER BY id"));
        HatsCatalog imported = HatsCatalog.open(catalogue);
        assertThat(imported.table().columns()).extracting(column -> column.name() + ":" + column.type())
                .containsExactly("id:LONG", "ra:DOUBLE", "dec:DOUBLE", "ra_error:LONG", "dec_error:LONG");
        Survey survey = SurveyJson.read(new ArchiveLayout(temp).surveyFile("lsdb"));
        assertThat(survey.tables()).extracting(t -> t.name()).containsExactly("small_sky");
        assertThat(survey.table("small_sky").orElseThrow().column("id").orElseThrow().type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void aSecondCatalogueJoinsTheSurveyAndLayoutVariantsImport() throws Exception {
        HatsImporter.importCatalog(IngestFixtures.shared("hats/lsdb/small_sky"), "lsdb", "small_sky", temp, line -> { });
        IngestSummary summary = HatsImporter.importCatalog(IngestFixtures.shared("hats/lsdb/small_sky_npix_as_dir"), "lsdb", "npix_as_dir",
                temp, line -> { });

        assertThat(summary.rowsWritten()).isEqualTo(131);
        Survey survey = SurveyJson.read(new ArchiveLayout(temp).surveyFile("lsdb"));
        assertThat(survey.tables()).extracting(t -> t.name()).containsExactlyInAnyOrder("small_sky", "npix_as_dir");
        assertThat(IngestFixtures.rows(new ArchiveLayout(temp).catalogueFolder("lsdb", "npix_as_dir"), "id, _healpix_29", "id"))
                .isEqualTo(IngestFixtures.rows(new ArchiveLayout(temp).catalogueFolder("lsdb", "small_sky"), "id, _healpix_29", "id"));
    }

    @Test
    void aCatalogueIndexedAtOrder13IsCheckedAtThatOrder() throws Exception {
        IngestSummary summary = HatsImporter.importCatalog(IngestFixtures.shared("hats/lsdb/small_sky_healpix13"), "lsdb", "healpix13",
                temp, line -> { });
        assertThat(summary.rowsWritten()).isEqualTo(131);
    }

    @Test
    void somethingThatIsNotACatalogueIsReported() {
        assertThatThrownBy(() -> HatsImporter.importCatalog(temp, "lsdb", "nothing", temp.resolve("data"), line -> { }))
                .isInstanceOf(IngestException.class).hasMessageContaining(temp.toString()).hasMessageContaining("HATS");
        assertThat(temp.resolve("data").resolve("lsdb")).doesNotExist();
    }
}
