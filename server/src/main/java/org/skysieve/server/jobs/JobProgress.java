package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

/**
 * How far a job is: {@code done} units of {@code total} in its current {@code stage}.
 *
 * @param stage  what the job does now ({@code queued}, {@code stamps}, {@code plan}, {@code shards}, ...)
 * @param done   units of the stage finished, at least 0
 * @param total  units of the stage in all, or -1 while unknown
 */
public record JobProgress(String stage, long done, long total) {
    public JobProgress {
        requireNonNull(stage, "stage is null");
        if (done < 0 || total < -1) {
            throw new IllegalArgumentException("Expected done >= 0 and total >= -1. Actual: " + done + ", " + total);
        }
    }

    /** The progress of a job that has not started. */
    public static JobProgress queued() {
        return new JobProgress("queued", 0, -1);
    }
}
