package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A published table of a survey: its name, its positional and id columns, and the documentation of every column.
 *
 * <p>Invariant: column names are unique (case-insensitively, as ADQL compares them) and the ra, dec and id
 * columns are among them. Positions are ICRS degrees at the survey's catalogue epoch.
 */
public record CatalogTable(
        String name,
        String description,
        String raColumn,
        String decColumn,
        String idColumn,
        List<ColumnDoc> columns) {

    public CatalogTable {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(idColumn, "idColumn is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        Set<String> seen = new HashSet<>();
        for (ColumnDoc column : columns) {
            if (!seen.add(column.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Column " + column.name() + " appears twice in table " + name);
            }
        }
        for (String required : List.of(raColumn, decColumn, idColumn)) {
            if (!seen.contains(required.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Table " + name + " names column " + required + " but does not document it");
            }
        }
    }

    public Optional<ColumnDoc> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
