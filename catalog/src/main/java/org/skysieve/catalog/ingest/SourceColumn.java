package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A column of an input file as loaded for checking.
 *
 * @param fileName the name the input file gives it
 * @param alias    its name in the loaded SQL relation ({@code c0}, {@code c1}, ...)
 * @param sqlType  its DuckDB type there ({@code VARCHAR} for CSV)
 * @param unit     the unit the file declares for it, if any
 */
record SourceColumn(String fileName, String alias, String sqlType, Optional<String> unit) {
    SourceColumn {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(alias, "alias is null");
        requireNonNull(sqlType, "sqlType is null");
        requireNonNull(unit, "unit is null");
    }
}
