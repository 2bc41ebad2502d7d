package org.skysieve.catalog.hats;

import java.util.Comparator;

/**
 * One HEALPix NESTED cell that a HATS partition covers: {@code Norder=order}, {@code Npix=pixel}.
 *
 * <p>Invariant: order in [0, 29] and pixel in [0, 12 * 4^order). Cells sort by order, then pixel
 * (the order of {@code partition_info.csv}).
 *
 * @param order HEALPix depth of the cell
 * @param pixel NESTED index of the cell at that depth
 */
public record HatsPixel(int order, long pixel) implements Comparable<HatsPixel> {
    /** The depth of the {@code _healpix_29} index column. */
    public static final int INDEX_ORDER = 29;

    private static final Comparator<HatsPixel> ORDERING =
            Comparator.comparingInt(HatsPixel::order).thenComparingLong(HatsPixel::pixel);

    public HatsPixel {
        if (order < 0 || order > INDEX_ORDER) {
            throw new IllegalArgumentException("Expected order in [0, 29]. Actual: " + order);
        }
        if (pixel < 0 || pixel >= cellCount(order)) {
            throw new IllegalArgumentException("Expected pixel in [0, " + cellCount(order) + ") at order " + order + ". Actual: " + pixel);
        }
    }

    /** The number of cells covering the sphere at {@code order}: 12 * 4^order. */
    public static long cellCount(int order) {
        return 12L << (2 * order);
    }

    /** The {@code Dir=} folder of the partition: pixel / 10000 * 10000. */
    public long directory() {
        return pixel / 10_000 * 10_000;
    }

    /** The first order-29 index inside this cell. */
    public long firstIndex29() {
        return pixel << (2 * (INDEX_ORDER - order));
    }

    /** The last order-29 index inside this cell (inclusive). */
    public long lastIndex29() {
        return ((pixel + 1) << (2 * (INDEX_ORDER - order))) - 1;
    }

    /** The cell at {@code order} that contains the order-29 {@code index}. */
    public static HatsPixel containing(int order, long index29) {
        if (index29 < 0 || index29 >= cellCount(INDEX_ORDER)) {
            throw new IllegalArgumentException("Expected an order-29 index in [0, " + cellCount(INDEX_ORDER) + "). Actual: " + index29);
        }
        return new HatsPixel(order, index29 >>> (2 * (INDEX_ORDER - order)));
    }

    /** Whether the two cells share area: one contains the other (or they are equal). */
    public boolean overlaps(HatsPixel other) {
        int common = Math.min(order, other.order);
        return (pixel >>> (2 * (order - common))) == (other.pixel >>> (2 * (other.order - common)));
    }

    /** The four cells one order deeper. Requires order < 29. */
    public HatsPixel[] children() {
        if (order == INDEX_ORDER) {
            throw new IllegalStateException("A cell at order 29 has no children");
        }
        HatsPixel[] children = new HatsPixel[4];
        for (int i = 0; i < 4; i++) {
            children[i] = new HatsPixel(order + 1, pixel * 4 + i);
        }
        return children;
    }

    /** The fraction of the sphere this cell covers: 1 / (12 * 4^order). */
    public double skyFraction() {
        return 1.0 / cellCount(order);
    }

    @Override
    public int compareTo(HatsPixel other) {
        return ORDERING.compare(this, other);
    }

    @Override
    public String toString() {
        return "Norder=" + order + "/Npix=" + pixel;
    }
}
