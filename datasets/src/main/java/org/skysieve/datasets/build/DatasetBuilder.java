package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.skysieve.datasets.plan.DatasetPlanner;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;

/**
 * Builds a dataset folder from a checked spec: plans the rows, cuts them into shards ({@code features-XXXX.parquet},
 * {@code cutouts-XXXX.npy}, {@code mask-XXXX.npy}), then writes the dataset card {@code README.md} and, last,
 * {@code manifest.json}. A folder without a manifest is not a finished dataset.
 *
 * <p>Resumable: the plan and each finished shard are recorded in the hidden work folder {@code OUT/.skysieve-build};
 * a build into a folder holding an unfinished build reuses the saved plan when the spec text and the data are unchanged
 * (else plans again) and every finished shard whose files still have their recorded size and SHA-256, and continues
 * from the first shard that is not. Deterministic: the same spec on the same data gives the same bytes in every file
 * (no time stamps; Parquet written on one DuckDB thread; cutouts in row order whatever the thread count).
 *
 * <p>Cancelling ({@code cancelled} returns true; asked between shards and between cutout chunks) stops the build with
 * a {@link DatasetBuildException} of reason {@code CANCELLED}; any failure leaves no manifest. Blocking; runs on the
 * calling thread (plus the cutout workers). Two builds must not share an output folder at the same time.
 */
public final class DatasetBuilder {
    /** The planning step: spec and data in, the planned rows (in {@code workFolder}) out. */
    @FunctionalInterface
    public interface Planner {
        PlannedDataset plan(DatasetSpec spec, Path dataDirectory, Path workFolder, BuildProgress progress)
                throws IOException, SQLException;
    }

    private final Planner planner;
    private final ShardWriting shardWriting;

    /** A builder writing its shards one after the other in this process. */
    public DatasetBuilder(Planner planner) {
        this(planner, new SequentialShards());
    }

    /**
     * A builder writing its shards with {@code shardWriting} (e.g. in parallel on Spark); planning, reusing finished
     * shards and finishing (dataset card, manifest) are the same whatever the way.
     */
    public DatasetBuilder(Planner planner, ShardWriting shardWriting) {
        this.planner = requireNonNull(planner, "planner is null");
        this.shardWriting = requireNonNull(shardWriting, "shardWriting is null");
    }

    /**
     * Builds {@code spec} on the data of {@code dataDirectory} into {@code outDirectory} with {@link DatasetPlanner}.
     * An invalid spec fails in planning with an {@link org.skysieve.datasets.spec.InvalidDatasetSpecException} listing
     * every problem, before any shard is written.
     *
     * @param outDirectory  absent, empty, a dataset (replaced) or an unfinished build (continued)
     * @param progress      told the stage and how far it is
     * @param cancelled     asked often; true stops the build (reason {@code CANCELLED})
     * @return what was written
     */
    public static DatasetManifest build(DatasetSpec spec, Path dataDirectory, Path outDirectory, BuildProgress progress,
            BooleanSupplier cancelled) throws IOException, SQLException {
        return new DatasetBuilder(DatasetPlanner::plan).build(spec, dataDirectory, outDirectory, progress,
                cancelled, new BuildTimes());
    }

    /** Builds as {@link #build(DatasetSpec, Path, Path, BuildProgress, BooleanSupplier)}, adding its times to {@code times}. */
    public DatasetManifest build(DatasetSpec spec, Path givenDataDirectory, Path givenOutDirectory, BuildProgress progress,
            BooleanSupplier cancelled, BuildTimes times) throws IOException, SQLException {
        requireNonNull(spec, "spec is null");
        requireNonNull(givenDataDirectory, "dataDirectory is null");
        requireNonNull(givenOutDirectory, "outDirectory is null");
        // Absolute from here on: the planner's files are absolute, and a relative folder (the server's under
        // `skysieve demo`, data in demo-data) cannot be related to them.
        Path dataDirectory = givenDataDirectory.toAbsolutePath().normalize();
        Path outDirectory = givenOutDirectory.toAbsolutePath().normalize();
        requireNonNull(progress, "progress is null");
        requireNonNull(cancelled, "cancelled is null");
        requireNonNull(times, "times is null");
        boolean created = !Files.exists(outDirectory);
        WorkFolder work = WorkFolder.open(outDirectory);
        long started = System.nanoTime();
        PlannedDataset planned;
        try {
            planned = plan(spec, dataDirectory, work, progress);
        } catch (IOException | SQLException | RuntimeException e) {
            // nothing of the former dataset (if any) was touched: leave it as it was
            work.abandon(created);
            throw e;
        }
        times.addPlan(System.nanoTime() - started);
        work.unfinish();
        checkCancelled(cancelled, spec);
        int shardRows = spec.output().shardRows();
        int shardCount = (int) ((planned.rowCount() + shardRows - 1) / shardRows);
        List<ShardRecord> shards = new ArrayList<>();
        List<ShardRange> remaining = new ArrayList<>();
        for (int index = 0; index < shardCount; index++) {
            long firstRow = (long) index * shardRows;
            int rowCount = (int) Math.min(shardRows, planned.rowCount() - firstRow);
            if (remaining.isEmpty()) {
                long checkStarted = System.nanoTime();
                ShardRecord saved = finishedShard(work, index, firstRow, rowCount);
                times.addWrite(System.nanoTime() - checkStarted);
                if (saved != null) {
                    shards.add(saved);
                    progress.stage("shards", index + 1, shardCount);
                    continue;
                }
                work.forgetShardsFrom(index);
            }
            remaining.add(new ShardRange(index, firstRow, rowCount));
        }
        shards.addAll(shardWriting.write(new ShardJob(spec, dataDirectory, outDirectory, planned, shardCount, remaining,
                times), progress, cancelled));
        checkCancelled(cancelled, spec);
        started = System.nanoTime();
        DatasetManifest manifest = finish(spec, planned, shards, work);
        times.addWrite(System.nanoTime() - started);
        return manifest;
    }

    private PlannedDataset plan(DatasetSpec spec, Path dataDirectory, WorkFolder work, BuildProgress progress)
            throws IOException, SQLException {
        SavedPlan saved = SavedPlan.read(work.planFile());
        if (saved != null && saved.specText().equals(spec.text())
                && saved.dataFingerprint().equals(DataFingerprint.of(dataDirectory, surveysRead(saved.surveyVersions(), spec)))
                && saved.rows().matches(work.planFile().resolveSibling(saved.rowsFile()).getParent())) {
            progress.stage("plan", 1, 1);
            return saved.planned(work.planFile().getParent());
        }
        work.clear();
        progress.stage("plan", 0, 1);
        PlannedDataset planned = planner.plan(spec, dataDirectory, work.planFolder(), progress);
        Path workRoot = work.planFile().getParent();
        String fingerprint = DataFingerprint.of(dataDirectory, surveysRead(planned.surveyVersions(), spec));
        SavedPlan.of(planned, spec.text(), fingerprint, workRoot).write(work.planFile());
        progress.stage("plan", 1, 1);
        return planned;
    }

    private static TreeSet<String> surveysRead(Map<String, String> surveyVersions, DatasetSpec spec) {
        TreeSet<String> surveys = new TreeSet<>(surveyVersions.keySet());
        spec.cutouts().ifPresent(cutouts -> surveys.add(cutouts.survey()));
        return surveys;
    }

    /** The saved record of shard {@code index} when it covers these rows and its files are intact, else null. */
    private static ShardRecord finishedShard(WorkFolder work, int index, long firstRow, int rowCount) throws IOException {
        ShardRecord saved = work.readShard(index);
        if (saved == null || saved.firstRow() != firstRow || saved.rowCount() != rowCount) {
            return null;
        }
        for (FileChecksum file : saved.files()) {
            if (!file.matches(work.out())) {
                return null;
            }
        }
        return saved;
    }

    private static DatasetManifest finish(DatasetSpec spec, PlannedDataset planned, List<ShardRecord> shards,
            WorkFolder work) throws IOException {
        Map<String, Map<String, Long>> stampCounts = new HashMap<>();
        for (ShardRecord shard : shards) {
            shard.cutoutStatusCounts().forEach((band, counts) -> counts.forEach((status, count) ->
                    stampCounts.computeIfAbsent(band, key -> new HashMap<>()).merge(status, count, Long::sum)));
        }
        List<String> keep = new ArrayList<>();
        shards.forEach(shard -> shard.files().forEach(file -> keep.add(file.name())));
        keep.add(DatasetManifest.CARD_NAME);
        work.deleteOtherDatasetFiles(keep);
        DatasetManifest draft = new DatasetManifest(work.out(), spec.name(), spec.text(), CodeVersion.current(),
                planned.surveyVersions(), planned.rowCount(), spec.output().shardRows(), planned.columns(),
                spec.cutouts(), planned.rowsPerSplit(), planned.statusCounts(), stampCounts, shards,
                new FileChecksum(DatasetManifest.CARD_NAME, 0, "0".repeat(64)));
        FileChecksum card = work.publish(DatasetManifest.CARD_NAME, DatasetCard.text(draft));
        DatasetManifest manifest = new DatasetManifest(draft.folder(), draft.name(), draft.specText(),
                draft.codeVersion(), draft.surveyVersions(), draft.rowCount(), draft.shardRows(), draft.columns(),
                draft.cutouts(), draft.rowsPerSplit(), draft.statusCounts(), draft.cutoutStatusCounts(), draft.shards(),
                card);
        work.publish(DatasetManifest.FILE_NAME, ManifestJson.text(manifest));
        work.delete();
        return manifest;
    }

    static void checkCancelled(BooleanSupplier cancelled, DatasetSpec spec) {
        if (cancelled.getAsBoolean()) {
            throw new DatasetBuildException(DatasetBuildException.Reason.CANCELLED, "The build of " + spec.name()
                    + " was cancelled");
        }
    }
}
