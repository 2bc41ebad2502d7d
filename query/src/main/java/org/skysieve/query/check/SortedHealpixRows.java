package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

/**
 * The HEALPix index values ({@code _healpix_29}) of an in-memory copy by row number, sorted: value i is the one of
 * DuckDB's row {@code rowid = i}. A range of index values is then a range of row numbers, found by binary search, which
 * the SQL can give as {@code rowid BETWEEN ? AND ?} parameters (the same SQL text for every cone of one shape).
 *
 * <p>Immutable and thread-safe (the array is never handed out). 8 bytes per row on the Java heap.
 */
public final class SortedHealpixRows {
    private final long[] valuesByRow;

    private SortedHealpixRows(long[] valuesByRow) {
        this.valuesByRow = valuesByRow;
    }

    /**
     * Takes {@code valuesByRow} (not copied: the caller gives it up).
     *
     * @throws IllegalArgumentException when the values are not in non-decreasing order, naming the first row out of order
     */
    public static SortedHealpixRows of(long[] valuesByRow) {
        requireNonNull(valuesByRow, "valuesByRow is null");
        for (int row = 1; row < valuesByRow.length; row++) {
            if (valuesByRow[row] < valuesByRow[row - 1]) {
                throw new IllegalArgumentException("Expected HEALPix values in non-decreasing row order. Actual: row " + row + " has "
                        + valuesByRow[row] + " after " + valuesByRow[row - 1]);
            }
        }
        return new SortedHealpixRows(valuesByRow);
    }

    public long rowCount() {
        return valuesByRow.length;
    }

    /** The memory the values take on the heap, in bytes. */
    public long bytes() {
        return 8L * valuesByRow.length;
    }

    /** The first row whose value is at least {@code value}; {@link #rowCount()} when none is. */
    public long firstRowAtLeast(long value) {
        int low = 0;
        int high = valuesByRow.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (valuesByRow[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The rows whose value is in {@code [firstValue, lastValue]} (both inclusive), as {@code {firstRow, lastRow}} (both
     * inclusive); {@code firstRow > lastRow} when no row is (so {@code rowid BETWEEN firstRow AND lastRow} keeps none).
     */
    public long[] rowRange(long firstValue, long lastValue) {
        long firstRow = firstRowAtLeast(firstValue);
        long lastRow = lastValue == Long.MAX_VALUE ? valuesByRow.length - 1 : firstRowAtLeast(lastValue + 1) - 1;
        return new long[] {firstRow, lastRow};
    }
}
