package org.skysieve.sky.moc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SkySampling;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * The range operations agree with a brute-force implementation: a MOC at order 3 (768 cells) as a bit set of cells,
 * on seeded random MOCs built from cells of mixed orders. Every result passes {@link MocInvariants}.
 */
class SpatialMocAlgebraTest {
    private static final int ORDER = 3;
    private static final int CELLS = 12 << (2 * ORDER);

    @Test
    void operationsAgreeWithSetsOfCells() {
        Random random = new Random(20261124);
        for (int trial = 0; trial < 300; trial++) {
            BitSet leftCells = new BitSet(CELLS);
            BitSet rightCells = new BitSet(CELLS);
            SpatialMoc left = randomMoc(random, leftCells);
            SpatialMoc right = randomMoc(random, rightCells);
            assertAgrees(left, leftCells);
            assertAgrees(right, rightCells);

            BitSet union = (BitSet) leftCells.clone();
            union.or(rightCells);
            assertAgrees(left.union(right), union);
            BitSet intersection = (BitSet) leftCells.clone();
            intersection.and(rightCells);
            assertAgrees(left.intersection(right), intersection);
            BitSet difference = (BitSet) leftCells.clone();
            difference.andNot(rightCells);
            assertAgrees(left.difference(right), difference);
            BitSet complement = (BitSet) leftCells.clone();
            complement.flip(0, CELLS);
            assertAgrees(left.complement(), complement);

            int coarse = random.nextInt(ORDER + 1);
            BitSet degraded = new BitSet(CELLS);
            int factor = 1 << (2 * (ORDER - coarse));
            for (int cell = leftCells.nextSetBit(0); cell >= 0; cell = leftCells.nextSetBit(cell + 1)) {
                degraded.set(cell / factor * factor, cell / factor * factor + factor);
            }
            SpatialMoc degradedMoc = left.degrade(coarse);
            MocInvariants.check(degradedMoc);
            assertThat(degradedMoc.maxOrder()).isEqualTo(coarse);
            assertAgrees(SpatialMoc.of(ORDER, degradedMoc.toRanges()), degraded);
        }
    }

    @Test
    void cellCountsSkyFractionAndPointsAgreeWithCells() {
        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            BitSet cells = new BitSet(CELLS);
            SpatialMoc moc = randomMoc(random, cells);
            assertThat(moc.skyFraction()).isCloseTo((double) cells.cardinality() / CELLS, org.assertj.core.data.Offset.offset(1e-15));
            long[] counts = moc.cellCountPerOrder();
            long finest = 0;
            for (int order = 0; order <= ORDER; order++) {
                finest += counts[order] << (2 * (ORDER - order));
            }
            assertThat(finest).isEqualTo(cells.cardinality());
            // NUNIQ cells are the fewest: no four siblings at one order
            long[][] perOrder = moc.cellsPerOrder();
            for (int order = 1; order <= ORDER; order++) {
                for (int i = 0; i + 3 < perOrder[order].length; i++) {
                    boolean siblings = perOrder[order][i] % 4 == 0 && perOrder[order][i + 3] == perOrder[order][i] + 3;
                    assertThat(siblings).as("four siblings at order %d from %d", order, perOrder[order][i]).isFalse();
                }
            }
            for (int p = 0; p < 50; p++) {
                LonLat point = SkySampling.uniform(random);
                long cell = HealpixNested.hash(ORDER, point.lonRad(), point.latRad());
                assertThat(moc.containsPoint(point.lonDeg(), point.latDeg())).isEqualTo(cells.get((int) cell));
            }
        }
    }

    @Test
    void emptyAndFullSky() {
        MocInvariants.check(SpatialMoc.empty(5));
        MocInvariants.check(SpatialMoc.fullSky(5));
        assertThat(SpatialMoc.empty(5).complement()).isEqualTo(SpatialMoc.fullSky(5));
        assertThat(SpatialMoc.fullSky(0).skyFraction()).isEqualTo(1.0);
        assertThat(SpatialMoc.fullSky(7).toUniq()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(MocAscii.format(SpatialMoc.empty(9))).isEqualTo("9/");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> SpatialMoc.empty(30)).hasMessage("Expected maxOrder in [0, 29]. Actual: 30");
        assertThatThrownBy(() -> SpatialMoc.ofUniq(3, 4 * 16 * 16 + 5))
                .hasMessageContaining("Expected cells of order at most 3").hasMessageContaining("order 4");
        assertThatThrownBy(() -> SpatialMoc.ofUniq(3, 2)).hasMessageContaining("Expected a NUNIQ number >= 4 at index 0");
    }

    /** Cells of mixed orders 0..3 (a few big, many small), recorded at order 3 in {@code cells}. */
    static SpatialMoc randomMoc(Random random, BitSet cells) {
        int count = random.nextInt(40);
        long[] uniqs = new long[count];
        for (int i = 0; i < count; i++) {
            int order = random.nextInt(10) == 0 ? random.nextInt(2) : 1 + random.nextInt(ORDER);
            long hash = random.nextLong(12L << (2 * order));
            uniqs[i] = (4L << (2 * order)) + hash;
            int factor = 1 << (2 * (ORDER - order));
            cells.set((int) hash * factor, (int) hash * factor + factor);
        }
        return SpatialMoc.ofUniq(ORDER, uniqs);
    }

    static void assertAgrees(SpatialMoc moc, BitSet cells) {
        MocInvariants.check(moc);
        BitSet actual = new BitSet(CELLS);
        for (int cell = 0; cell < CELLS; cell++) {
            if (moc.contains((long) cell << (2 * (29 - ORDER)))) {
                actual.set(cell);
            }
            // a cell is all in or all out: its last depth-29 descendant agrees with its first
            assertThat(moc.contains((((long) cell + 1) << (2 * (29 - ORDER))) - 1)).isEqualTo(actual.get(cell));
        }
        assertThat(actual).isEqualTo(cells);
    }
}
