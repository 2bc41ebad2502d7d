package org.skysieve.sky.moc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The three serialisations read back what they wrote, and malformed input is refused with a message naming the fault. */
class MocSerialisationTest {

    @Test
    void randomMocsRoundTripInEveryFormat() throws IOException {
        Random random = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            SpatialMoc moc = SpatialMocAlgebraTest.randomMoc(random, new BitSet());
            if (trial % 3 == 0) {
                // a fine cell and a declared order deeper than any cell
                moc = moc.union(SpatialMoc.ofUniq(29, (4L << 58) + random.nextLong(12L << 58)));
            }
            for (MocFiles.Format format : MocFiles.Format.values()) {
                SpatialMoc back = roundTrip(moc, format);
                MocInvariants.check(back);
                assertThat(back).as("%s of %s", format, moc).isEqualTo(moc);
            }
        }
    }

    @Test
    void specExampleAscii() {
        SpatialMoc moc = MocAscii.parse("3/3 10 4/16-18 22 5/19-20 17/222 28/123456789 29/", "example");
        MocInvariants.check(moc);
        assertThat(moc.maxOrder()).isEqualTo(29);
        assertThat(MocAscii.format(moc)).isEqualTo("3/3 10 4/16-18 22 5/19-20 17/222 28/123456789 29/");
        assertThat(MocJson.format(moc)).isEqualTo("{\"3\":[3,10],\n\"4\":[16,17,18,22],\n\"5\":[19,20],\n\"17\":[222],\n"
                + "\"28\":[123456789],\n\"29\":[]}\n");
        // four sibling cells written separately are merged into their parent
        assertThat(MocAscii.format(MocAscii.parse("1/0-3 4/", "siblings"))).isEqualTo("0/0 4/");
    }

    @Test
    void malformedTextNamesTheFault() {
        assertThatThrownBy(() -> MocAscii.parse("3/3 x 4/", "a.txt"))
                .isInstanceOf(MocFormatException.class).hasMessage("a.txt: expected a cell index (a non-negative integer) at character 4. Actual: 'x'");
        assertThatThrownBy(() -> MocAscii.parse("12 3/4", "b.txt")).hasMessageContaining("expected 'order/' before the first cell at character 0");
        assertThatThrownBy(() -> MocAscii.parse("1/48", "c.txt")).hasMessageContaining("expected cells in [0, 47] at order 1");
        assertThatThrownBy(() -> MocAscii.parse("30/1", "d.txt")).hasMessageContaining("expected an order in [0, 29]");
        assertThatThrownBy(() -> MocAscii.parse("  ", "e.txt")).hasMessage("e.txt: expected a MOC in ASCII ('order/cells ...'). Actual: empty text");
        assertThatThrownBy(() -> MocJson.parse("{\"3\":[1,2,]}", "f.json"))
                .hasMessage("f.json: expected a cell index (a non-negative integer) at character 10 of the JSON MOC. Actual: ']}'");
        assertThatThrownBy(() -> MocJson.parse("{\"3\":[1]", "g.json")).hasMessageContaining("expected ',' or '}' at character 8");
        assertThatThrownBy(() -> MocJson.parse("{\"0\":[12]}", "h.json")).hasMessageContaining("expected a cell index in [0, 11] at order 0");
        assertThatThrownBy(() -> MocJson.parse("{}", "i.json")).hasMessageContaining("at least one order key");
    }

    @Test
    void malformedFitsNamesTheFault() throws IOException {
        byte[] good = bytes(SpatialMoc.ofCells(4, 1, 2, 3), MocFiles.Format.FITS);
        byte[] truncated = java.util.Arrays.copyOf(good, 2880 * 2 + 10);
        assertThatThrownBy(() -> MocFits.read(truncated, "cut.fits")).isInstanceOf(MocFormatException.class)
                .hasMessageContaining("cut.fits").hasMessageContaining("file ends");
        assertThatThrownBy(() -> MocFits.read("SIMPLE  = T".getBytes(StandardCharsets.US_ASCII), "short.fits"))
                .hasMessageContaining("short.fits: expected an END card");
        byte[] time = replace(good, "MOCDIM  = 'SPACE   '", "MOCDIM  = 'TIME    '");
        assertThatThrownBy(() -> MocFits.read(time, "time.fits"))
                .hasMessage("time.fits: expected a spatial MOC (MOCDIM = 'SPACE'). Actual: MOCDIM = 'TIME'");
        byte[] ordering = replace(good, "ORDERING= 'NUNIQ   '", "ORDERING= 'RING    '");
        assertThatThrownBy(() -> MocFits.read(ordering, "ring.fits")).hasMessageContaining("expected ORDERING = 'NUNIQ' or 'RANGE'");
        byte[] shallow = replace(good, "MOCORD_S=                    4", "MOCORD_S=                    2");
        assertThatThrownBy(() -> MocFits.read(shallow, "shallow.fits")).hasMessageContaining("shallow.fits")
                .hasMessageContaining("Expected cells of order at most 2");
    }

    private static byte[] replace(byte[] file, String from, String to) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(SpatialMoc moc, MocFiles.Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MocFiles.write(moc, format, out);
        return out.toByteArray();
    }

    static SpatialMoc roundTrip(SpatialMoc moc, MocFiles.Format format) throws IOException {
        byte[] bytes = bytes(moc, format);
        if (format == MocFiles.Format.FITS) {
            assertThat(bytes.length % 2880).isZero();
        }
        return MocFiles.read(bytes, "round trip " + format);
    }
}
