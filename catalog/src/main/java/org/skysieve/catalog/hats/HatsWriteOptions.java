package org.skysieve.catalog.hats;

/**
 * How a HATS catalogue is partitioned.
 *
 * @param maxRowsPerPartition a partition holding more rows than this is split into its four children
 * @param highestOrder        the deepest partition order allowed, in [0, 29]
 * @param skymapOrder         order of the {@code skymap.fits} row-count map, in [0, 10] (the map is held in memory:
 *                            12 * 4^10 counts take 100 MB)
 */
public record HatsWriteOptions(long maxRowsPerPartition, int highestOrder, int skymapOrder) {
    public HatsWriteOptions {
        if (maxRowsPerPartition < 1) {
            throw new IllegalArgumentException("Expected maxRowsPerPartition >= 1. Actual: " + maxRowsPerPartition);
        }
        if (highestOrder < 0 || highestOrder > 29) {
            throw new IllegalArgumentException("Expected highestOrder in [0, 29]. Actual: " + highestOrder);
        }
        if (skymapOrder < 0 || skymapOrder > 10) {
            throw new IllegalArgumentException("Expected skymapOrder in [0, 10]. Actual: " + skymapOrder);
        }
    }

    public static HatsWriteOptions defaults() {
        return new HatsWriteOptions(1_000_000, 10, 8);
    }
}
