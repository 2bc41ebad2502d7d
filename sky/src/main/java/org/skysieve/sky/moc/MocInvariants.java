package org.skysieve.sky.moc;

/**
 * The invariant of a normalised spatial MOC, checked: range bounds sorted, disjoint, not touching (merged), non-empty,
 * within [0, 12 * 4^29], and every bound a multiple of the size of a cell at the declared maximum order (so that no
 * cell finer than the maximum order is described). Every test of a MOC operation checks its result with it.
 */
public final class MocInvariants {
    private MocInvariants() {
    }

    /** @throws IllegalStateException naming the first violation */
    public static void check(SpatialMoc moc) {
        long[] bounds = moc.rangeBounds();
        int maxOrder = moc.maxOrder();
        if (maxOrder < 0 || maxOrder > SpatialMoc.MAX_ORDER) {
            throw new IllegalStateException("Expected a maximum order in [0, 29]. Actual: " + maxOrder);
        }
        long cell = 1L << (2 * (SpatialMoc.MAX_ORDER - maxOrder));
        if (bounds.length % 2 != 0) {
            throw new IllegalStateException("Expected an even number of bounds. Actual: " + bounds.length);
        }
        for (int i = 0; i < bounds.length; i++) {
            long bound = bounds[i];
            if (bound < 0 || bound > RangeAlgebra.SKY_END) {
                throw new IllegalStateException("Expected bound " + i + " in [0, 12 * 4^29]. Actual: " + bound);
            }
            if (bound % cell != 0) {
                throw new IllegalStateException("Expected bound " + i + " aligned on order-" + maxOrder + " cells. Actual: " + bound);
            }
            if (i > 0 && bound <= bounds[i - 1]) {
                throw new IllegalStateException("Expected strictly increasing bounds (ranges non-empty and merged). Actual: bound "
                        + i + " = " + bound + " after " + bounds[i - 1]);
            }
        }
    }
}
