package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.hats.AdaptivePartitioner.PartitionCount;

/** The partitions are checked against their definition rather than against a list of examples. */
class AdaptivePartitionerTest {
    @Test
    void partitionsAreDisjointCompleteWithinTheLimitAndMinimal() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int highestOrder = 1 + random.nextInt(6);
            long maxRows = 1 + random.nextInt(200);
            TreeMap<Long, Long> counts = randomClusteredCounts(random, highestOrder);
            long[] cells = counts.keySet().stream().mapToLong(Long::longValue).toArray();
            long[] rows = counts.values().stream().mapToLong(Long::longValue).toArray();

            List<PartitionCount> partitions = AdaptivePartitioner.partition(highestOrder, cells, rows, maxRows);

            long total = 0;
            for (int i = 0; i < partitions.size(); i++) {
                PartitionCount partition = partitions.get(i);
                long expectedRows = rowsInside(counts, highestOrder, partition.pixel());
                assertThat(partition.rows()).isEqualTo(expectedRows).isPositive();
                assertThat(partition.rows() <= maxRows || partition.pixel().order() == highestOrder)
                        .as("%s holds %d rows > %d", partition.pixel(), partition.rows(), maxRows).isTrue();
                if (partition.pixel().order() > 0) {
                    HatsPixel parent = new HatsPixel(partition.pixel().order() - 1, partition.pixel().pixel() / 4);
                    assertThat(rowsInside(counts, highestOrder, parent)).as("parent of %s could have been the partition", partition.pixel())
                            .isGreaterThan(maxRows);
                }
                for (int j = i + 1; j < partitions.size(); j++) {
                    assertThat(partition.pixel().overlaps(partitions.get(j).pixel())).isFalse();
                }
                if (i > 0) {
                    assertThat(partitions.get(i - 1).pixel()).isLessThan(partition.pixel());
                }
                total += partition.rows();
            }
            assertThat(total).isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void smallSkyFitsInOneOrderZeroPartition() {
        // 131 rows all inside base cell 11: one partition Norder=0, Npix=11, as hats-import made it.
        long[] cells = {11L * 4 * 4 * 4 + 5};
        List<PartitionCount> partitions = AdaptivePartitioner.partition(3, cells, new long[] {131}, 1_000_000);
        assertThat(partitions).containsExactly(new PartitionCount(new HatsPixel(0, 11), 131));
    }

    @Test
    void noRowsNoPartitions() {
        assertThat(AdaptivePartitioner.partition(5, new long[0], new long[0], 10)).isEmpty();
    }

    private static TreeMap<Long, Long> randomClusteredCounts(Random random, int order) {
        TreeMap<Long, Long> counts = new TreeMap<>();
        long cellCount = HatsPixel.cellCount(order);
        int clusters = 1 + random.nextInt(4);
        for (int cluster = 0; cluster < clusters; cluster++) {
            long centre = (long) (random.nextDouble() * cellCount);
            int cellsInCluster = 1 + random.nextInt(50);
            for (int i = 0; i < cellsInCluster; i++) {
                long cell = Math.min(cellCount - 1, centre + random.nextInt(64));
                counts.merge(cell, 1L + random.nextInt(40), Long::sum);
            }
        }
        return counts;
    }

    private static long rowsInside(TreeMap<Long, Long> counts, int highestOrder, HatsPixel pixel) {
        int shift = 2 * (highestOrder - pixel.order());
        long first = pixel.pixel() << shift;
        long last = ((pixel.pixel() + 1) << shift) - 1;
        return counts.subMap(first, true, last, true).values().stream().mapToLong(Long::longValue).sum();
    }
}
