package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * A table a client uploaded (TAP_UPLOAD), converted to a Parquet file that the query reads as {@code TAP_UPLOAD.name}.
 *
 * @param name        the ADQL table name (a regular identifier)
 * @param parquetFile the rows, one Parquet column per column, in order
 * @param columns     the columns' documentation (names, types and what the uploaded file said of units/UCDs)
 * @param rowCount    number of rows
 * @param xtypes      each column's VOTable xtype in the uploaded file (e.g. {@code timestamp}), empty for none
 */
public record UploadedTable(String name, Path parquetFile, List<ColumnDoc> columns, long rowCount, List<String> xtypes) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public UploadedTable {
        requireNonNull(name, "name is null");
        requireNonNull(parquetFile, "parquetFile is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        xtypes = List.copyOf(requireNonNull(xtypes, "xtypes is null"));
        if (xtypes.size() != columns.size()) {
            throw new IllegalArgumentException("Expected one xtype per column (" + columns.size() + "). Actual: " + xtypes.size());
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Expected an upload table name made of letters, digits and _ starting"
                    + " with a letter. Actual: " + name);
        }
    }

    /** An upload whose columns have no xtype. */
    public UploadedTable(String name, Path parquetFile, List<ColumnDoc> columns, long rowCount) {
        this(name, parquetFile, columns, rowCount, java.util.Collections.nCopies(columns.size(), ""));
    }
}
