package org.skysieve.datasets.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.datasets.spec.CheckedSpec;

/**
 * The dataset's columns in file order, each with its documentation and the SQL giving it in the planner's table
 * {@code assembled} (objects joined with every feature group and the derived columns): {@code object_id}, {@code ra},
 * {@code dec}, {@code split}, {@code split_cell}, {@code label} (when the spec has one), the objects' kept columns,
 * the feature groups' columns in spec order, the derived columns.
 */
final class DatasetColumns {
    /** One column: its documentation and the SQL of its value. */
    record PlannedColumn(ColumnDoc doc, String sql) {
    }

    private DatasetColumns() {
    }

    static ColumnDoc objectIdDoc() {
        return ColumnDoc.of("object_id", ColumnType.STRING, "", "meta.id;meta.main", "The object's id (the objects' id column, as text).");
    }

    static List<ColumnDoc> fixedDocs(String splitDescription) {
        return List.of(objectIdDoc(),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension of the object (ICRS); cutouts are centred here."),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination of the object (ICRS); cutouts are centred here."),
                ColumnDoc.of("split", ColumnType.STRING, "", "meta.dataset", "train, validation or test: " + splitDescription),
                ColumnDoc.of("split_cell", ColumnType.LONG, "", "pos.healpix", "The HEALPix NESTED cell of the split order holding the object;"
                        + " every object of a cell is in the same split."));
    }

    /** The columns usable in expressions and labels, by lower-case name: the kept objects' columns and the features. */
    static Map<String, PlannedColumn> base(CheckedSpec checked) {
        Map<String, PlannedColumn> columns = new LinkedHashMap<>();
        for (int i = 0; i < checked.keptColumns().size(); i++) {
            put(columns, checked.keptColumns().get(i), "kept_" + i);
        }
        for (int k = 0; k < checked.features().size(); k++) {
            List<ColumnDoc> output = checked.features().get(k).output();
            for (int j = 0; j < output.size(); j++) {
                put(columns, output.get(j), "f_" + k + "_" + j);
            }
        }
        return columns;
    }

    static Map<String, PlannedColumn> derived(CheckedSpec checked) {
        Map<String, PlannedColumn> columns = new LinkedHashMap<>();
        for (int i = 0; i < checked.derived().size(); i++) {
            put(columns, checked.derived().get(i), "d_" + i);
        }
        return columns;
    }

    private static void put(Map<String, PlannedColumn> columns, ColumnDoc doc, String internal) {
        columns.put(doc.name().toLowerCase(Locale.ROOT), new PlannedColumn(doc, "CAST(" + internal + " AS " + doc.type().sqlType() + ")"));
    }

    /** Every column of the file, in order; {@code labelSql} gives the label's value when there is one. */
    static List<PlannedColumn> all(CheckedSpec checked, String splitDescription, Optional<String> labelSql) {
        List<PlannedColumn> all = new ArrayList<>();
        List<ColumnDoc> fixed = fixedDocs(splitDescription);
        List<String> fixedSql = List.of("object_id", "ra", "dec", "split", "split_cell");
        for (int i = 0; i < fixed.size(); i++) {
            all.add(new PlannedColumn(fixed.get(i), fixedSql.get(i)));
        }
        if (checked.label().isPresent()) {
            ColumnDoc label = checked.label().get();
            all.add(new PlannedColumn(label, "CAST(" + labelSql.orElseThrow() + " AS " + label.type().sqlType() + ")"));
        }
        all.addAll(base(checked).values());
        all.addAll(derived(checked).values());
        return all;
    }
}
