package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and place of the dataset jobs at {@code /datasets}.
 *
 * @param workFolder           where jobs live, one folder each (spec, uploads, the dataset); kept across restarts
 * @param maxConcurrentBuilds  builds executing at the same time; later ones wait QUEUED
 * @param maxWaiting           builds that may wait QUEUED; more are refused (503) until some end
 * @param retention            how long a job and its dataset are kept after creation
 * @param maxObjects           the most objects one dataset may select: a spec known to select more is refused (400)
 *                             before it is queued; a build found to select more while planning ends in ERROR
 * @param uploadLimitBytes     the largest request body (spec and uploads together)
 * @param countTimeLimit       how long counting the rows of an objects query may take before queueing (whole
 *                             seconds; under a second: never counted, the limit is then checked while planning)
 */
public record DatasetSettings(Path workFolder, int maxConcurrentBuilds, int maxWaiting, Duration retention,
        long maxObjects, long uploadLimitBytes, Duration countTimeLimit) {
    public DatasetSettings {
        requireNonNull(workFolder, "workFolder is null");
        requireNonNull(retention, "retention is null");
        requireNonNull(countTimeLimit, "countTimeLimit is null");
        if (maxConcurrentBuilds <= 0 || maxWaiting < 0 || maxObjects <= 0 || uploadLimitBytes <= 0
                || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Expected maxConcurrentBuilds, maxObjects, uploadLimitBytes and"
                    + " retention > 0, maxWaiting >= 0. Actual: " + maxConcurrentBuilds + ", " + maxObjects + ", "
                    + uploadLimitBytes + ", " + retention + ", " + maxWaiting);
        }
    }

    /**
     * One build at a time, 20 waiting, kept 7 days, at most 10 million objects, 1 GB of upload, an objects query
     * counted for at most 10 s.
     */
    public static DatasetSettings defaults(Path workFolder) {
        return new DatasetSettings(workFolder, 1, 20, Duration.ofDays(7), 10_000_000, 1L << 30, Duration.ofSeconds(10));
    }

    public DatasetSettings withCountTimeLimit(Duration time) {
        return new DatasetSettings(workFolder, maxConcurrentBuilds, maxWaiting, retention, maxObjects, uploadLimitBytes, time);
    }

    public DatasetSettings withMaxObjects(long objects) {
        return new DatasetSettings(workFolder, maxConcurrentBuilds, maxWaiting, retention, objects, uploadLimitBytes, countTimeLimit);
    }

    public DatasetSettings withMaxConcurrentBuilds(int builds) {
        return new DatasetSettings(workFolder, builds, maxWaiting, retention, maxObjects, uploadLimitBytes, countTimeLimit);
    }

    public DatasetSettings withMaxWaiting(int builds) {
        return new DatasetSettings(workFolder, maxConcurrentBuilds, builds, retention, maxObjects, uploadLimitBytes, countTimeLimit);
    }

    public DatasetSettings withRetention(Duration time) {
        return new DatasetSettings(workFolder, maxConcurrentBuilds, maxWaiting, time, maxObjects, uploadLimitBytes, countTimeLimit);
    }
}
