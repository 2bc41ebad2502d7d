package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;

/** The same data in different encodings gives the same rows. */
class FormatAgreementTest {
    @TempDir
    Path temp;

    @Test
    void gzippedCsvGivesTheSameCatalogueAsPlainCsv() throws Exception {
        Path plain = IngestFixtures.prepare(temp.resolve("plain"), "small_sky.yaml", IngestFixtures.shared("catalogs/lsdb_small_sky/small_sky.csv"));
        Path gzip = IngestFixtures.prepare(temp.resolve("gz"), "catalog_csv_gz.yaml",
                IngestFixtures.shared("catalogs/hats_import_formats/catalog.csv.gz"));
        Ingestor.ingest(plain, temp.resolve("data"), line -> { });
        IngestSummary summary = Ingestor.ingest(gzip, temp.resolve("data"), line -> { });

        assertThat(summary.rowsWritten()).isEqualTo(131);
        ArchiveLayout layout = new ArchiveLayout(temp.resolve("data"));
        String columns = "id, ra, dec, ra_error, dec_error, _healpix_29";
        assertThat(IngestFixtures.rows(layout.catalogueFolder("small_sky_gz", "objects"), columns, "id"))
                .isEqualTo(IngestFixtures.rows(layout.catalogueFolder("small_sky", "objects"), columns, "id"));
    }

    @Test
    void gaiaCsvWithLongPreambleAndEmptyColumnsIsIngested() throws Exception {
        Path descriptor = IngestFixtures.prepare(temp.resolve("in"), "gaia_minimum.yaml",
                IngestFixtures.shared("catalogs/hats_import_formats/gaia_minimum.csv"));
        IngestSummary summary = Ingestor.ingest(descriptor, temp.resolve("data"), line -> { });

        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.rowsWritten()).isEqualTo(5);
        List<List<String>> rows = IngestFixtures.rows(new ArchiveLayout(temp.resolve("data")).catalogueFolder("gaia_minimum", "gaia_source"),
                "designation, solution_id, libname_gspphot, ra", "ra");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("Gaia DR3 4504974017242368", "1636148068921376768", null, "42.11684141174813");
        assertThat(rows).extracting(row -> row.get(2)).containsExactly(null, "MARCS", "MARCS", null, null);
    }

    @Test
    void binary2TabledataAndFitsEncodingsOfOneResultAgree() throws Exception {
        Path folder = temp.resolve("in");
        Path descriptor = IngestFixtures.prepare(folder, "gaia_upload.yaml",
                IngestFixtures.shared("catalogs/service_results/gaia_upload_1744351221317O-result.vot"),
                IngestFixtures.shared("catalogs/service_results/gaia_upload_1744351221317O-result_plain.vot"),
                IngestFixtures.shared("catalogs/service_results/gaia_upload_1744351221317O-result.fits"));
        IngestSummary summary = Ingestor.ingest(descriptor, temp.resolve("data"), line -> { });

        assertThat(summary.tableNames()).containsExactly("binary2", "tabledata", "fits");
        assertThat(summary.rowsWritten()).isEqualTo(6);
        ArchiveLayout layout = new ArchiveLayout(temp.resolve("data"));
        List<List<String>> binary2 = IngestFixtures.rows(layout.catalogueFolder("gaia_upload", "binary2"), "*", "source_id");
        assertThat(binary2).hasSize(2);
        assertThat(binary2.get(0)).contains("3834447128563320320", "149.8678677871318", "1.12773018116361");
        assertThat(IngestFixtures.rows(layout.catalogueFolder("gaia_upload", "tabledata"), "*", "source_id")).isEqualTo(binary2);
        assertThat(IngestFixtures.rows(layout.catalogueFolder("gaia_upload", "fits"), "*", "source_id")).isEqualTo(binary2);
    }

    @Test
    void gaiaTapResultReadsTheSameFromVoTableBinary2AndFits() throws Exception {
        // this result has no positions, so it cannot become a catalogue: compare what the reader loads
        List<String> wanted = List.of("solution_id", "source_id");
        try (Connection connection = DuckDbConnections.openInMemory()) {
            ProgressMeter progress = new ProgressMeter(line -> { });
            LoadedSource vot = StilSource.load(connection, IngestFixtures.shared("catalogs/service_results/gaia_tap_result_1.vot"),
                    InputFormat.VOTABLE, "vot", wanted, progress);
            LoadedSource fits = StilSource.load(connection, IngestFixtures.shared("catalogs/service_results/gaia_tap_result_1.fits"),
                    InputFormat.FITS, "fits", wanted, progress);
            assertThat(vot.columns().get("source_id").sqlType()).isEqualTo("BIGINT").isEqualTo(fits.columns().get("source_id").sqlType());
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT (SELECT count(*) FROM vot), (SELECT count(*) FROM (SELECT * FROM vot EXCEPT ALL SELECT * FROM fits)),"
                            + " (SELECT c1 FROM vot)")) {
                result.next();
                assertThat(result.getLong(1)).isEqualTo(1);
                assertThat(result.getLong(2)).isZero();
                assertThat(result.getLong(3)).isEqualTo(4651515861503587200L);
            }
        }
    }

    @Test
    void fitsAsciiTablesAreRead() throws Exception {
        try (Connection connection = DuckDbConnections.openInMemory()) {
            Path ascii = IngestFixtures.shared("fits/tables_and_edge_cases/ascii.fits");
            LoadedSource source = StilSource.load(connection, ascii, InputFormat.FITS, "ascii", List.of("a", "b"), new ProgressMeter(line -> { }));
            assertThat(source.rowsRead()).isPositive();
        }
    }

    @Test
    void voTableBinaryVersionOneIsRead() throws Exception {
        Path vizier = IngestFixtures.shared("votable/astropy/vizier_b2_votable.xml");
        try (Connection connection = DuckDbConnections.openInMemory()) {
            LoadedSource binary = StilSource.load(connection, vizier, InputFormat.VOTABLE, "vizier", List.of("RAJ2000", "DEJ2000"),
                    new ProgressMeter(line -> { }));
            assertThat(binary.rowsRead()).isPositive();
            assertThat(binary.columns().get("RAJ2000").sqlType()).isEqualTo("DOUBLE");
        }
    }

    @Test
    void csvWithWindowsLineEndsQuotesAndEmptyFieldsIsRead() throws Exception {
        Path csv = temp.resolve("windows.csv");
        java.nio.file.Files.writeString(csv, "\uFEFF# exported\r\n\r\nid,\"name, full\",ra\r\n1,\"Smith, J.\",10.5\r\n2,,\r\n3,\"say \"\"hi\"\"\",12.5\r\n");
        try (Connection connection = DuckDbConnections.openInMemory()) {
            LoadedSource source = CsvSource.load(connection, csv, false, "windows", List.of("id", "name, full", "ra"), new ProgressMeter(line -> { }));
            assertThat(source.rowsRead()).isEqualTo(3);
            assertThat(source.malformedRows()).isEmpty();
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT c0, c1, c2 FROM windows ORDER BY rowid")) {
                List<String> rows = new java.util.ArrayList<>();
                while (result.next()) {
                    rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3));
                }
                assertThat(rows).containsExactly("1|Smith, J.|10.5", "2|null|null", "3|say \"hi\"|12.5");
            }
        }
    }
}
