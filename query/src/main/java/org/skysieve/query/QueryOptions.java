package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.skysieve.catalog.model.ColumnDoc;

/**
 * How to run one query.
 *
 * @param maxRecords the most rows the caller wants (TAP MAXREC, >= 0); the engine fetches one more to detect overflow
 * @param timeout    the longest the query may run (positive); past it the statement is cancelled
 * @param uploads    tables the query may name as {@code TAP_UPLOAD.name}
 */
public record QueryOptions(long maxRecords, Duration timeout, List<UploadedTable> uploads) {
    public QueryOptions {
        if (maxRecords < 0 || maxRecords == Long.MAX_VALUE) {
            throw new IllegalArgumentException("Expected maxRecords in [0, 2^63 - 2]. Actual: " + maxRecords);
        }
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Expected a positive timeout. Actual: " + timeout);
        }
        uploads = List.copyOf(requireNonNull(uploads, "uploads is null"));
    }

    /** At most {@code maxRecords} rows within {@code timeout}, no uploads. */
    public static QueryOptions of(long maxRecords, Duration timeout) {
        return new QueryOptions(maxRecords, timeout, List.of());
    }

    /**
     * A table uploaded by the user, already converted to one Parquet file (under a folder the engine was opened with).
     *
     * @param name        the name after {@code TAP_UPLOAD.}: a regular ADQL identifier
     * @param parquetFile the file holding the rows
     * @param columns     the documentation of its columns, in file order
     */
    public record UploadedTable(String name, Path parquetFile, List<ColumnDoc> columns) {
        public UploadedTable {
            requireNonNull(name, "name is null");
            requireNonNull(parquetFile, "parquetFile is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Expected an upload name made of letters, digits and _ starting with a letter."
                        + " Actual: " + name);
            }
        }
    }
}
