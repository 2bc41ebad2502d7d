package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * A running query's result: the documentation of its columns (in result order; a column copied from a catalogue keeps
 * its unit, UCD, description and flag bits), the streaming rows, and what to close when they have been read.
 */
public record ExecutedQuery(List<ColumnDoc> columns, ResultSet rows, AutoCloseable resources) implements AutoCloseable {
    public ExecutedQuery {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rows, "rows is null");
        requireNonNull(resources, "resources is null");
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
