package org.skysieve.server.datasets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.ObjectCount;

/**
 * What {@code /datasets} asks of the dataset library: read and check a spec, then build the dataset it describes. The
 * server's one implementation runs the library over the served archive; tests of the HTTP layer may give their own.
 * Implementations are thread-safe (several builds may run at once, each on its own thread).
 */
public interface DatasetEngine {
    /**
     * Reads the spec in {@code specFile} (YAML or JSON; relative upload paths resolve against its folder) and checks it
     * against the archive, before any work starts.
     *
     * @throws RuntimeException listing every problem when the spec is invalid ({@code ErrorResponses} answers 400)
     */
    DatasetSpec read(Path specFile);

    /**
     * How many objects the checked {@code spec} (read from {@code specFile} by {@link #read}) selects, where that is
     * cheap to find before any work: the upload's rows, the query's TOP within {@code limit}, else the query's rows
     * counted within {@code timeLimit}; unknown otherwise.
     */
    ObjectCount countObjects(DatasetSpec spec, Path specFile, long limit, Duration timeLimit);

    /**
     * Builds the dataset into {@code outDirectory}, or continues a build interrupted there (from its last finished
     * shard), writing {@code manifest.json} last. Stops early, without a manifest, once {@code cancelled} is true.
     */
    void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception;
}
