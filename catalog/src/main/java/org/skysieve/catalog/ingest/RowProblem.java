package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A bad value or row of an input file.
 *
 * @param file   the input file
 * @param row    1-based data row
 * @param column the input column as the file names it, or null for a whole-row problem
 * @param detail what was expected and what was found
 */
record RowProblem(Path file, long row, String column, String detail) {
    RowProblem {
        requireNonNull(file, "file is null");
        requireNonNull(detail, "detail is null");
    }

    IngestException toException() {
        return IngestException.atRow(file, row, column, detail);
    }

    String message() {
        return toException().getMessage();
    }
}
