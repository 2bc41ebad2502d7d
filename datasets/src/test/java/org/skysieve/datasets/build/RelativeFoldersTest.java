package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;

/**
 * The data and output folders given relative to the working folder (as the server has them under {@code ./skysieve
 * demo}, whose data folder is {@code demo-data}) give the same dataset as absolute ones, through the real planner.
 */
class RelativeFoldersTest {
    @TempDir
    Path folder;

    @Test
    void relativeFoldersGiveTheSameDatasetAsAbsoluteOnes() throws Exception {
        TinySky sky = TinySky.get();
        DatasetSpec spec = DatasetSpecs.parse("""
                name: relative_folders
                objects: {adql: "SELECT TOP 40 id, ra, dec FROM deep_optical.sources ORDER BY id"}
                features:
                  - {survey: deep_optical, columns: [mag_r], statuses: true}
                split: {order: 10, seed: 2}
                output: {shard_rows: 15}
                """, "test", folder);
        Path absolute = folder.resolve("absolute");
        DatasetBuilder.build(spec, sky.root.toAbsolutePath(), absolute, BuildProgress.none(), () -> false);

        Path workingFolder = Path.of("").toAbsolutePath();
        Path relativeOut = workingFolder.relativize(folder.resolve("relative").toAbsolutePath());
        Path relativeData = workingFolder.relativize(sky.root.toAbsolutePath());
        assertThat(relativeOut.isAbsolute()).isFalse();
        DatasetManifest manifest = DatasetBuilder.build(spec, relativeData, relativeOut, BuildProgress.none(), () -> false);

        assertThat(manifest.rowCount()).isEqualTo(40);
        DatasetBuilderTest.assertSameFiles(absolute, folder.resolve("relative"));
    }
}
