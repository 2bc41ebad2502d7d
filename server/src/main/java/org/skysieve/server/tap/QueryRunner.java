package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.skysieve.formats.TableWriters;
import org.skysieve.formats.WriteSummary;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * Runs a TAP request through the {@link AdqlExecutor} and streams the result in the requested format. Shared by sync
 * and async. Thread-safe (the executor is; each call has its own result).
 */
final class QueryRunner {
    /** Whether Parquet results are written by DuckDB's COPY ({@code -Dskysieve.parquet.writer=duckdb}), not streamed. */
    static final boolean DUCKDB_PARQUET = "duckdb".equals(System.getProperty("skysieve.parquet.writer", "java"));
    private final AdqlExecutor executor;
    private final Path spoolFolder;

    QueryRunner(AdqlExecutor executor, Path spoolFolder) {
        this.executor = requireNonNull(executor, "executor is null");
        this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder is null");
    }

    /** Opens the query: errors in the query surface here, before any byte of the result is written. */
    ExecutedQuery open(TapRequest request, List<UploadedTable> uploads, Duration timeout) {
        return executor.execute(request.adql(), request.maxrec(), uploads, timeout);
    }

    /**
     * For a Parquet request with {@code -Dskysieve.parquet.writer=duckdb}, the executor's direct copy when it offers one
     * (errors surface here too, before any byte is written); the caller streams and deletes the file. Otherwise empty:
     * Parquet is then streamed from the rows by {@link org.skysieve.formats.StreamingParquetWriter} (0.2-0.4 us a row
     * of a core against 1.24 for DuckDB's COPY; the former path is kept to compare).
     */
    java.util.Optional<AdqlExecutor.ParquetResult> openParquet(TapRequest request, List<UploadedTable> uploads, Duration timeout) {
        if (request.format() != org.skysieve.formats.TableFormat.PARQUET || !DUCKDB_PARQUET) {
            return java.util.Optional.empty();
        }
        return executor.executeToParquet(request.adql(), request.maxrec(), uploads, timeout, spoolFolder);
    }

    static WriteSummary write(ExecutedQuery query, TapRequest request, Path spoolFolder, OutputStream out) throws IOException {
        try {
            return TableWriters.forFormat(request.format(), spoolFolder).write(query.columns(), query.xtypes(), query.rows(),
                    request.maxrec(), out);
        } catch (SQLException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "The query failed while its rows were read: " + e.getMessage(), e);
        }
    }

    Path spoolFolder() {
        return spoolFolder;
    }
}
