package org.skysieve.sky.moc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.fits.FitsBinaryTable;
import org.skysieve.testing.SharedTestData;

/**
 * Real MOCs from mocpy, cds-moc-rust and astroquery (../shared/data/moc): sky fraction, area and cell counts against
 * {@code expected/moc_summary_expected.csv} (an independent exact-integer decoder), the MOC 2.0 example in ASCII and
 * FITS, and the assertions of cds-moc-rust's command-line tests on GLIMPSE.
 */
class MocSharedDataTest {

    @Test
    void summariesAgreeWithTheIndependentDecoder() throws IOException {
        Path folder = SharedTestData.folder("moc");
        List<String> lines = Files.readAllLines(folder.resolve("expected/moc_summary_expected.csv")).stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank()).toList();
        assertThat(lines).hasSize(7);
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            Path file = folder.resolve(fields[0].substring("moc/".length()));
            SpatialMoc moc = MocFiles.read(file);
            MocInvariants.check(moc);
            String name = file.getFileName().toString();
            assertThat(storedCellCount(file)).as(name).isEqualTo(Long.parseLong(fields[1]));
            long[] counts = moc.cellCountPerOrder();
            int minOrder = 0;
            while (counts[minOrder] == 0) {
                minOrder++;
            }
            int maxOrder = 29;
            while (counts[maxOrder] == 0) {
                maxOrder--;
            }
            assertThat(minOrder).as(name + " min order").isEqualTo(Integer.parseInt(fields[2]));
            assertThat(maxOrder).as(name + " max order").isEqualTo(Integer.parseInt(fields[3]));
            assertThat(moc.skyFraction()).as(name + " sky fraction").isCloseTo(Double.parseDouble(fields[4]), offset(1e-14));
            // the expected areas are printed to 9 significant digits
            assertThat(moc.areaSquareDeg()).as(name + " area").isCloseTo(Double.parseDouble(fields[5]), org.assertj.core.data.Percentage.withPercentage(1e-6));
            for (MocFiles.Format format : MocFiles.Format.values()) {
                assertThat(MocSerialisationTest.roundTrip(moc, format)).as(name + " via " + format).isEqualTo(moc);
            }
        }
    }

    @Test
    void specExampleAsciiEqualsFits() throws IOException {
        Path folder = SharedTestData.folder("moc/mocpy/MOC2.0");
        SpatialMoc ascii = MocFiles.read(folder.resolve("smoc.ascii.txt"));
        SpatialMoc fits = MocFiles.read(folder.resolve("SMOC.fits"));
        assertThat(fits).isEqualTo(ascii);
        assertThat(fits.maxOrder()).isEqualTo(29);
        assertThat(MocAscii.format(fits)).isEqualTo("3/3 10 4/16-18 22 5/19-20 17/222 28/123456789 29/");
    }

    @Test
    void glimpseAsInCdsMocRust() throws IOException {
        Path folder = SharedTestData.folder("moc/cds-moc-rust");
        SpatialMoc glimpse = MocFiles.read(folder.resolve("glimpse.moc.json"));
        SpatialMoc not = MocFiles.read(folder.resolve("glimpse_not.moc.json"));
        assertThat(glimpse.skyFraction() + not.skyFraction()).isCloseTo(1.0, offset(1e-15));
        assertThat(glimpse.complement()).isEqualTo(not);
        SpatialMoc degraded = glimpse.degrade(0);
        MocInvariants.check(degraded);
        assertThat(MocAscii.format(degraded)).isEqualTo("0/0 3 5 7 9-10");
        assertThat(MocAscii.format(degraded.complement())).isEqualTo("0/1-2 4 6 8 11");
        assertThat(MocAscii.format(glimpse.union(not))).isEqualTo("0/0-11 9/");
        assertThat(glimpse.intersection(not).isEmpty()).isTrue();
        assertThat(glimpse.difference(not)).isEqualTo(glimpse);
    }

    @Test
    void timeMocIsRefusedByName() {
        Path folder = SharedTestData.folder("moc/mocpy/MOC2.0");
        assertThatThrownBy(() -> MocFiles.read(folder.resolve("TMOC.fits"))).isInstanceOf(MocFormatException.class)
                .hasMessageContaining("TMOC.fits: expected a spatial MOC (MOCDIM = 'SPACE'). Actual: MOCDIM = 'TIME'");
    }

    /** Cells as stored in the file (not normalised): rows of a FITS table, numbers in a JSON or ASCII text. */
    private static long storedCellCount(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equals("SIMPLE")) {
            return FitsBinaryTable.read(file).rowCount();
        }
        long count = 0;
        // JSON keys are orders, not cells
        for (String token : Files.readString(file).replaceAll("\"[0-9]+\"\\s*:", " ").split("[^0-9/-]+")) {
            if (token.isEmpty() || token.endsWith("/")) {
                continue;
            }
            String cells = token.contains("/") ? token.substring(token.indexOf('/') + 1) : token;
            if (cells.isEmpty()) {
                continue;
            }
            String[] bounds = cells.split("-");
            count += bounds.length == 1 ? 1 : Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1;
        }
        return count;
    }
}
