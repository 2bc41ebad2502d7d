package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.formats.RowSource;

/**
 * A running query's result: the documentation of its columns (in result order; a column copied from a catalogue keeps
 * its unit, UCD, description and flag bits), the streaming rows (read batch by batch), what to close when they have been read, and each
 * column's VOTable xtype ({@code timestamp}, ...; empty for none: a column copied from an upload keeps the upload's).
 */
public record ExecutedQuery(List<ColumnDoc> columns, RowSource rows, AutoCloseable resources, List<String> xtypes)
        implements AutoCloseable {
    public ExecutedQuery {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        xtypes = List.copyOf(requireNonNull(xtypes, "xtypes is null"));
        if (xtypes.size() != columns.size()) {
            throw new IllegalArgumentException("Expected one xtype per column (" + columns.size() + "). Actual: " + xtypes.size());
        }
        requireNonNull(rows, "rows is null");
        requireNonNull(resources, "resources is null");
    }

    /** A result whose columns have no xtype. */
    public ExecutedQuery(List<ColumnDoc> columns, RowSource rows, AutoCloseable resources) {
        this(columns, rows, resources, java.util.Collections.nCopies(columns.size(), ""));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
