package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.jobs.Job;
import org.skysieve.server.jobs.JobContext;
import org.skysieve.server.jobs.JobOutcome;
import org.skysieve.server.jobs.JobResult;
import org.skysieve.server.jobs.JobStore;
import org.skysieve.server.jobs.JobWork;

/**
 * The work of one dataset job: build the spec saved in the job's {@code input/} folder into its {@code out/} folder.
 *
 * <p>A build the client aborts, or that fails, leaves no dataset: {@code out/} is removed (the manifest is written last,
 * so even a kept folder would not look finished). A build stopped by a server shutdown keeps {@code out/}: the next
 * start resumes it from its last finished shard ({@link #resumer}). A build whose object count goes over
 * {@link DatasetSettings#maxObjects()} is stopped and ends in ERROR naming the limit. The results are the files of
 * {@code out/}, by name. One instance per job; runs on the job's thread.
 */
final class DatasetBuildWork implements JobWork {
    static final String INPUT = "input";
    static final String OUT = "out";
    static final String MANIFEST = "manifest.json";

    private final DatasetEngine engine;
    private final long maxObjects;
    /** The spec when it was read at submission; empty when resuming (it is read again). */
    private final Optional<DatasetSpec> spec;
    private final Path specFile;

    DatasetBuildWork(DatasetEngine engine, long maxObjects, Optional<DatasetSpec> spec, Path specFile) {
        this.engine = requireNonNull(engine, "engine is null");
        this.maxObjects = maxObjects;
        this.spec = requireNonNull(spec, "spec is null");
        this.specFile = requireNonNull(specFile, "specFile is null");
    }

    /** Continues the builds a restart interrupted: the spec is read again from the job's input folder. */
    static JobStore.Resumer resumer(DatasetEngine engine, long maxObjects) {
        return (Job job, Path folder) -> specFile(folder.resolve(INPUT))
                .map(file -> new DatasetBuildWork(engine, maxObjects, Optional.empty(), file));
    }

    /** The saved spec of an input folder. */
    static Optional<Path> specFile(Path inputFolder) {
        for (String name : List.of("spec.yaml", "spec.json")) {
            if (Files.isRegularFile(inputFolder.resolve(name))) {
                return Optional.of(inputFolder.resolve(name));
            }
        }
        return Optional.empty();
    }

    @Override
    public JobOutcome run(JobContext context) throws Exception {
        Path out = context.folder().resolve(OUT);
        AtomicReference<String> overLimit = new AtomicReference<>();
        BuildProgress progress = (stage, done, total) -> {
            // stages count objects (objects, rows, cutouts) or a few steps (check, features, labels, plan), far
            // below any object limit; only shards count something else
            if (!stage.equals("shards") && total > maxObjects) {
                overLimit.compareAndSet(null, "Expected a dataset of at most " + maxObjects + " objects (the"
                        + " server's limit). Actual: the spec selects " + total + " objects; narrow the selection");
            }
            context.progress(stage, done, total);
        };
        boolean finished = false;
        try {
            DatasetSpec checked = spec.isPresent() ? spec.get() : engine.read(specFile);
            Files.createDirectories(out);
            try {
                engine.build(checked, out, progress, () -> context.cancelled() || overLimit.get() != null);
            } catch (Exception e) {
                if (overLimit.get() != null) {
                    throw new ServiceException(ErrorCategory.TOO_LARGE, overLimit.get(), e);
                }
                throw e;
            }
            if (overLimit.get() != null) {
                throw new ServiceException(ErrorCategory.TOO_LARGE, overLimit.get());
            }
            if (context.cancelled()) {
                throw new InterruptedException("The build was stopped");
            }
            if (!Files.isRegularFile(out.resolve(MANIFEST))) {
                throw new IllegalStateException("The build ended without writing " + MANIFEST);
            }
            finished = true;
        } finally {
            if (!finished && (context.aborted() || !context.cancelled())) {
                Folders.deleteRecursively(out); // aborted or failed: no half-written dataset stays
            }
        }
        return new JobOutcome(results(out), Map.of());
    }

    /** Every file of the finished dataset, by name. */
    private static List<JobResult> results(Path out) throws IOException {
        List<JobResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!DatasetSubmission.FILE_NAME.matcher(name).matches()) {
                    continue; // the build's own hidden bookkeeping
                }
                results.add(new JobResult(name, OUT + "/" + name, mimeType(name)));
            }
        }
        return results;
    }

    static String mimeType(String name) {
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        }
        if (name.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        }
        return "application/octet-stream";
    }
}
