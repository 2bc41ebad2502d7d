package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;

/** The deliberately broken inputs of test resources ingest/broken/: where each problem is reported, and the counts under skip and flag. */
class BrokenInputTest {
    @TempDir
    Path temp;

    /** A one-table survey over {@code file} with columns id, ra, dec, mag_r. */
    private Path descriptor(String file, String policy, String extraColumnKeys) throws IOException {
        Path folder = temp.resolve("in");
        Path input = IngestFixtures.copyResource("broken/" + file, folder);
        String yaml = """
                name: broken
                tables:
                  - name: objects
                    files: [%s]
                    bad_rows: %s
                    columns:
                      id: {type: long}
                      ra: {type: double, unit: deg%s}
                      dec: {type: double, unit: deg%s}
                      mag_r: {type: float, unit: mag}
                """.formatted(input.getFileName(), policy, extraColumnKeys, extraColumnKeys);
        return Files.writeString(folder.resolve("broken.yaml"), yaml);
    }

    private IngestException rejected(String file) throws IOException {
        Path descriptor = descriptor(file, "reject", "");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Ingestor.ingest(descriptor, temp.resolve("data"), line -> { }));
        assertThat(thrown).isInstanceOf(IngestException.class);
        assertThat(temp.resolve("data").resolve("broken")).doesNotExist();
        return (IngestException) thrown;
    }

    private static void assertAt(IngestException e, String file, long row, String column) {
        assertThat(e.file()).hasValueSatisfying(path -> assertThat(path.getFileName().toString()).isEqualTo(file));
        assertThat(e.row()).hasValue(row);
        if (column == null) {
            assertThat(e.column()).isEmpty();
        } else {
            assertThat(e.column()).hasValue(column);
        }
        assertThat(e.getMessage()).contains(file).contains("row " + row);
    }

    @Test
    void nonNumericDeclinationIsReportedAtItsRowAndColumn() throws IOException {
        IngestException e = rejected("non_numeric_dec.csv");
        assertAt(e, "non_numeric_dec.csv", 3, "dec");
        assertThat(e.detail()).isEqualTo("Expected a double. Actual: 'abc'");
    }

    @Test
    void declinationOutsideItsRangeIsReported() throws IOException {
        IngestException e = rejected("dec_95.csv");
        assertAt(e, "dec_95.csv", 2, "dec");
        assertThat(e.detail()).contains("Expected dec in [-90, 90] deg").contains("95");
    }

    @Test
    void nonFiniteRightAscensionIsReported() throws IOException {
        IngestException e = rejected("nan_ra.csv");
        assertAt(e, "nan_ra.csv", 4, "ra");
        assertThat(e.detail()).contains("Expected ra in [0, 360) deg").contains("nan");
    }

    @Test
    void missingColumnOfAVoTableIsReportedAsSuch() throws IOException {
        IngestException e = rejected("radians.vot");
        assertThat(e.getMessage()).doesNotContain("Missing");
        Path folder = temp.resolve("in");
        Files.writeString(folder.resolve("missing.yaml"), """
                name: missing
                tables:
                  - name: objects
                    files: [radians.vot]
                    columns:
                      id: {type: long}
                      ra: {type: double, from: RA_ICRS}
                      dec: {type: double}
                """);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Ingestor.ingest(folder.resolve("missing.yaml"), temp.resolve("data"), line -> { }));
        assertThat(thrown).isInstanceOf(IngestException.class)
                .hasMessage(folder.resolve("radians.vot") + ": Missing column [RA_ICRS]. Expected columns: [id, RA_ICRS, dec]. The file has: [id, ra, dec, mag_r]");
    }

    @Test
    void missingColumnListsWhatWasExpectedAndWhatTheFileHas() throws IOException {
        IngestException e = rejected("missing_column.csv");
        assertThat(e.row()).isEmpty();
        assertThat(e.getMessage()).contains("missing_column.csv").contains("Missing column [dec]")
                .contains("Expected columns: [id, ra, dec, mag_r]").contains("The file has: [id, ra, mag_r]");
    }

    @Test
    void rowWithTooManyFieldsIsReportedAndLaterRowsKeepTheirNumbers() throws IOException {
        IngestException e = rejected("wrong_field_count.csv");
        assertAt(e, "wrong_field_count.csv", 2, null);
        assertThat(e.detail()).contains("Expected Number of Columns: 4 Found: 5");

        IngestSummary summary = Ingestor.ingest(descriptor("wrong_field_count.csv", "skip", ""), temp.resolve("data"), line -> { });
        assertThat(summary.rowsRead()).isEqualTo(4);
        assertThat(summary.rowsRejected()).isEqualTo(2);
        // row 2 was left out by the reader: the bad dec must still be reported at row 4, not 3
        assertThat(summary.problemSamples()).hasSize(2);
        assertThat(summary.problemSamples().get(1)).contains("row 4, column dec");
    }

    @Test
    void truncatedGzipIsReportedAtTheFirstIncompleteRow() throws IOException {
        IngestException e = rejected("truncated.csv.gz");
        // the stream ends inside data row 869 (see broken/README.md)
        assertAt(e, "truncated.csv.gz", 869, null);
        assertThat(e.detail()).contains("gzip").contains("868 complete data rows");
    }

    @Test
    void malformedVoTableIsReportedWithItsRowAndXmlLine() throws IOException {
        IngestException e = rejected("malformed.vot");
        assertAt(e, "malformed.vot", 3, null);
        assertThat(e.detail()).contains("XML line 13");
    }

    @Test
    void unitsDeclaredByTheFileAreConvertedAndWrongOnesReported() throws IOException, java.sql.SQLException {
        IngestException wrong = rejected("radians.vot");
        assertThat(wrong.column()).hasValue("mag_r");
        assertThat(wrong.detail()).contains("'mag'").contains("'deg'");

        Path folder = temp.resolve("in");
        Files.writeString(folder.resolve("radians.yaml"), """
                name: radians
                tables:
                  - name: objects
                    files: [radians.vot]
                    columns:
                      id: {type: long}
                      ra: {type: double, unit: deg}
                      dec: {type: double, unit: deg}
                """);
        Ingestor.ingest(folder.resolve("radians.yaml"), temp.resolve("data"), line -> { });
        List<List<String>> rows = IngestFixtures.rows(new ArchiveLayout(temp.resolve("data")).catalogueFolder("radians", "objects"), "ra, dec", "id");
        assertThat(Double.parseDouble(rows.get(0).get(0))).isCloseTo(Math.toDegrees(0.5), within(1e-12));
        assertThat(Double.parseDouble(rows.get(0).get(1))).isCloseTo(Math.toDegrees(-0.25), within(1e-12));
        assertThat(Double.parseDouble(rows.get(1).get(0))).isCloseTo(Math.toDegrees(6.0), within(1e-12));
    }

    @Test
    void skipDropsEveryBadRowAndCountsThem() throws Exception {
        IngestSummary summary = Ingestor.ingest(descriptor("mixed.csv", "skip", ""), temp.resolve("data"), line -> { });

        assertThat(summary.rowsRead()).isEqualTo(10);
        assertThat(summary.rowsRejected()).isEqualTo(6);
        assertThat(summary.rowsWritten()).isEqualTo(4);
        assertThat(summary.rowsFlagged()).isZero();
        assertThat(summary.problemSamples()).hasSize(6);
        assertThat(summary.problemSamples().get(0)).contains("row 3, column dec");
        assertThat(summary.problemSamples().get(3)).contains("row 7, column mag_r");
        assertThat(summary.problemSamples().get(4)).contains("row 8, column id").contains("already at row 1");
        assertThat(summary.problemSamples().get(5)).contains("row 9, column id");
        List<List<String>> ids = IngestFixtures.rows(new ArchiveLayout(temp.resolve("data")).catalogueFolder("broken", "objects"), "id", "id");
        assertThat(ids).containsExactly(List.of("1"), List.of("2"), List.of("4"), List.of("10"));
    }

    @Test
    void flagKeepsRowsWithUsablePositionsAndSaysWhatIsWrong() throws Exception {
        IngestSummary summary = Ingestor.ingest(descriptor("mixed.csv", "flag", ""), temp.resolve("data"), line -> { });

        assertThat(summary.rowsRead()).isEqualTo(10);
        assertThat(summary.rowsRejected()).isEqualTo(3);
        assertThat(summary.rowsWritten()).isEqualTo(7);
        assertThat(summary.rowsFlagged()).isEqualTo(3);
        List<List<String>> rows = IngestFixtures.rows(new ArchiveLayout(temp.resolve("data")).catalogueFolder("broken", "objects"),
                "ra, id, mag_r, ingest_flags", "ra");
        assertThat(rows).containsExactly(
                java.util.Arrays.asList("10.5", "1", "18.1", "0"),
                java.util.Arrays.asList("11.5", "2", "18.2", "0"),
                java.util.Arrays.asList("13.5", "4", "18.4", "0"),
                java.util.Arrays.asList("16.5", "7", null, String.valueOf(IngestFlags.UNPARSABLE.mask())),
                java.util.Arrays.asList("17.5", "1", "18.8", String.valueOf(IngestFlags.DUPLICATE_ID.mask())),
                java.util.Arrays.asList("18.5", null, "18.9", String.valueOf(IngestFlags.MISSING_ID.mask())),
                java.util.Arrays.asList("19.5", "10", null, "0"));
        var survey = org.skysieve.catalog.model.SurveyJson.read(new ArchiveLayout(temp.resolve("data")).surveyFile("broken"));
        assertThat(survey.tables().get(0).column(IngestFlags.COLUMN).orElseThrow().flags()).hasValue(IngestFlags.DICTIONARY);
    }

    @Test
    void identifiersMustBeUniqueAcrossTheFilesOfATable() throws Exception {
        Path folder = temp.resolve("in");
        IngestFixtures.copyResource("broken/mixed.csv", folder);
        IngestFixtures.copyResource("broken/nan_ra.csv", folder);
        Path descriptor = Files.writeString(folder.resolve("two.yaml"), """
                name: two_files
                tables:
                  - name: objects
                    files: [mixed.csv, nan_ra.csv]
                    bad_rows: skip
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                      mag_r: {type: float, unit: mag}
                """);

        IngestSummary summary = Ingestor.ingest(descriptor, temp.resolve("data"), line -> { });

        // mixed.csv: rows 3, 5, 6, 7, 9 bad, row 8 repeats id 1; nan_ra.csv: row 4 bad, rows 1 and 2 repeat ids of mixed.csv
        assertThat(summary.rowsRead()).isEqualTo(15);
        assertThat(summary.rowsRejected()).isEqualTo(9);
        assertThat(summary.rowsWritten()).isEqualTo(6);
        assertThat(summary.problemSamples()).anySatisfy(problem -> assertThat(problem)
                .contains("nan_ra.csv, row 2, column id").contains("Actual: 2, already at row 2 of ").contains("mixed.csv"));
        List<List<String>> rows = IngestFixtures.rows(new ArchiveLayout(temp.resolve("data")).catalogueFolder("two_files", "objects"), "id, ra", "id");
        assertThat(rows).extracting(row -> row.get(0) + "@" + row.get(1))
                .containsExactly("1@10.5", "2@11.5", "3@12.5", "4@13.5", "5@14.5", "10@19.5");
    }
}
