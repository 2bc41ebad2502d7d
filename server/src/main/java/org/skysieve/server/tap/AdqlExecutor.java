package org.skysieve.server.tap;

import java.time.Duration;
import java.util.List;

/**
 * Runs one ADQL query: what TAP needs of the query engine ({@link QueryEngineExecutor} runs the real ADQL engine;
 * {@link UnavailableAdqlExecutor} answers 503 when a server is started without one).
 *
 * <p>Contract: the returned rows stream (they are not all in memory) and are read once by the caller, who closes
 * {@link ExecutedQuery#resources()} when done (also on failure). The executor may stop after {@code maxrec + 1}
 * rows (the caller needs the extra one to report overflow) but must return at least that many when they exist.
 * {@code uploads} are visible to the query as {@code TAP_UPLOAD.<name>}. A query running longer than {@code timeout}
 * is cancelled. Errors in the query are {@link org.skysieve.server.http.ServiceException}s of category
 * {@code BAD_REQUEST} whose message names the line and column. Implementations are thread-safe: TAP calls them from
 * several threads at once.
 */
public interface AdqlExecutor {
    ExecutedQuery execute(String adql, long maxrec, List<UploadedTable> uploads, Duration timeout);

    /**
     * Runs the query straight into a finished VOParquet file under {@code spoolFolder} (at most {@code maxrec} rows,
     * the overflow marked in its metadata), for executors that can write Parquet faster than rows can be read one by
     * one; empty when this executor cannot (the caller then uses {@link #execute}). The caller deletes the file.
     * Errors as {@link #execute}.
     */
    default java.util.Optional<ParquetResult> executeToParquet(String adql, long maxrec, List<UploadedTable> uploads,
            Duration timeout, java.nio.file.Path spoolFolder) {
        return java.util.Optional.empty();
    }

    /** A result written as a VOParquet file, and what was written. */
    record ParquetResult(java.nio.file.Path file, org.skysieve.formats.WriteSummary summary) {
        public ParquetResult {
            java.util.Objects.requireNonNull(file, "file is null");
            java.util.Objects.requireNonNull(summary, "summary is null");
        }
    }
}
