package org.skysieve.server.cutouts;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and places of the batch cutout service.
 *
 * @param workFolder        where uploads, results and jobs are kept (jobs under {@code jobs/}, kept across restarts)
 * @param uploadLimitBytes  the largest uploaded position table accepted
 * @param maxSidePixels     the largest stamp side, pixels (single and batch)
 * @param maxSyncBytes      the largest tensor (N x bands x H x W x 4 bytes) a sync {@code POST /cutouts} makes; larger
 *                          batches must go to {@code /cutouts/async}
 * @param maxAsyncBytes     the largest tensor an async job makes
 * @param threads           worker threads per batch
 * @param asyncThreads      jobs run at the same time; others wait QUEUED
 * @param jobRetention      how long an async job and its results are kept after creation
 */
public record CutoutSettings(Path workFolder, long uploadLimitBytes, int maxSidePixels, long maxSyncBytes,
        long maxAsyncBytes, int threads, int asyncThreads, Duration jobRetention) {
    public CutoutSettings {
        requireNonNull(workFolder, "workFolder is null");
        requireNonNull(jobRetention, "jobRetention is null");
        if (uploadLimitBytes <= 0 || maxSidePixels <= 0 || maxSyncBytes <= 0 || maxAsyncBytes <= 0 || threads <= 0
                || asyncThreads <= 0) {
            throw new IllegalArgumentException("Expected every limit and thread count > 0. Actual: " + uploadLimitBytes
                    + ", " + maxSidePixels + ", " + maxSyncBytes + ", " + maxAsyncBytes + ", " + threads + ", "
                    + asyncThreads);
        }
    }

    /**
     * 1 GB of upload, 4096-pixel sides, 1 GB sync tensors, 200 GB async ones, every processor, one job at a time, jobs
     * kept 7 days.
     */
    public static CutoutSettings defaults(Path workFolder) {
        return new CutoutSettings(workFolder, 1L << 30, 4096, 1L << 30, 200L << 30,
                Runtime.getRuntime().availableProcessors(), 1, Duration.ofDays(7));
    }

    public CutoutSettings withMaxSyncBytes(long bytes) {
        return new CutoutSettings(workFolder, uploadLimitBytes, maxSidePixels, bytes, maxAsyncBytes, threads,
                asyncThreads, jobRetention);
    }
}
