package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * How one published column is made from one input column: renamed, cast to the documented type, and for
 * numbers converted from the input's unit to the documented unit.
 *
 * @param doc          the published column and its documentation ({@code doc.unit()} is the published unit)
 * @param sourceColumn the input file's column name (matched exactly, else case-insensitively if unambiguous)
 * @param sourceUnit   the unit of the input values as the descriptor states it; when empty, the unit the input
 *                     file declares for the column is used if it has one, else the values are taken as already in
 *                     {@code doc.unit()}
 */
public record ColumnMapping(ColumnDoc doc, String sourceColumn, Optional<String> sourceUnit) {
    public ColumnMapping {
        requireNonNull(doc, "doc is null");
        requireNonNull(sourceColumn, "sourceColumn is null");
        requireNonNull(sourceUnit, "sourceUnit is null");
    }

    public String name() {
        return doc.name();
    }
}
