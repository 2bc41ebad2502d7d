package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.images.CutoutService;
import org.skysieve.images.PlateIndex;

/**
 * Writes one shard of a build on its own, in any process that sees the data folder and the dataset folder at the
 * given paths (a Spark executor): reads the plan the build saved in the work folder ({@code OUT/.skysieve-build}),
 * loads only the shard's rows (into a DuckDB file in a temporary folder of this machine), writes the shard's files as
 * the single-machine build does ({@link ShardWriter}: the same bytes), moves them into the dataset folder and saves the
 * shard's record beside the plan. Shards may be written at once by different processes or threads (each writes only
 * its own files); the plan must not change meanwhile (the build made it before any shard).
 */
public final class ShardTask {
    private ShardTask() {
    }

    /**
     * @param dataDirectory  the archive's data folder (plates are read from it)
     * @param outDirectory   the dataset folder whose build saved its plan
     * @param range          the shard's rows
     * @param cutoutThreads  threads cutting its stamps (at least 1)
     * @return its record, also saved in the work folder
     */
    public static ShardRecord write(Path dataDirectory, Path outDirectory, ShardRange range, int cutoutThreads)
            throws IOException, SQLException {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(outDirectory, "outDirectory is null");
        requireNonNull(range, "range is null");
        WorkFolder work = WorkFolder.existing(outDirectory.toAbsolutePath().normalize());
        SavedPlan saved = SavedPlan.read(work.planFile());
        if (saved == null) {
            throw new DatasetBuildException(DatasetBuildException.Reason.PLAN_CONTRACT, "Expected the saved plan "
                    + work.planFile() + " to write shard " + range.index() + ". Actual: absent or unreadable");
        }
        PlannedDataset planned = saved.planned(work.planFile().getParent());
        // the spec as the build saved it with its plan: the dataset's name and its cutouts
        DatasetSpec spec = DatasetSpecs.parse(saved.specText(), work.planFile().toString(), outDirectory);
        CutoutService service = spec.cutouts().isPresent()
                ? new CutoutService(PlateIndex.open(dataDirectory), CutoutService.DEFAULT_MAX_SIDE_PIXELS) : null;
        Path scratch = Files.createTempDirectory("skysieve-shard-" + ShardRecord.number(range.index()) + "-");
        try (PlannedRows rows = new PlannedRows(planned, scratch.resolve("rows.duckdb"), range.firstRow(), range.rowCount())) {
            ShardRecord record = new ShardWriter(spec.name(), rows, spec.cutouts(), service, new BuildTimes(), cutoutThreads)
                    .write(work, range.index(), range.firstRow(), range.rowCount(), BuildProgress.none(), range.firstRow(),
                            planned.rowCount(), () -> false);
            work.saveShard(record);
            return record;
        } finally {
            WorkFolder.deleteTree(scratch);
        }
    }
}
