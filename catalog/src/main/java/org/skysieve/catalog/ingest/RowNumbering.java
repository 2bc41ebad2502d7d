package org.skysieve.catalog.ingest;

import java.util.Arrays;

/**
 * Turns the position of a row among the rows a reader accepted into its data row in the file, given the data
 * rows the reader left out (sorted, 1-based).
 */
record RowNumbering(long[] leftOutRows) {
    RowNumbering {
        leftOutRows = leftOutRows.clone();
        Arrays.sort(leftOutRows);
    }

    static RowNumbering identity() {
        return new RowNumbering(new long[0]);
    }

    /** The 1-based data row of the {@code position}-th (1-based) accepted row. */
    long dataRow(long position) {
        long row = position;
        for (long leftOut : leftOutRows) {
            if (leftOut <= row) {
                row++;
            } else {
                break;
            }
        }
        return row;
    }
}
