package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and place of one {@link JobStore}.
 *
 * @param folder         where the jobs live, one folder each (kept across restarts)
 * @param kind           the kind of job, recorded in each job ({@code cross-match}, {@code cutout}, {@code dataset})
 * @param threads        jobs executing at the same time; the others wait QUEUED
 * @param maxWaiting     jobs that may wait QUEUED beyond those executing; more are refused (503) until some end
 * @param retention      how long a job and its files are kept after creation (its destruction time)
 * @param cleanerPeriod  how often jobs past their destruction time are looked for
 */
public record JobStoreSettings(Path folder, String kind, int threads, int maxWaiting, Duration retention,
        Duration cleanerPeriod) {
    public JobStoreSettings {
        requireNonNull(folder, "folder is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(retention, "retention is null");
        requireNonNull(cleanerPeriod, "cleanerPeriod is null");
        if (threads <= 0 || maxWaiting < 0 || retention.isNegative() || retention.isZero()
                || cleanerPeriod.isNegative() || cleanerPeriod.isZero()) {
            throw new IllegalArgumentException("Expected threads > 0, maxWaiting >= 0, retention and cleanerPeriod > 0."
                    + " Actual: " + threads + ", " + maxWaiting + ", " + retention + ", " + cleanerPeriod);
        }
    }

    /** {@code threads} at once, 1000 waiting, kept 7 days, looked over every minute. */
    public static JobStoreSettings of(Path folder, String kind, int threads) {
        return new JobStoreSettings(folder, kind, threads, 1000, Duration.ofDays(7), Duration.ofMinutes(1));
    }

    public JobStoreSettings withRetention(Duration time) {
        return new JobStoreSettings(folder, kind, threads, maxWaiting, time, cleanerPeriod);
    }

    public JobStoreSettings withMaxWaiting(int jobs) {
        return new JobStoreSettings(folder, kind, threads, jobs, retention, cleanerPeriod);
    }

    public JobStoreSettings withCleanerPeriod(Duration period) {
        return new JobStoreSettings(folder, kind, threads, maxWaiting, retention, period);
    }
}
