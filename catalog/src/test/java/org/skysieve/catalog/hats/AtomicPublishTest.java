package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * A write that fails at any point leaves the previous catalogue byte for byte as it was, readable, and nothing else
 * visible (no partial catalogue, no leftover folder).
 */
class AtomicPublishTest {
    private static final HatsWriteOptions OPTIONS = new HatsWriteOptions(100, 6, 3);

    @TempDir
    Path temp;
    private Path survey;
    private Path catalogue;
    private Map<String, String> before;

    @BeforeEach
    void writePreviousCatalogue() throws Exception {
        survey = Files.createDirectories(temp.resolve("archive/synthetic"));
        catalogue = survey.resolve("objects");
        HatsCatalogWriter.write(TestTables.writeGenerated(temp.resolve("first.parquet"), 500), TestTables.generated(), "synthetic", OPTIONS, catalogue);
        before = digests(catalogue);
        assertThat(before).containsKeys("hats.properties", "dataset/_metadata", "skymap.fits");
    }

    @Test
    void listenerFailingAfterSomePartitionsChangesNothing() throws Exception {
        Path staging = TestTables.writeGenerated(temp.resolve("second.parquet"), 2_000);
        int[] written = {0};
        HatsWriteListener failing = (pixel, partitionRows, rowsWritten, totalRows) -> {
            if (++written[0] == 3) {
                throw new IllegalStateException("simulated crash after 3 partitions");
            }
        };

        assertThatThrownBy(() -> HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", OPTIONS, catalogue, failing))
                .hasMessage("simulated crash after 3 partitions");

        assertThat(written[0]).isEqualTo(3);
        assertPreviousCatalogueIntact();
    }

    @Test
    void stagingWithAMissingColumnChangesNothingAndNamesTheColumn() throws Exception {
        Path staging = temp.resolve("no_flags.parquet");
        TestTables.copy("SELECT * EXCLUDE (flags) FROM read_parquet('" + TestTables.writeGenerated(temp.resolve("full.parquet"), 300) + "')", staging);

        assertThatThrownBy(() -> HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", OPTIONS, catalogue))
                .isInstanceOf(HatsException.class)
                .hasMessage("Staging data does not match the documented columns of table objects: missing column(s) flags");

        assertPreviousCatalogueIntact();
    }

    @Test
    void invalidPositionChangesNothingAndNamesTheRow() throws Exception {
        Path staging = temp.resolve("bad_dec.parquet");
        TestTables.copy("SELECT * REPLACE (CASE WHEN source_id = 41 THEN 91.5 ELSE dec END AS dec) FROM read_parquet('"
                + TestTables.writeGenerated(temp.resolve("full.parquet"), 300) + "')", staging);

        assertThatThrownBy(() -> HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", OPTIONS, catalogue))
                .isInstanceOf(HatsException.class)
                .hasMessage("Invalid position in row 42 (counting from 1) of " + staging
                        + ": expected finite ra in [0, 360] and dec in [-90, 90] degrees. Actual: ra = " + raOfRow41(staging) + ", dec = 91.5");

        assertPreviousCatalogueIntact();
    }

    @Test
    void successfulWriteReplacesTheCatalogueAndLeavesNothingBehind() throws Exception {
        long rows = HatsCatalogWriter.write(TestTables.writeGenerated(temp.resolve("second.parquet"), 700), TestTables.generated(), "synthetic", OPTIONS, catalogue);

        assertThat(rows).isEqualTo(700);
        assertThat(HatsCatalog.open(catalogue).rowCount()).isEqualTo(700);
        assertThat(siblings()).containsExactly("objects");
    }

    @Test
    void interruptedPublishIsRecoveredByTheNextWrite() throws Exception {
        // A crash between the two renames of a publish: the catalogue is aside, nothing at its place.
        Files.move(catalogue, survey.resolve(".objects.old-0123456789ab"));

        CataloguePublisher.recoverInterrupted(catalogue);

        assertPreviousCatalogueIntact();
    }

    @Test
    void validationReportsMissingExtraAndWronglyTypedColumns() throws Exception {
        Path staging = temp.resolve("renamed.parquet");
        TestTables.copy("SELECT * REPLACE (CAST(n_epochs AS DOUBLE) AS n_epochs) RENAME (flags AS quality) FROM read_parquet('"
                + TestTables.writeGenerated(temp.resolve("full.parquet"), 10) + "')", staging);

        assertThatThrownBy(() -> HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", OPTIONS, catalogue))
                .hasMessage("Staging data does not match the documented columns of table objects: missing column(s) flags;"
                        + " undocumented column(s) quality; column n_epochs: expected INTEGER or a type that widens to it. Actual: DOUBLE");
        CatalogTable stringRa = new CatalogTable("t", "", "ra", "dec", "id", List.of(ColumnDoc.of("id", ColumnType.LONG, "", "", ""),
                ColumnDoc.of("ra", ColumnType.STRING, "", "", ""), ColumnDoc.of("dec", ColumnType.DOUBLE, "", "", "")));
        assertThatThrownBy(() -> HatsCatalogWriter.write(staging, stringRa, "synthetic", OPTIONS, catalogue))
                .hasMessage("Expected position column ra of table t to be DOUBLE or FLOAT. Actual: STRING");
        assertPreviousCatalogueIntact();
    }

    private static String raOfRow41(Path staging) throws Exception {
        try (var connection = org.skysieve.catalog.duckdb.DuckDbConnections.openInMemory();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT ra FROM read_parquet('" + staging + "') WHERE source_id = 41")) {
            result.next();
            return result.getString(1);
        }
    }

    private void assertPreviousCatalogueIntact() throws Exception {
        assertThat(digests(catalogue)).isEqualTo(before);
        assertThat(HatsCatalog.open(catalogue).rowCount()).isEqualTo(500);
        assertThat(siblings()).containsExactly("objects");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> entries = Files.list(survey)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> digests(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(file).toString(), HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
