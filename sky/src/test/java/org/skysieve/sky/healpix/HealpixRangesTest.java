package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Against brute force: a set of depth-3 cells and the depth-29 ranges made from it must answer alike. */
class HealpixRangesTest {
    @Test
    void queriesAgreeWithAPlainSetOfCells() {
        Random random = new Random(53);
        int depth = 3;
        int cellCount = (int) HealpixNested.cellCount(depth);
        for (int trial = 0; trial < 200; trial++) {
            TreeSet<Long> cells = new TreeSet<>();
            int wanted = random.nextInt(cellCount);
            while (cells.size() < wanted) {
                cells.add((long) random.nextInt(cellCount));
            }
            HealpixRanges ranges = HealpixRanges.ofCells(depth, cells.stream().mapToLong(Long::longValue).toArray());
            int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
            for (int i = 0; i < 2_000; i++) {
                long hash29 = (long) (random.nextDouble() * HealpixNested.cellCount(HealpixNested.MAX_DEPTH));
                assertThat(ranges.contains(hash29)).isEqualTo(cells.contains(hash29 >>> shift));
            }
            for (long cell = 0; cell < cellCount; cell++) {
                assertThat(ranges.containsCell(depth, cell)).isEqualTo(cells.contains(cell));
                assertThat(ranges.intersectsCell(depth, cell)).isEqualTo(cells.contains(cell));
            }
            for (long parent = 0; parent < HealpixNested.cellCount(depth - 1); parent++) {
                long first = parent << 2;
                boolean all = cells.containsAll(java.util.List.of(first, first + 1, first + 2, first + 3));
                boolean any = cells.subSet(first, first + 4).size() > 0;
                assertThat(ranges.containsCell(depth - 1, parent)).isEqualTo(all);
                assertThat(ranges.intersectsCell(depth - 1, parent)).isEqualTo(any);
            }
            assertThat(ranges.maxDepthCellCount()).isEqualTo((long) cells.size() << shift);
            for (int i = 1; i < ranges.rangeCount(); i++) {
                assertThat(ranges.start(i)).isGreaterThan(ranges.end(i - 1));
            }
        }
    }

    @Test
    void unionAndMergingGiveOneCanonicalForm() {
        HealpixRanges left = HealpixRanges.ofRanges(10, 20, 30, 40);
        HealpixRanges right = HealpixRanges.ofRanges(20, 30, 35, 50, 60, 60);
        assertThat(left.union(right)).isEqualTo(HealpixRanges.ofRanges(10, 50));
        assertThat(left.union(right).toArray()).containsExactly(10, 50);
        assertThat(HealpixRanges.ofCells(0, 0, 1, 2)).isEqualTo(HealpixRanges.ofRanges(0, 3L << 58));
        assertThat(HealpixRanges.empty().contains(0)).isFalse();
        assertThat(HealpixRanges.ofRanges(5, 5).isEmpty()).isTrue();
    }

    @Test
    void badRangesAreRejected() {
        assertThatThrownBy(() -> HealpixRanges.ofRanges(5, 4))
                .hasMessage("Expected 0 <= start <= end <= 3458764513820540928 for range 0. Actual: [5, 4)");
        assertThatThrownBy(() -> HealpixRanges.ofRanges(1, 2, 3))
                .hasMessage("Expected an even number of range bounds. Actual: 3");
        assertThatThrownBy(() -> HealpixRanges.ofCells(0, 12))
                .hasMessage("Expected hash in [0, 12) at depth 0. Actual: 12");
    }
}
