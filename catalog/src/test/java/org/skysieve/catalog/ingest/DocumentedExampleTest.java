package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example of docs/ingest.md is a valid descriptor. */
class DocumentedExampleTest {
    @TempDir
    Path temp;

    @Test
    void theExampleInTheDocumentationParses() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("ingest.md");
        assumeTrue(Files.isRegularFile(docs), "docs/ingest.md is not beside the module: skipped");
        String markdown = Files.readString(docs);
        int start = markdown.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = markdown.substring(start, markdown.indexOf("```", start));
        for (String file : List.of("footprint/coverage_r.moc.fits", "footprint/coverage_i.moc.fits", "footprint/masks_r.moc.fits",
                "footprint/halos_r.moc.fits", "footprint/bad_r.json", "footprint/depth_r.fits", "tiles/r/r1.fits", "tiles/r/r2.fits", "tiles/i/i1.fits", "catalogue/part-1.csv.gz", "plates/r/r1.fits",
                "plates/r/r2.fits", "plates/extra/r_0042.fits.gz", "plates/i/i1.fits")) {
            Files.createDirectories(temp.resolve(file).getParent());
            Files.writeString(temp.resolve(file), "");
        }

        SurveyDescriptor descriptor = SurveyDescriptors.read(Files.writeString(temp.resolve("survey.yaml"), yaml));

        assertThat(descriptor.name()).isEqualTo("kids_like");
        assertThat(descriptor.footprint().images().get("r")).hasSize(2);
        assertThat(descriptor.footprint().maskReasons().get("r")).containsOnlyKeys("bright_star", "bad_region");
        assertThat(descriptor.images().get("r")).hasSize(3);
        assertThat(descriptor.images().get("i")).hasSize(1);
        TableDescriptor table = descriptor.tables().get(0);
        assertThat(table.idColumn()).isEqualTo("object_id");
        assertThat(table.columns()).extracting(ColumnMapping::name)
                .containsExactly("object_id", "ra", "dec", "mag_r", "pm_ra", "flags_r", "field");
        assertThat(Units.factor(table.columns().get(4).sourceUnit().orElseThrow(), table.columns().get(4).doc().unit()))
                .isCloseTo(1000.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
