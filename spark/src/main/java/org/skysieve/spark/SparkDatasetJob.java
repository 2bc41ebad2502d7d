package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.BuildTimes;
import org.skysieve.datasets.build.DatasetBuildException;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.build.DatasetManifest;
import org.skysieve.datasets.build.ShardJob;
import org.skysieve.datasets.build.ShardRange;
import org.skysieve.datasets.build.ShardRecord;
import org.skysieve.datasets.build.ShardTask;
import org.skysieve.datasets.build.ShardWriting;
import org.skysieve.datasets.plan.DatasetPlanner;
import org.skysieve.datasets.spec.DatasetSpec;

/**
 * A dataset spec (issue 7's: {@code skysieve dataset build}) built on Spark: the same {@link DatasetBuilder} plans the
 * rows on the driver (the spec checked first, every problem at once), its feature cross-matches run as Spark tasks,
 * one per survey partition ({@link SparkFeatureMatcher}), and finishes the dataset (dataset card, then
 * {@code manifest.json}); between the two, each shard still to write is one Spark task ({@link ShardTask#write}: the
 * shard's rows loaded from the plan saved in the output's work folder, its features Parquet and NumPy files, its
 * cutouts and mask tensors cut from the plates of the data folder), the tasks running in parallel. The driver collects
 * the shards' records (sizes, SHA-256, split and stamp status counts). The files are byte-identical to the
 * single-machine build's for the same spec and data.
 *
 * <p>Where files live: the data folder and the output folder are local paths that every executor sees at the same path
 * (one machine, or a shared file system such as NFS): DuckDB and the plate reader open files, not Hadoop URIs. A failed
 * task fails the build (after Spark's own retries) and leaves no manifest; the shards finished before are kept and a
 * build run again continues from the first one that is not. {@code cancelled} is asked before the shards' Spark job
 * starts; a running job is stopped with Spark's own means (its UI, {@code spark-submit --kill}).
 */
public final class SparkDatasetJob implements ShardWriting {
    private final SparkSession spark;

    public SparkDatasetJob(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /**
     * Builds {@code spec} on the data of {@code dataDirectory} into {@code outDirectory}, as
     * {@link DatasetBuilder#build(DatasetSpec, Path, Path, BuildProgress, BooleanSupplier)} does on one machine.
     *
     * @throws org.skysieve.datasets.spec.InvalidDatasetSpecException listing every problem of the spec, before any work
     */
    public static DatasetManifest run(SparkSession spark, DatasetSpec spec, Path dataDirectory, Path outDirectory,
            BuildProgress progress) throws IOException, SQLException {
        SparkFeatureMatcher features = new SparkFeatureMatcher(spark);
        return new DatasetBuilder((planned, data, work, planProgress) -> DatasetPlanner.plan(planned, data, work,
                planProgress, features), new SparkDatasetJob(spark)).build(spec, dataDirectory, outDirectory, progress,
                () -> false, new BuildTimes());
    }

    @Override
    public List<ShardRecord> write(ShardJob job, BuildProgress progress, BooleanSupplier cancelled) {
        if (job.shards().isEmpty()) {
            return List.of();
        }
        if (cancelled.getAsBoolean()) {
            throw new DatasetBuildException(DatasetBuildException.Reason.CANCELLED, "The build of " + job.spec().name()
                    + " was cancelled");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // the task's share of the executor's cores cuts its stamps (the bytes do not depend on the thread count)
        int cutoutThreads = Math.max(1, spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
        context.setJobDescription("skysieve dataset " + job.spec().name() + ": " + job.shards().size() + " shards");
        progress.stage("shards", job.shardCount() - job.shards().size(), job.shardCount());
        List<String> written = context.parallelize(job.shards(), job.shards().size())
                .map(shardWriter(job.dataDirectory().toString(), job.outDirectory().toString(), cutoutThreads))
                .collect();
        List<ShardRecord> records = new ArrayList<>();
        for (String json : written) {
            try {
                records.add(SurveyJson.mapper().readValue(json, ShardRecord.class));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read a shard's record sent by its task: " + e.getMessage(), e);
            }
        }
        for (int k = 0; k < records.size(); k++) {
            if (records.get(k).index() != job.shards().get(k).index()) {
                throw new IllegalStateException("Expected the record of shard " + job.shards().get(k).index()
                        + " in place " + k + ". Actual: shard " + records.get(k).index());
            }
        }
        progress.stage("shards", job.shardCount(), job.shardCount());
        return records;
    }

    /** What a task runs (static: the function carries the two folders and the thread count only). */
    private static org.apache.spark.api.java.function.Function<ShardRange, String> shardWriter(String dataDirectory,
            String outDirectory, int cutoutThreads) {
        return range -> SurveyJson.toJson(ShardTask.write(Path.of(dataDirectory), Path.of(outDirectory), range, cutoutThreads));
    }
}
