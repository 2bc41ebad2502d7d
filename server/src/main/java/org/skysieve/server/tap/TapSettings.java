package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The limits of the TAP service, advertised in its capabilities.
 *
 * @param jobsFolder               where async jobs and their results are kept (they survive a restart)
 * @param defaultMaxrec            rows returned when the client gives no MAXREC
 * @param maxMaxrec                the largest MAXREC honoured (larger requests are lowered to it)
 * @param syncTimeout              longest run of a sync query
 * @param defaultExecutionDuration an async job's execution duration unless the client sets one
 * @param maxExecutionDuration     the largest execution duration a client may set
 * @param defaultRetention         time from a job's creation to its destruction unless the client sets one
 * @param maxRetention             the latest destruction a client may set, counted from creation
 * @param uploadLimitBytes         the largest upload accepted, per request (all uploaded files together)
 * @param uploadLimitRows          the most rows accepted in one uploaded table
 * @param asyncThreads             async jobs run at once (the others wait QUEUED)
 * @param uploadUrls               whether UPLOAD may name an http(s) URL that the server fetches (off by default: the
 *                                 server would make requests on a client's behalf)
 */
public record TapSettings(
        Path jobsFolder,
        long defaultMaxrec,
        long maxMaxrec,
        Duration syncTimeout,
        Duration defaultExecutionDuration,
        Duration maxExecutionDuration,
        Duration defaultRetention,
        Duration maxRetention,
        long uploadLimitBytes,
        long uploadLimitRows,
        int asyncThreads,
        boolean uploadUrls) {

    public TapSettings {
        requireNonNull(jobsFolder, "jobsFolder is null");
        requireNonNull(syncTimeout, "syncTimeout is null");
        requireNonNull(defaultExecutionDuration, "defaultExecutionDuration is null");
        requireNonNull(maxExecutionDuration, "maxExecutionDuration is null");
        requireNonNull(defaultRetention, "defaultRetention is null");
        requireNonNull(maxRetention, "maxRetention is null");
        if (defaultMaxrec < 0 || maxMaxrec < defaultMaxrec) {
            throw new IllegalArgumentException("Expected 0 <= defaultMaxrec <= maxMaxrec. Actual: " + defaultMaxrec + ", " + maxMaxrec);
        }
        if (defaultExecutionDuration.compareTo(maxExecutionDuration) > 0 || defaultRetention.compareTo(maxRetention) > 0) {
            throw new IllegalArgumentException("Expected defaults no larger than maxima. Actual: execution "
                    + defaultExecutionDuration + " / " + maxExecutionDuration + ", retention " + defaultRetention + " / " + maxRetention);
        }
        if (uploadLimitBytes <= 0 || uploadLimitRows <= 0 || asyncThreads <= 0) {
            throw new IllegalArgumentException("Expected uploadLimitBytes > 0, uploadLimitRows > 0 and asyncThreads > 0. Actual: "
                    + uploadLimitBytes + ", " + uploadLimitRows + ", " + asyncThreads);
        }
    }

    /**
     * The defaults: jobs under {@code jobsFolder}, 100k rows by default and 10M at most, 10 min sync, 1 h async, kept 7
     * days, uploads up to {@value #DEFAULT_UPLOAD_LIMIT_ROWS} rows per table and 2 GiB per request (far above CDS
     * XMatch's 2 million rows and 100 MB: a 10-million-row CSV of id, ra, dec takes about 450 MB).
     */
    public static TapSettings defaults(Path jobsFolder) {
        return new TapSettings(jobsFolder, 100_000, 10_000_000, Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofDays(7), Duration.ofDays(30), DEFAULT_UPLOAD_LIMIT_BYTES, DEFAULT_UPLOAD_LIMIT_ROWS, 2, false);
    }

    public static final long DEFAULT_UPLOAD_LIMIT_BYTES = 2L << 30;
    public static final long DEFAULT_UPLOAD_LIMIT_ROWS = 20_000_000L;

    public TapSettings withLimits(long defaultMaxrec, long maxMaxrec) {
        return new TapSettings(jobsFolder, defaultMaxrec, maxMaxrec, syncTimeout, defaultExecutionDuration,
                maxExecutionDuration, defaultRetention, maxRetention, uploadLimitBytes, uploadLimitRows, asyncThreads, uploadUrls);
    }

    public TapSettings withUploadUrls(boolean allowed) {
        return new TapSettings(jobsFolder, defaultMaxrec, maxMaxrec, syncTimeout, defaultExecutionDuration,
                maxExecutionDuration, defaultRetention, maxRetention, uploadLimitBytes, uploadLimitRows, asyncThreads, allowed);
    }

    public TapSettings withUploadLimit(long bytes) {
        return new TapSettings(jobsFolder, defaultMaxrec, maxMaxrec, syncTimeout, defaultExecutionDuration,
                maxExecutionDuration, defaultRetention, maxRetention, bytes, uploadLimitRows, asyncThreads, uploadUrls);
    }

    public TapSettings withUploadLimitRows(long rows) {
        return new TapSettings(jobsFolder, defaultMaxrec, maxMaxrec, syncTimeout, defaultExecutionDuration,
                maxExecutionDuration, defaultRetention, maxRetention, uploadLimitBytes, rows, asyncThreads, uploadUrls);
    }

    public TapSettings withRetention(Duration defaultRetention, Duration maxRetention) {
        return new TapSettings(jobsFolder, defaultMaxrec, maxMaxrec, syncTimeout, defaultExecutionDuration,
                maxExecutionDuration, defaultRetention, maxRetention, uploadLimitBytes, uploadLimitRows, asyncThreads, uploadUrls);
    }
}
