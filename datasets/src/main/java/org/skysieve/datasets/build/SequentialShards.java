package org.skysieve.datasets.build;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.skysieve.images.CutoutService;
import org.skysieve.images.PlateIndex;

/**
 * The single-machine way to write shards: one after the other on the calling thread, cut from the planned rows loaded
 * once into the work folder's DuckDB file, each shard's stamps cut on every core. Cancelling is asked before each shard
 * and between cutout chunks.
 */
final class SequentialShards implements ShardWriting {
    @Override
    public List<ShardRecord> write(ShardJob job, BuildProgress progress, BooleanSupplier cancelled)
            throws IOException, SQLException {
        List<ShardRecord> records = new ArrayList<>();
        if (job.shards().isEmpty()) {
            return records;
        }
        WorkFolder work = WorkFolder.existing(job.outDirectory());
        CutoutService service = job.spec().cutouts().isPresent()
                ? new CutoutService(PlateIndex.open(job.dataDirectory()), CutoutService.DEFAULT_MAX_SIDE_PIXELS) : null;
        long totalRows = job.planned().rowCount();
        try (PlannedRows rows = new PlannedRows(job.planned(), work.rowsDatabase())) {
            ShardWriter writer = new ShardWriter(job.spec().name(), rows, job.spec().cutouts(), service, job.times(),
                    Runtime.getRuntime().availableProcessors());
            for (ShardRange range : job.shards()) {
                DatasetBuilder.checkCancelled(cancelled, job.spec());
                ShardRecord record = writer.write(work, range.index(), range.firstRow(), range.rowCount(), progress,
                        range.firstRow(), totalRows, cancelled);
                work.saveShard(record);
                records.add(record);
                progress.stage("shards", range.index() + 1, job.shardCount());
            }
        }
        return records;
    }
}
