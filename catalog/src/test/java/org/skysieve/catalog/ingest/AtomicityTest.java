package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.SurveyJson;

/** Nothing half-ingested becomes visible: a failing table leaves the survey folder exactly as it was. */
class AtomicityTest {
    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private Path descriptor(String name, String tables) throws IOException {
        Path folder = temp.resolve("in");
        IngestFixtures.copyResource("broken/mixed.csv", folder);
        IngestFixtures.copyResource("broken/nan_ra.csv", folder);
        // a MOC in ASCII: any MOC 2.0 serialisation is accepted whatever the file name, and carried as it is
        Files.writeString(folder.resolve("cov_r.moc.fits"), "3/1 2 4/");
        return Files.writeString(folder.resolve(name), """
                name: atomic
                bands: [{name: r, wavelength_micron: 0.62}]
                footprint: {coverage: {r: cov_r.moc.fits}}
                tables:
                """ + tables);
    }

    private static String table(String name, String file, String policy) {
        return """
                  - name: %s
                    files: [%s]
                    bad_rows: %s
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                      mag_r: {type: float, unit: mag, band: r}
                """.formatted(name, file, policy);
    }

    /** Every file under the data folder with its size, modification time and, for survey.json, its content. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(data())) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String state = Files.size(path) + "@" + Files.getLastModifiedTime(path)
                        // the file's identity too: a file replaced by another within one tick of a coarse clock
                        + "#" + Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                if (path.getFileName().toString().equals(ArchiveLayout.SURVEY_FILE)) {
                    state += Files.readString(path);
                }
                files.put(data().relativize(path).toString(), state);
            }
        }
        return files;
    }

    @Test
    void aFailingSecondTableLeavesThePreviousSurveyIntact() throws IOException {
        Ingestor.ingest(descriptor("first.yaml", table("objects", "mixed.csv", "skip")), data(), line -> { });
        Map<String, String> before = snapshot();
        assertThat(before).containsKey("atomic/survey.json").containsKey("atomic/footprint/coverage/r/cov_r.moc.fits");

        Path second = descriptor("second.yaml", table("objects", "mixed.csv", "flag") + table("more", "nan_ra.csv", "reject"));
        assertThatThrownBy(() -> Ingestor.ingest(second, data(), line -> { }))
                .isInstanceOf(IngestException.class).hasMessageContaining("nan_ra.csv, row 4, column ra");

        assertThat(snapshot()).isEqualTo(before);
        try (Stream<Path> top = Files.list(data())) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("atomic");
        }
    }

    @Test
    void aLaterIngestReplacesItsTablesAndKeepsTheOthers() throws IOException {
        Ingestor.ingest(descriptor("first.yaml", table("objects", "mixed.csv", "skip")), data(), line -> { });
        Ingestor.ingest(descriptor("second.yaml", table("flagged", "mixed.csv", "flag")), data(), line -> { });
        IngestSummary replaced = Ingestor.ingest(descriptor("third.yaml", table("objects", "nan_ra.csv", "skip")), data(), line -> { });

        assertThat(replaced.rowsWritten()).isEqualTo(4);
        var survey = SurveyJson.read(new ArchiveLayout(data()).surveyFile("atomic"));
        assertThat(survey.tables()).extracting(t -> t.name()).containsExactly("objects", "flagged");
        assertThat(survey.table("flagged").orElseThrow().column(IngestFlags.COLUMN)).isPresent();
        assertThat(survey.table("objects").orElseThrow().column(IngestFlags.COLUMN)).isEmpty();
        assertThat(survey.bands()).singleElement().satisfies(band -> assertThat(band.pixelScaleArcsec()).isNaN());
        try (Stream<Path> top = Files.list(data())) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("atomic");
        }
    }

    @Test
    void aMalformedMocFailsTheIngestNamingTheFileAndTheFault() throws IOException {
        Path descriptor = descriptor("first.yaml", table("objects", "mixed.csv", "skip"));
        Files.writeString(descriptor.resolveSibling("cov_r.moc.fits"), "3/1 2 4/x");
        assertThatThrownBy(() -> Ingestor.ingest(descriptor, data(), line -> { }))
                .isInstanceOf(IngestException.class).hasMessageContaining("cov_r.moc.fits")
                .hasMessageContaining("Expected the coverage MOC of band r (IVOA MOC 2.0 in FITS, JSON or ASCII)")
                .hasMessageContaining("expected a cell index (a non-negative integer) at character 6. Actual: 'x'");
        assertThat(Files.exists(new ArchiveLayout(data()).surveyFile("atomic"))).isFalse();
    }
}
