package org.skysieve.datasets.build;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How a {@link DatasetBuilder} writes the shards it still needs once the rows are planned: one after the other in
 * this process (the default), or each on its own, in parallel, elsewhere (the Spark job of the {@code spark} module,
 * each task calling {@link ShardTask#write}). Whatever the way, each shard's files are the same bytes.
 */
@FunctionalInterface
public interface ShardWriting {
    /**
     * Writes every shard of {@code job.shards()} into the dataset folder and saves each one's record in the build's
     * work folder as it finishes (so that an interrupted build continues from it; {@link ShardTask#write} does both).
     *
     * @return the records of {@code job.shards()}, in the same order
     */
    List<ShardRecord> write(ShardJob job, BuildProgress progress, BooleanSupplier cancelled) throws IOException, SQLException;
}
