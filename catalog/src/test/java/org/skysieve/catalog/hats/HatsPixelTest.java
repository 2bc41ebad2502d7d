package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HatsPixelTest {
    @Test
    void overlapAgreesWithIndexRangeIntersection() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            HatsPixel a = randomPixel(random);
            // Half of the time take a relative of a, so that overlaps are frequent.
            HatsPixel b = random.nextBoolean() ? randomPixel(random) : HatsPixel.containing(random.nextInt(8), a.firstIndex29() + (long) (random.nextDouble() * (a.lastIndex29() - a.firstIndex29())));
            boolean intersect = a.firstIndex29() <= b.lastIndex29() && b.firstIndex29() <= a.lastIndex29();
            assertThat(a.overlaps(b)).as("%s and %s", a, b).isEqualTo(intersect);
            assertThat(b.overlaps(a)).isEqualTo(intersect);
        }
    }

    @Test
    void childrenTileTheParentRange() {
        HatsPixel parent = new HatsPixel(3, 700);
        HatsPixel[] children = parent.children();
        assertThat(children[0].firstIndex29()).isEqualTo(parent.firstIndex29());
        assertThat(children[3].lastIndex29()).isEqualTo(parent.lastIndex29());
        for (int i = 1; i < 4; i++) {
            assertThat(children[i].firstIndex29()).isEqualTo(children[i - 1].lastIndex29() + 1);
        }
    }

    @Test
    void lastCellOfTheSphereEndsAtTheLastOrder29Index() {
        assertThat(new HatsPixel(0, 11).lastIndex29()).isEqualTo(HatsPixel.cellCount(29) - 1);
        assertThat(new HatsPixel(29, HatsPixel.cellCount(29) - 1).firstIndex29()).isEqualTo(HatsPixel.cellCount(29) - 1);
    }

    @Test
    void directoryIsPixelRoundedDownToTenThousands() {
        assertThat(new HatsPixel(5, 9_999).directory()).isEqualTo(0);
        assertThat(new HatsPixel(5, 10_000).directory()).isEqualTo(10_000);
        assertThat(new HatsPixel(5, 12_287).directory()).isEqualTo(10_000);
        assertThat(HatsPartition.relativePath(new HatsPixel(7, 123_456), ".parquet")).isEqualTo("Norder=7/Dir=120000/Npix=123456.parquet");
    }

    @Test
    void rejectsPixelsOutsideTheSphere() {
        assertThatThrownBy(() -> new HatsPixel(0, 12)).hasMessage("Expected pixel in [0, 12) at order 0. Actual: 12");
        assertThatThrownBy(() -> new HatsPixel(30, 0)).hasMessage("Expected order in [0, 29]. Actual: 30");
    }

    private static HatsPixel randomPixel(Random random) {
        int order = random.nextInt(8);
        return new HatsPixel(order, (long) (random.nextDouble() * HatsPixel.cellCount(order)));
    }
}
