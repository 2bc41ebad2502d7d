package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * A spec checked against an archive, with what its names resolved to: the tables, the documented columns of every
 * part and the dataset's column layout. Made by {@link DatasetSpecChecks}; read by the planner.
 *
 * @param spec           the spec as read
 * @param ownTable       the objects' own table (the first table of the objects' ADQL query); empty for an upload
 * @param objectId       the objects' column holding the id
 * @param objectRa       the objects' column holding the right ascension (deg)
 * @param objectDec      the objects' column holding the declination (deg)
 * @param objectColumns  every column of the objects (the query's result or the upload), documented, in source order
 * @param keptColumns    the objects' columns kept in the dataset (all but id, position and a label's source column)
 * @param features       each feature group resolved, in spec order
 * @param derived        the derived columns' documentation, in spec order
 * @param label          the label column's documentation, when the spec has a label
 */
public record CheckedSpec(DatasetSpec spec, Optional<PublishedTable> ownTable, String objectId, String objectRa, String objectDec,
        List<ColumnDoc> objectColumns, List<ColumnDoc> keptColumns, List<ResolvedFeature> features, List<ColumnDoc> derived,
        Optional<ColumnDoc> label) {
    public CheckedSpec {
        requireNonNull(spec, "spec is null");
        requireNonNull(ownTable, "ownTable is null");
        requireNonNull(objectId, "objectId is null");
        requireNonNull(objectRa, "objectRa is null");
        requireNonNull(objectDec, "objectDec is null");
        objectColumns = List.copyOf(requireNonNull(objectColumns, "objectColumns is null"));
        keptColumns = List.copyOf(requireNonNull(keptColumns, "keptColumns is null"));
        features = List.copyOf(requireNonNull(features, "features is null"));
        derived = List.copyOf(requireNonNull(derived, "derived is null"));
        requireNonNull(label, "label is null");
    }

    /**
     * One feature group resolved.
     *
     * @param spec        as written
     * @param table       the survey table read
     * @param join        how objects find their row (never {@link FeatureJoin.Automatic})
     * @param neighbours  for {@link FeatureJoin.Neighbours}: the own survey's best-neighbour table
     * @param columns     the table's chosen columns, documented as in the table (names unprefixed)
     * @param output      the dataset columns this group makes, in order, documented (names {@code SURVEY_...})
     */
    public record ResolvedFeature(FeatureSpec spec, PublishedTable table, FeatureJoin join, Optional<PublishedTable> neighbours,
            List<ColumnDoc> columns, List<ColumnDoc> output) {
        public ResolvedFeature {
            requireNonNull(spec, "spec is null");
            requireNonNull(table, "table is null");
            requireNonNull(join, "join is null");
            requireNonNull(neighbours, "neighbours is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            output = List.copyOf(requireNonNull(output, "output is null"));
        }

        /** The prefix of this group's columns, {@code SURVEY_}. */
        public String prefix() {
            return table.surveyName() + "_";
        }
    }

    /** The columns expressions may name: the kept objects' columns, then every feature group's output. */
    public List<ColumnDoc> baseColumns() {
        List<ColumnDoc> base = new ArrayList<>(keptColumns);
        for (ResolvedFeature feature : features) {
            base.addAll(feature.output());
        }
        return base;
    }
}
