package org.skysieve.catalog.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * A footprint folder in the ingested layout ({@code KIND/BAND/file}, MOCs in JSON and ASCII) gives the same look-ups
 * as the maps it was written from, checked against the MOCs themselves on a grid of positions; missing and malformed
 * files are errors naming the file.
 */
class FootprintFolderTest {

    @Test
    void ingestedLayoutIsRead(@TempDir Path folder) throws IOException {
        SpatialMoc coverage = SpatialMoc.ofCells(6, 4000, 4001, 4002, 4003, 4100);
        SpatialMoc masks = SpatialMoc.ofCells(8, 4000 * 16 + 5);
        Files.createDirectories(folder.resolve("coverage/r"));
        Files.createDirectories(folder.resolve("masks/r"));
        Files.createDirectories(folder.resolve("depth/r"));
        MocFiles.write(coverage, MocFiles.Format.JSON, folder.resolve("coverage/r/cov.json"));
        MocFiles.write(masks, MocFiles.Format.ASCII, folder.resolve("masks/r/masks.txt"));
        long[] depthCells = {4000, 4001, 4002, 4003, 4100};
        float[] depthValues = {24.0f, 24.1f, 24.2f, 24.3f, 24.4f};
        try (OutputStream out = Files.newOutputStream(folder.resolve("depth/r/depth.fits"))) {
            new PartialHealpixMap(6, depthCells, depthValues, "mag").write(out);
        }
        FootprintFolder footprint = new FootprintFolder(folder, "real");
        assertThat(footprint.hasMaps()).isTrue();
        BandStatusMap map = footprint.read("r");
        int[] seen = new int[3];
        for (double raDeg = 0; raDeg < 360; raDeg += 0.37) {
            for (double decDeg = -89.9; decDeg < 90; decDeg += 0.41) {
                long hash29 = HealpixNested.hash(29, Math.toRadians(raDeg), Math.toRadians(decDeg));
                CoverageStatus expected = !coverage.contains(hash29) ? CoverageStatus.UNOBSERVED
                        : masks.contains(hash29) ? CoverageStatus.MASKED : CoverageStatus.OBSERVED;
                assertThat(map.status(raDeg, decDeg)).isEqualTo(expected);
                seen[expected.ordinal()]++;
                long cell = hash29 >>> 46;
                int index = java.util.Arrays.binarySearch(depthCells, cell);
                double expectedLimit = expected == CoverageStatus.UNOBSERVED ? Double.NaN : depthValues[index];
                assertThat(Double.doubleToLongBits(map.limitMag(raDeg, decDeg))).isEqualTo(Double.doubleToLongBits(expectedLimit));
            }
        }
        assertThat(seen).doesNotContain(0);
        assertThatThrownBy(() -> footprint.read("g")).isInstanceOf(StatusMapException.class)
                .hasMessageContaining("Survey real has no coverage map for band g: expected ");
    }

    @Test
    void malformedAndMissingFilesAreNamed(@TempDir Path folder) throws IOException {
        assertThat(new FootprintFolder(folder, "empty").hasMaps()).isFalse();
        Files.writeString(folder.resolve("coverage_u.moc.fits"), "3/1 2 x");
        assertThatThrownBy(() -> new FootprintFolder(folder, "broken").read("u")).isInstanceOf(StatusMapException.class)
                .hasMessageContaining("Cannot read the map " + folder.resolve("coverage_u.moc.fits") + " of survey broken")
                .hasMessageContaining("expected a cell index (a non-negative integer) at character 6. Actual: 'x'")
                .satisfies(e -> assertThat(((StatusMapException) e).category()).isEqualTo(StatusMapException.Category.BAD_MAP));
        Files.createDirectories(folder.resolve("coverage/z"));
        Files.writeString(folder.resolve("coverage/z/a.txt"), "3/1");
        Files.writeString(folder.resolve("coverage/z/b.txt"), "3/2");
        assertThatThrownBy(() -> new FootprintFolder(folder, "two").read("z"))
                .hasMessageContaining("Expected one coverage map in").hasMessageContaining("[a.txt, b.txt]");
    }
}
