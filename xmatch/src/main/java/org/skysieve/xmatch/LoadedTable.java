package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table loaded into primitive columns: one side of a cross-match and the columns to carry into the output.
 *
 * @param source   what the rows came from, for messages (a file name, {@code survey:NAME})
 * @param columns  the columns, all of the same length
 */
public record LoadedTable(String source, List<Column> columns) {
    public LoadedTable {
        requireNonNull(source, "source is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        for (Column column : columns) {
            if (column.size() != columns.get(0).size()) {
                throw new IllegalArgumentException("Expected columns of one length " + columns.get(0).size() + " in " + source
                        + ". Actual: " + column.name() + " has " + column.size());
            }
        }
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** The column named {@code name}, ignoring case. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The column named {@code name}, or an error naming the source and the columns there are. */
    public Column require(String name, String role) {
        return column(name).orElseThrow(() -> new IllegalArgumentException("Expected a " + role + " column '" + name + "' in "
                + source + ". Actual columns: " + columns.stream().map(Column::name).toList()));
    }

    /** The first column whose name is one of {@code candidates} (ignoring case), e.g. the right ascension among ra, raj2000. */
    public Optional<Column> firstOf(List<String> candidates) {
        for (String candidate : candidates) {
            Optional<Column> found = column(candidate.toLowerCase(Locale.ROOT));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The values of a numeric column as doubles (a new array). */
    public static double[] doubles(Column column) {
        if (column instanceof Column.DoubleColumn doubles) {
            return doubles.values();
        }
        if (column instanceof Column.TextColumn) {
            throw new IllegalArgumentException("Expected a numeric column. Actual: " + column.name() + " holds text");
        }
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.doubleValue(i);
        }
        return values;
    }

    /** Only the named columns, in that order. */
    public LoadedTable select(List<String> names) {
        List<Column> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(require(name, "requested"));
        }
        return new LoadedTable(source, selected);
    }
}
