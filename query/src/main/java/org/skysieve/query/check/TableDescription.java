package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.skysieve.catalog.model.ColumnDoc;

/**
 * A table a query may read: ADQL name {@code schema.name}, its documented columns, where its rows are, and which
 * columns hold an ICRS position in degrees (for spatial pruning). Column names are unique case-insensitively.
 *
 * @param position the position columns, empty when the table has none (or pruning should not apply)
 */
public record TableDescription(
        String schema,
        String name,
        List<ColumnDoc> columns,
        Optional<SkyPositionColumns> position,
        TableSource source) {

    public TableDescription {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(position, "position is null");
        requireNonNull(source, "source is null");
        Set<String> seen = new HashSet<>();
        for (ColumnDoc column : columns) {
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Column " + column.name() + " appears twice in table " + schema + "." + name);
            }
        }
    }

    /**
     * Right ascension and declination columns (degrees, ICRS) and the HEALPix NESTED depth-29 index column computed
     * from them; the index column is not among the documented columns (users do not see it).
     */
    public record SkyPositionColumns(String raColumn, String decColumn, String healpixColumn) {
        public SkyPositionColumns {
            requireNonNull(raColumn, "raColumn is null");
            requireNonNull(decColumn, "decColumn is null");
            requireNonNull(healpixColumn, "healpixColumn is null");
        }
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
