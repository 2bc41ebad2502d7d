package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/** Ingests the real third-party files of ../shared/data/catalogs and checks the published catalogues agree. */
class RealFilesIngestTest {
    private static final String ALL = "id, ra, dec, ra_error, dec_error, _healpix_29";

    @TempDir
    Path temp;

    private final List<String> progress = new ArrayList<>();

    @Test
    void smallSkyFromCsvAndFromFitsGiveTheSameCatalogue() throws Exception {
        Path csv = IngestFixtures.prepare(temp.resolve("csv"), "small_sky.yaml", IngestFixtures.shared("catalogs/lsdb_small_sky/small_sky.csv"));
        Path fits = IngestFixtures.prepare(temp.resolve("fits"), "small_sky_fits.json",
                IngestFixtures.shared("catalogs/hats_import_formats/small_sky.fits"));

        IngestSummary fromCsv = Ingestor.ingest(csv, temp.resolve("data-csv"), progress::add);
        IngestSummary fromFits = Ingestor.ingest(fits, temp.resolve("data-fits"), progress::add);

        assertThat(fromCsv.rowsRead()).isEqualTo(131);
        assertThat(fromCsv.rowsWritten()).isEqualTo(131);
        assertThat(fromFits.rowsWritten()).isEqualTo(131);
        ArchiveLayout csvLayout = new ArchiveLayout(temp.resolve("data-csv"));
        ArchiveLayout fitsLayout = new ArchiveLayout(temp.resolve("data-fits"));
        assertThat(IngestFixtures.rows(csvLayout.catalogueFolder("small_sky", "objects"), ALL, "id"))
                .hasSize(131)
                .isEqualTo(IngestFixtures.rows(fitsLayout.catalogueFolder("small_sky", "objects"), ALL, "id"));
        Survey survey = SurveyJson.read(csvLayout.surveyFile("small_sky"));
        assertThat(survey.tables()).singleElement().satisfies(table -> {
            assertThat(table.column("ra").orElseThrow().unit()).isEqualTo("deg");
            assertThat(table.idColumn()).isEqualTo("id");
        });
        assertThat(progress).isNotEmpty();
    }

    @Test
    void storedHealpixIndexOfTheParquetInputEqualsTheRecomputedOne() throws Exception {
        Path parquet = IngestFixtures.shared("catalogs/hats_import_formats/multi_row_group.parquet");
        Path descriptor = IngestFixtures.prepare(temp.resolve("in"), "multi_row_group.yaml", parquet);

        IngestSummary summary = Ingestor.ingest(descriptor, temp.resolve("data"), progress::add);

        assertThat(summary.rowsWritten()).isEqualTo(131);
        Path catalogue = new ArchiveLayout(temp.resolve("data")).catalogueFolder("small_sky_parquet", "objects");
        List<List<String>> published = IngestFixtures.rows(catalogue, "id, _healpix_29", "id");
        List<List<String>> stored = IngestFixtures.query("SELECT id, _healpix_29 FROM read_parquet('" + parquet + "') ORDER BY id");
        assertThat(published).isEqualTo(stored);
        // 131 rows at most 50 per partition: the catalogue had to split
        try (var files = Files.walk(catalogue.resolve("dataset"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("Npix=")).count()).isGreaterThan(1);
        }
    }
}
