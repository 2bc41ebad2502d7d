package org.skysieve.datasets.build;

import java.io.Serializable;

/**
 * The rows of one shard: shard {@code index} holds planned rows {@code [firstRow, firstRow + rowCount)}. Serializable,
 * so that it can be sent to where the shard is written (a Spark executor).
 *
 * @param index     the shard number, from 0
 * @param firstRow  its first row in dataset order (0-based)
 * @param rowCount  its number of rows, at least 1
 */
public record ShardRange(int index, long firstRow, int rowCount) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShardRange {
        if (index < 0 || firstRow < 0 || rowCount < 1) {
            throw new IllegalArgumentException("Expected index >= 0, firstRow >= 0 and rowCount >= 1. Actual: " + index
                    + ", " + firstRow + ", " + rowCount);
        }
    }
}
