package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a running {@link JobWork} sees of its job: its folder, where it reports progress, and whether it should stop
 * (aborted by the client, deleted, or the server shutting down). Used by the job's thread; the store reads the progress
 * from other threads.
 */
public final class JobContext {
    private final String jobId;
    private final Path folder;
    private final Consumer<JobProgress> progress;
    private final BooleanSupplier aborted;
    private final BooleanSupplier stopping;

    JobContext(String jobId, Path folder, Consumer<JobProgress> progress, BooleanSupplier aborted,
            BooleanSupplier stopping) {
        this.jobId = requireNonNull(jobId, "jobId is null");
        this.folder = requireNonNull(folder, "folder is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.aborted = requireNonNull(aborted, "aborted is null");
        this.stopping = requireNonNull(stopping, "stopping is null");
    }

    public String jobId() {
        return jobId;
    }

    /** The job's own folder (it exists); results are written here. */
    public Path folder() {
        return folder;
    }

    /** Reports that {@code done} of {@code total} units of {@code stage} are finished ({@code total} -1: unknown). */
    public void progress(String stage, long done, long total) {
        progress.accept(new JobProgress(stage, done, total));
    }

    /** Whether the work should stop now: true once the job is aborted or deleted, or the server stops. */
    public boolean cancelled() {
        return aborted.getAsBoolean() || stopping.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /**
     * Whether the client aborted or deleted the job (its partial output may go); false when the work stops only
     * because the server stops (its partial output is what a restart resumes from).
     */
    public boolean aborted() {
        return aborted.getAsBoolean();
    }

    /** {@link #cancelled()} as a supplier, for libraries that poll. */
    public BooleanSupplier cancellation() {
        return this::cancelled;
    }
}
