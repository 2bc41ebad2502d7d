/**
 * ML datasets built in place: a declarative spec in; sharded Parquet features, NumPy cutout tensors, a manifest and a
 * dataset card out.
 *
 * <p>The build runs in three steps, each in its own package:
 * <ol>
 *   <li>{@code spec}: the spec (YAML or JSON) read into {@link org.skysieve.datasets.spec.DatasetSpec} and checked
 *       against the published surveys; every problem is listed before any work starts.</li>
 *   <li>{@code plan}: the objects selected, their features gathered from every survey (cross-match or precomputed
 *       neighbours), derived columns, statuses, labels, balancing and the spatial split, written as one
 *       {@link org.skysieve.datasets.plan.PlannedDataset}: a Parquet file of the final rows in dataset order.</li>
 *   <li>{@code build}: the planned rows cut into shards of features, cutouts and masks, with a manifest that records
 *       the spec, the data versions, the counts and the checksum of every file; resumable shard by shard and
 *       deterministic (the same spec on the same data gives the same bytes).</li>
 * </ol>
 */
package org.skysieve.datasets;
