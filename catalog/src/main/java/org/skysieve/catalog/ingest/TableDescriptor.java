package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * One table of a survey descriptor: where its rows come from and how they become published columns.
 *
 * @param name                the published table name
 * @param description         what a row is
 * @param files               the input files, resolved (globs expanded, relative to the descriptor), in a stable order
 * @param format              the input format, or {@link InputFormat#AUTO} to pick one per file from its suffix
 * @param raColumn            published name of the right ascension column (ICRS degrees)
 * @param decColumn           published name of the declination column (ICRS degrees)
 * @param idColumn            published name of the identifier column (unique, non-null)
 * @param columns             the published columns in order, each with its input column
 * @param badRows             what to do with rows that fail validation
 * @param maxRowsPerPartition HATS partitions holding more rows than this are split
 */
public record TableDescriptor(
        String name,
        String description,
        List<Path> files,
        InputFormat format,
        String raColumn,
        String decColumn,
        String idColumn,
        List<ColumnMapping> columns,
        BadRowPolicy badRows,
        long maxRowsPerPartition) {

    public TableDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(format, "format is null");
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(idColumn, "idColumn is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(badRows, "badRows is null");
        if (maxRowsPerPartition < 1) {
            throw new IllegalArgumentException("Expected maxRowsPerPartition >= 1. Actual: " + maxRowsPerPartition);
        }
    }

    /** The published table: the mapped columns, plus {@code ingest_flags} under {@link BadRowPolicy#FLAG}. */
    public CatalogTable catalogTable() {
        List<ColumnDoc> docs = new ArrayList<>();
        for (ColumnMapping column : columns) {
            docs.add(column.doc());
        }
        if (badRows == BadRowPolicy.FLAG) {
            docs.add(IngestFlags.column());
        }
        return new CatalogTable(name, description, raColumn, decColumn, idColumn, docs);
    }
}
