package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;

/**
 * The shards a build still has to write, with what writing them needs. The plan is saved in the work folder of
 * {@code outDirectory} by then, so that a shard can be written anywhere both folders can be read and written
 * ({@link ShardTask#write}).
 *
 * @param spec           the spec being built
 * @param dataDirectory  the archive's data folder (absolute)
 * @param outDirectory   the dataset folder (absolute)
 * @param planned        the planned rows
 * @param shardCount     shards of the dataset in all (some may be finished already)
 * @param shards         the shards to write, in index order
 * @param times          where the single-machine writer adds its times (features, cutouts, write)
 */
public record ShardJob(DatasetSpec spec, Path dataDirectory, Path outDirectory, PlannedDataset planned, int shardCount,
        List<ShardRange> shards, BuildTimes times) {
    public ShardJob {
        requireNonNull(spec, "spec is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(outDirectory, "outDirectory is null");
        requireNonNull(planned, "planned is null");
        shards = List.copyOf(requireNonNull(shards, "shards is null"));
        requireNonNull(times, "times is null");
    }
}
