package org.skysieve.sky.moc;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * An IVOA MOC 2.0 spatial coverage (Multi-Order Coverage map, IVOA Recommendation 2022): a set of HEALPix NESTED cells
 * (ICRS) with a declared maximum order, the resolution at which it was made.
 *
 * <p>Invariant (checked by {@link MocInvariants}): the cells are held as sorted, disjoint, merged, half-open ranges of
 * depth-29 indices whose bounds are aligned on cells of the maximum order. Operations keep the invariant; binary
 * operations give the larger of the two maximum orders. Immutable (arrays copied in and out) and thread-safe;
 * {@code equals} compares the maximum order and the cells.
 *
 * <p>Glossary: "order" as in the MOC standard (HEALPix depth); {@code hash29} is a NESTED index at order 29.
 */
public final class SpatialMoc {
    /** The deepest order of a spatial MOC. */
    public static final int MAX_ORDER = HealpixNested.MAX_DEPTH;
    private static final double SQUARE_DEGREES_ON_SKY = 4 * Math.PI * Math.pow(180 / Math.PI, 2);

    private final int maxOrder;
    private final long[] bounds;

    private SpatialMoc(int maxOrder, long[] bounds) {
        this.maxOrder = maxOrder;
        this.bounds = bounds;
    }

    /** The empty MOC at {@code maxOrder}. */
    public static SpatialMoc empty(int maxOrder) {
        checkOrder("maxOrder", maxOrder);
        return new SpatialMoc(maxOrder, new long[0]);
    }

    /** The whole sky at {@code maxOrder}. */
    public static SpatialMoc fullSky(int maxOrder) {
        checkOrder("maxOrder", maxOrder);
        return new SpatialMoc(maxOrder, new long[] {0, RangeAlgebra.SKY_END});
    }

    /** The cells of {@code ranges}, degraded to {@code maxOrder} (a partly covered cell is included whole). */
    public static SpatialMoc of(int maxOrder, HealpixRanges ranges) {
        checkOrder("maxOrder", maxOrder);
        requireNonNull(ranges, "ranges is null");
        return new SpatialMoc(maxOrder, RangeAlgebra.degrade(ranges.toArray(), maxOrder));
    }

    /** The given cells at {@code order}, which is also the maximum order (any order of cells, duplicates allowed). */
    public static SpatialMoc ofCells(int order, long... hashes) {
        checkOrder("order", order);
        return new SpatialMoc(order, HealpixRanges.ofCells(order, hashes).toArray());
    }

    /**
     * The cells given as NUNIQ numbers ({@code 4 * 4^order + hash}), any order, duplicates and overlaps allowed.
     *
     * @throws IllegalArgumentException naming the first NUNIQ that is not valid or deeper than {@code maxOrder}
     */
    public static SpatialMoc ofUniq(int maxOrder, long... uniqs) {
        checkOrder("maxOrder", maxOrder);
        requireNonNull(uniqs, "uniqs is null");
        long[] pairs = new long[2 * uniqs.length];
        for (int i = 0; i < uniqs.length; i++) {
            long uniq = uniqs[i];
            if (uniq < 4) {
                throw new IllegalArgumentException("Expected a NUNIQ number >= 4 at index " + i + ". Actual: " + uniq);
            }
            int order = (63 - Long.numberOfLeadingZeros(uniq)) / 2 - 1;
            long hash = uniq - (4L << (2 * order));
            if (order > maxOrder) {
                throw new IllegalArgumentException("Expected cells of order at most " + maxOrder + " (the declared maximum order) at index "
                        + i + ". Actual: NUNIQ " + uniq + " is a cell of order " + order);
            }
            if (hash >= 12L << (2 * order)) {
                throw new IllegalArgumentException("Expected a NUNIQ number encoding a HEALPix cell at index " + i + ". Actual: "
                        + uniq + " (order " + order + ", index " + hash + " >= 12 * 4^" + order + ")");
            }
            int shift = 2 * (MAX_ORDER - order);
            pairs[2 * i] = hash << shift;
            pairs[2 * i + 1] = (hash + 1) << shift;
        }
        return new SpatialMoc(maxOrder, HealpixRanges.ofRanges(pairs).toArray());
    }

    /**
     * Cells given as depth-29 ranges {start0, end0, ...} (any order, overlaps allowed), degraded to {@code maxOrder}:
     * the MOC 2.0 RANGE serialisation.
     */
    public static SpatialMoc ofRangeBounds(int maxOrder, long... startEndPairs) {
        checkOrder("maxOrder", maxOrder);
        return new SpatialMoc(maxOrder, RangeAlgebra.degrade(HealpixRanges.ofRanges(startEndPairs).toArray(), maxOrder));
    }

    /** The declared maximum order, in [0, 29]. */
    public int maxOrder() {
        return maxOrder;
    }

    /** Whether no cell is covered. */
    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** The covered cells as depth-29 ranges. */
    public HealpixRanges toRanges() {
        return HealpixRanges.ofRanges(bounds);
    }

    /** The range bounds {start0, end0, start1, end1, ...} at depth 29 (a copy). */
    public long[] rangeBounds() {
        return bounds.clone();
    }

    /** The number of ranges. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    /** Whether the order-29 cell {@code hash29} is covered. */
    public boolean contains(long hash29) {
        int low = 0;
        int high = bounds.length / 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bounds[2 * middle + 1] <= hash29) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < bounds.length / 2 && bounds[2 * low] <= hash29;
    }

    /** Whether the point (degrees; RA any finite value, Dec in [-90, 90]) is in a covered cell. */
    public boolean containsPoint(double raDeg, double decDeg) {
        long hash = HealpixNested.hash(maxOrder, Math.toRadians(raDeg), Math.toRadians(decDeg));
        return contains(hash << (2 * (MAX_ORDER - maxOrder)));
    }

    /** The union, at the larger maximum order. */
    public SpatialMoc union(SpatialMoc other) {
        requireNonNull(other, "other is null");
        return new SpatialMoc(Math.max(maxOrder, other.maxOrder), RangeAlgebra.union(bounds, other.bounds));
    }

    /** The intersection, at the larger maximum order. */
    public SpatialMoc intersection(SpatialMoc other) {
        requireNonNull(other, "other is null");
        return new SpatialMoc(Math.max(maxOrder, other.maxOrder), RangeAlgebra.intersection(bounds, other.bounds));
    }

    /** The cells of this MOC not in {@code other}, at the larger maximum order. */
    public SpatialMoc difference(SpatialMoc other) {
        requireNonNull(other, "other is null");
        return new SpatialMoc(Math.max(maxOrder, other.maxOrder),
                RangeAlgebra.intersection(bounds, RangeAlgebra.complement(other.bounds)));
    }

    /** The rest of the sky, at the same maximum order. */
    public SpatialMoc complement() {
        return new SpatialMoc(maxOrder, RangeAlgebra.complement(bounds));
    }

    /** The smallest MOC at {@code order} that contains this one (partly covered cells become covered). */
    public SpatialMoc degrade(int order) {
        checkOrder("order", order);
        if (order >= maxOrder) {
            return this;
        }
        return new SpatialMoc(order, RangeAlgebra.degrade(bounds, order));
    }

    /** The share of the sky covered, in [0, 1]. */
    public double skyFraction() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            total += bounds[i + 1] - bounds[i];
        }
        // 12 * 4^29 does not fit exactly in a double's mantissa, but the ratio of two longs loses at most 1 ulp
        return (double) total / RangeAlgebra.SKY_END;
    }

    /** The area covered, square degrees. */
    public double areaSquareDeg() {
        return skyFraction() * SQUARE_DEGREES_ON_SKY;
    }

    /**
     * The cells of the normalised MOC (each range cut into the fewest cells, largest first) as NUNIQ numbers sorted by
     * order then index: the MOC 2.0 NUNIQ serialisation.
     */
    public long[] toUniq() {
        long[][] perOrder = cellsPerOrder();
        int count = 0;
        for (long[] cells : perOrder) {
            count += cells.length;
        }
        long[] uniqs = new long[count];
        int size = 0;
        for (int order = 0; order <= MAX_ORDER; order++) {
            for (long hash : perOrder[order]) {
                uniqs[size++] = (4L << (2 * order)) + hash;
            }
        }
        return uniqs;
    }

    /** For each order 0..29, the sorted NESTED indices of the normalised MOC's cells at that order. */
    public long[][] cellsPerOrder() {
        long[][] cells = new long[MAX_ORDER + 1][];
        int[] sizes = new int[MAX_ORDER + 1];
        for (int order = 0; order <= MAX_ORDER; order++) {
            cells[order] = new long[4];
        }
        for (int i = 0; i < bounds.length; i += 2) {
            long start = bounds[i];
            long end = bounds[i + 1];
            while (start < end) {
                for (int order = 0; order <= MAX_ORDER; order++) {
                    int shift = 2 * (MAX_ORDER - order);
                    long size = 1L << shift;
                    if ((start & (size - 1)) == 0 && start + size <= end) {
                        if (sizes[order] == cells[order].length) {
                            cells[order] = Arrays.copyOf(cells[order], 2 * cells[order].length);
                        }
                        cells[order][sizes[order]++] = start >>> shift;
                        start += size;
                        break;
                    }
                }
            }
        }
        for (int order = 0; order <= MAX_ORDER; order++) {
            cells[order] = Arrays.copyOf(cells[order], sizes[order]);
            Arrays.sort(cells[order]);
        }
        return cells;
    }

    /** The number of cells of the normalised MOC at each order 0..29. */
    public long[] cellCountPerOrder() {
        long[][] cells = cellsPerOrder();
        long[] counts = new long[MAX_ORDER + 1];
        for (int order = 0; order <= MAX_ORDER; order++) {
            counts[order] = cells[order].length;
        }
        return counts;
    }

    static void checkOrder(String name, int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Expected " + name + " in [0, 29]. Actual: " + order);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpatialMoc moc && moc.maxOrder == maxOrder && Arrays.equals(bounds, moc.bounds);
    }

    @Override
    public int hashCode() {
        return 31 * maxOrder + Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        String ascii = MocAscii.format(this);
        return "SpatialMoc[" + (ascii.length() > 200 ? ascii.substring(0, 200) + "..." : ascii) + "]";
    }
}
