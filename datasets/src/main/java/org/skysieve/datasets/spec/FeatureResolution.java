package org.skysieve.datasets.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.xmatch.BestNeighbourTables;
import org.skysieve.xmatch.SurveyStatusFill;

/**
 * Resolves one feature group of a spec: its table, columns and join, and documents the dataset columns it makes:
 * {@code SURVEY_column} per chosen column (each band measurement followed by {@code SURVEY_M_status} and
 * {@code SURVEY_M_limit} when statuses are asked for), then {@code SURVEY_separation_arcsec} for a group joined by
 * cross-match or neighbours. Stateless.
 */
final class FeatureResolution {
    private FeatureResolution() {
    }

    static Optional<CheckedSpec.ResolvedFeature> resolve(FeatureSpec spec, String where, Archive archive, StatusMaps maps,
            Optional<PublishedTable> ownTable, List<SpecProblem> problems) {
        Optional<PublishedSurvey> survey = archive.survey(spec.survey());
        if (survey.isEmpty()) {
            problems.add(new SpecProblem(where + ".survey", "unknown survey '" + spec.survey() + "'; known: " + DatasetSpecChecks.surveyNames(archive)));
            return Optional.empty();
        }
        List<PublishedTable> tables = survey.get().tables();
        Optional<PublishedTable> table = spec.table().isPresent()
                ? tables.stream().filter(t -> t.table().name().equalsIgnoreCase(spec.table().get())).findFirst()
                : tables.stream().findFirst();
        if (table.isEmpty()) {
            problems.add(new SpecProblem(where + ".table", "unknown table '" + spec.table().orElse("") + "' in survey " + spec.survey() + "; known: "
                    + tables.stream().map(t -> t.table().name()).toList()));
            return Optional.empty();
        }
        PublishedTable found = table.get();
        // a group with problems still documents its valid columns, so that expressions naming them are not reported too
        boolean ok = true;
        List<ColumnDoc> columns = new ArrayList<>();
        if (spec.columns().isEmpty()) {
            found.table().columns().stream().filter(StatusColumns::isMeasurement).forEach(columns::add);
        }
        for (int i = 0; i < spec.columns().size(); i++) {
            String name = spec.columns().get(i);
            Optional<ColumnDoc> column = found.table().column(name);
            if (column.isEmpty()) {
                problems.add(new SpecProblem(where + ".columns[" + i + "]", "unknown column '" + name + "' in " + found.qualifiedName() + "; known: "
                        + found.table().columns().stream().map(ColumnDoc::name).toList()));
                ok = false;
            } else if (column.get().type().isGeometry()) {
                problems.add(new SpecProblem(where + ".columns[" + i + "]", "Expected a number, text or boolean column. Actual: '" + name + "' is a "
                        + column.get().type()));
                ok = false;
            } else if (columns.contains(column.get())) {
                problems.add(new SpecProblem(where + ".columns[" + i + "]", "Expected each column once. Actual: '" + name + "' again"));
                ok = false;
            } else {
                columns.add(column.get());
            }
        }
        FeatureJoin join = spec.join();
        Optional<PublishedTable> neighbours = Optional.empty();
        boolean ownRows = ownTable.isPresent() && ownTable.get().qualifiedName().equals(found.qualifiedName());
        if (join instanceof FeatureJoin.Automatic) {
            join = ownRows ? new FeatureJoin.Automatic() : new FeatureJoin.CrossMatch(FeatureJoin.DEFAULT_RADIUS_ARCSEC);
        }
        if (join instanceof FeatureJoin.Neighbours) {
            String neighbourTable = BestNeighbourTables.TABLE_PREFIX + spec.survey();
            if (ownTable.isEmpty()) {
                problems.add(new SpecProblem(where + ".neighbours", "Expected objects from an ADQL query on a survey or an upload of its ids"
                        + " (precomputed neighbours link survey rows). Actual: uploaded positions"));
                ok = false;
            } else {
                PublishedSurvey own = archive.survey(ownTable.get().surveyName()).orElseThrow();
                neighbours = own.tables().stream().filter(t -> t.table().name().equals(neighbourTable)).findFirst();
                if (neighbours.isEmpty()) {
                    problems.add(new SpecProblem(where + ".neighbours", "Expected the table " + own.survey().name() + "." + neighbourTable
                            + ". Actual: not published; tables: " + own.tables().stream().map(t -> t.table().name()).toList()));
                    ok = false;
                }
            }
        }
        Map<String, ColumnDoc> statusDocs = Map.of();
        String prefix = spec.survey() + "_";
        if (spec.statuses()) {
            try {
                statusDocs = SurveyStatusFill.of(archive, maps, spec.survey() + "/" + found.table().name()).docs(prefix);
            } catch (IllegalArgumentException e) {
                problems.add(new SpecProblem(where + ".statuses", e.getMessage()));
            }
        }
        if (!ok && columns.isEmpty()) {
            return Optional.empty();
        }
        String matchNote = join instanceof FeatureJoin.CrossMatch match
                ? "Also null when the object has no counterpart in " + spec.survey() + " within " + match.radiusArcsec() + " arcsec."
                : join instanceof FeatureJoin.Neighbours ? "Also null when the object has no precomputed best neighbour in " + spec.survey() + "." : "";
        List<ColumnDoc> output = new ArrayList<>();
        for (ColumnDoc column : columns) {
            String nullMeaning = (column.nullMeaning() + " " + matchNote).trim();
            output.add(new ColumnDoc(prefix + column.name(), column.type(), column.unit(), column.ucd(), found.qualifiedName() + ": "
                    + column.description(), nullMeaning, column.band(), column.flags()));
            ColumnDoc status = statusDocs.get(prefix + StatusColumns.statusName(column.name()));
            if (status != null) {
                output.add(status);
                output.add(statusDocs.get(prefix + StatusColumns.limitName(column.name())));
            }
        }
        if (!(join instanceof FeatureJoin.Automatic)) {
            output.add(ColumnDoc.of(prefix + "separation_arcsec", ColumnType.DOUBLE, "arcsec", "pos.angDistance",
                    "Distance from the object to its counterpart in " + found.qualifiedName() + ".")
                    .withNullMeaning("No counterpart: " + matchNote.replace("Also null when the", "the")));
        }
        return Optional.of(new CheckedSpec.ResolvedFeature(spec, found, join, neighbours, columns, output));
    }
}
