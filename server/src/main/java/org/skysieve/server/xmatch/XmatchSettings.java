package org.skysieve.server.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and places of the cross-match service.
 *
 * @param workFolder        where uploads, results and jobs are kept (jobs under {@code jobs/}, kept across restarts)
 * @param uploadLimitBytes  the largest uploaded catalogue accepted, per request
 * @param maxSurveys        the most surveys matched in one request
 * @param asyncThreads      jobs run at the same time; others wait QUEUED
 * @param jobRetention      how long an async job and its result are kept after creation
 */
public record XmatchSettings(Path workFolder, long uploadLimitBytes, int maxSurveys, int asyncThreads,
        Duration jobRetention) {
    /** 2 GB: far above CDS XMatch's 100 MB, room for 10 million rows of a few columns. */
    public static final long DEFAULT_UPLOAD_LIMIT_BYTES = 2L << 30;

    public XmatchSettings {
        requireNonNull(workFolder, "workFolder is null");
        requireNonNull(jobRetention, "jobRetention is null");
        if (uploadLimitBytes <= 0 || maxSurveys <= 0 || asyncThreads <= 0) {
            throw new IllegalArgumentException("Expected uploadLimitBytes, maxSurveys and asyncThreads > 0. Actual: " + uploadLimitBytes
                    + ", " + maxSurveys + ", " + asyncThreads);
        }
    }

    public static XmatchSettings defaults(Path workFolder) {
        return new XmatchSettings(workFolder, DEFAULT_UPLOAD_LIMIT_BYTES, 8, 1, Duration.ofDays(7));
    }

    public XmatchSettings withUploadLimitBytes(long bytes) {
        return new XmatchSettings(workFolder, bytes, maxSurveys, asyncThreads, jobRetention);
    }
}
