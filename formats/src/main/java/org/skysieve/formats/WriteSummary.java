package org.skysieve.formats;

/**
 * What a {@link TableWriter} wrote.
 *
 * @param rows     rows written, at most the limit
 * @param overflow true when the result had more rows than the limit (it was cut and marked so)
 */
public record WriteSummary(long rows, boolean overflow) {
    public WriteSummary {
        if (rows < 0) {
            throw new IllegalArgumentException("Expected rows >= 0. Actual: " + rows);
        }
    }
}
