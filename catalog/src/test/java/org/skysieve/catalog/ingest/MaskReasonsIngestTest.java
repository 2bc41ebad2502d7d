package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.FootprintFolder;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * A descriptor with per-reason mask MOCs ({@code footprint: mask_reasons:}): ingest copies them, the status maps read
 * back from the published footprint folder give, at every point of a grid, the status and reason that the cell lists
 * themselves say (brute force over the cells, not the look-up code), with the band's mask the union of its masks MOC
 * and its reasons. Malformed files, bad reason names and unknown bands are errors naming them, with nothing published.
 */
class MaskReasonsIngestTest {
    private static final int COVERAGE_ORDER = 6;
    private static final int MASK_ORDER = 9;

    @TempDir
    Path temp;

    @Test
    void statusMapsGiveTheReasonOfEveryMaskedPoint() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        // coverage: order-6 cells around (10, 10); masks MOC: a few order-9 cells; bright_star: some of them plus one
        // more outside the masks MOC (masked by the union rule); bad_region: other cells, one of them outside coverage
        long centre = HealpixNested.hash(COVERAGE_ORDER, Math.toRadians(10), Math.toRadians(10));
        long[] coverageCells = {centre, centre + 1, centre + 2};
        long first = centre << 6;
        long[] masksCells = {first, first + 1, first + 2};
        long[] brightStarCells = {first, first + 1, first + 40};
        long outside = ((centre + 3) << 6) + 5;
        long[] badRegionCells = {first + 2, first + 70, first + 130, outside};
        MocFiles.write(SpatialMoc.ofCells(COVERAGE_ORDER, coverageCells), MocFiles.Format.FITS, in.resolve("coverage_r.moc.fits"));
        MocFiles.write(SpatialMoc.ofCells(MASK_ORDER, masksCells), MocFiles.Format.ASCII, in.resolve("masks_r.txt"));
        MocFiles.write(SpatialMoc.ofCells(MASK_ORDER, brightStarCells), MocFiles.Format.FITS, in.resolve("halos_r.moc.fits"));
        MocFiles.write(SpatialMoc.ofCells(MASK_ORDER, badRegionCells), MocFiles.Format.JSON, in.resolve("bad_r.json"));
        Files.write(in.resolve("objects.csv"), List.of("id,ra,dec,mag_r", "1,10.0,10.0,20.5", "2,10.1,10.1,"));
        Path descriptor = Files.writeString(in.resolve("real.yaml"), descriptor("real", """
                  coverage: {r: coverage_r.moc.fits}
                  masks: {r: masks_r.txt}
                  mask_reasons: {r: {bright_star: halos_r.moc.fits, bad_region: bad_r.json}}
                """));
        Path data = temp.resolve("data");
        Ingestor.ingest(descriptor, data, line -> { });

        Path footprint = new ArchiveLayout(data).footprintFolder("real");
        assertThat(footprint.resolve("mask_reasons/r/bright_star/halos_r.moc.fits")).isRegularFile();
        assertThat(footprint.resolve("mask_reasons/r/bad_region/bad_r.json")).isRegularFile();
        BandStatusMap map = new FootprintFolder(footprint, "real").read("r");
        assertThat(map.masksByReason()).containsOnlyKeys("bad_region", "bright_star");

        Map<Long, String> reasonOfCell = new HashMap<>();
        for (long cell : badRegionCells) {
            reasonOfCell.put(cell, "bad_region");
        }
        for (long cell : brightStarCells) {
            reasonOfCell.putIfAbsent(cell, "bright_star");   // in both: the first reason in alphabetical order
        }
        Map<CoverageStatus, Integer> seen = new EnumMap<>(CoverageStatus.class);
        Map<String, Integer> reasonsSeen = new HashMap<>();
        double stepDeg = 0.02;
        for (double raDeg = 7; raDeg < 13; raDeg += stepDeg) {
            for (double decDeg = 7; decDeg < 13; decDeg += stepDeg) {
                long hash29 = HealpixNested.hash(29, Math.toRadians(raDeg), Math.toRadians(decDeg));
                boolean covered = contains(coverageCells, hash29 >>> (2 * (29 - COVERAGE_ORDER)));
                String reason = covered ? reasonOfCell.get(hash29 >>> (2 * (29 - MASK_ORDER))) : null;
                boolean masked = covered && (reason != null || contains(masksCells, hash29 >>> (2 * (29 - MASK_ORDER))));
                CoverageStatus expected = !covered ? CoverageStatus.UNOBSERVED : masked ? CoverageStatus.MASKED : CoverageStatus.OBSERVED;
                String where = "(" + raDeg + ", " + decDeg + ")";
                assertThat(map.status(raDeg, decDeg)).as(where).isEqualTo(expected);
                assertThat(map.maskReason(raDeg, decDeg)).as(where).isEqualTo(Optional.ofNullable(reason));
                seen.merge(expected, 1, Integer::sum);
                if (reason != null) {
                    reasonsSeen.merge(reason, 1, Integer::sum);
                }
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(CoverageStatus.values());
        assertThat(reasonsSeen.keySet()).containsExactlyInAnyOrder("bad_region", "bright_star");
        // the union rule: bright_star's cell first + 40 is not in the masks MOC but is masked, and the band's mask has it
        assertThat(map.masks().contains((first + 40) << (2 * (29 - MASK_ORDER)))).isTrue();
        assertThat(map.masks().contains(outside << (2 * (29 - MASK_ORDER)))).as("outside coverage").isFalse();
    }

    @Test
    void aMalformedReasonMocIsAnErrorNamingFileBandAndReasonWithNothingPublished() throws IOException {
        Path in = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(in.resolve("coverage_r.txt"), "3/1 2 4/");
        Files.writeString(in.resolve("halos_r.json"), "{\"3\": [1, 2");
        Files.write(in.resolve("objects.csv"), List.of("id,ra,dec,mag_r", "1,10.0,10.0,20.5"));
        Path descriptor = Files.writeString(in.resolve("broken.yaml"), descriptor("broken", """
                  coverage: {r: coverage_r.txt}
                  mask_reasons: {r: {bright_star: halos_r.json}}
                """));
        assertThatThrownBy(() -> Ingestor.ingest(descriptor, temp.resolve("data"), line -> { })).isInstanceOf(IngestException.class)
                .hasMessageContaining("halos_r.json").hasMessageContaining("mask reason bright_star").hasMessageContaining("band r");
        assertThat(temp.resolve("data").resolve("broken")).doesNotExist();
    }

    @Test
    void badReasonNamesUnknownBandsAndAmbiguousFilesAreDescriptorErrors() throws IOException {
        Path in = Files.createDirectories(temp.resolve("names"));
        Files.writeString(in.resolve("coverage_r.txt"), "3/1 2 4/");
        Files.writeString(in.resolve("a_r.txt"), "5/10/");
        Files.writeString(in.resolve("b_r.txt"), "5/11/");
        Files.write(in.resolve("objects.csv"), List.of("id,ra,dec,mag_r", "1,10.0,10.0,20.5"));
        assertDescriptorError(in, "mask_reasons: {r: {Bright-Star: a_r.txt}}",
                "Expected a mask reason of band r of lower-case letters, digits and _, starting with a letter. Actual: 'Bright-Star'");
        assertDescriptorError(in, "mask_reasons: {z: {bright_star: a_r.txt}}", "Expected one of the survey's bands [r]. Actual: 'z'");
        assertDescriptorError(in, "mask_reasons: {r: {bright_star: \"?_r.txt\"}}",
                "Expected one MOC file for mask reason bright_star of band r. Actual: 2 files match '?_r.txt'");
        assertDescriptorError(in, "mask_reasons: {r: {bright_star: none.txt}}",
                "Expected one MOC file for mask reason bright_star of band r. Actual: 0 files match 'none.txt'");
        assertDescriptorError(in, "mask_reasons: {r: [a_r.txt]}", "mask_reasons");
    }

    private void assertDescriptorError(Path in, String reasons, String message) throws IOException {
        Path descriptor = Files.writeString(in.resolve("names.yaml"), descriptor("names", "  coverage: {r: coverage_r.txt}\n  " + reasons + "\n"));
        assertThatThrownBy(() -> Ingestor.ingest(descriptor, temp.resolve("data"), line -> { })).as(reasons)
                .isInstanceOf(IngestException.class).hasMessageContaining("names.yaml").hasMessageContaining(message);
        assertThat(temp.resolve("data").resolve("names")).doesNotExist();
    }

    private static String descriptor(String name, String footprint) {
        return "name: " + name + "\n"
                + "bands: [{name: r, wavelength_micron: 0.62}]\n"
                + "footprint:\n" + footprint
                + """
                tables:
                  - name: objects
                    files: [objects.csv]
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                      mag_r: {type: float, unit: mag, band: r}
                """;
    }

    private static boolean contains(long[] cells, long cell) {
        for (long each : cells) {
            if (each == cell) {
                return true;
            }
        }
        return false;
    }
}
