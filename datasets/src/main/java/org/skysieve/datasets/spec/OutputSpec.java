package org.skysieve.datasets.spec;

/**
 * How a dataset is cut into files.
 *
 * @param shardRows  objects per shard (the last shard may hold fewer); at least 1
 */
public record OutputSpec(int shardRows) {
}
