package org.skysieve.datasets.spec;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.AdqlException;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.parser.AdqlParsing;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;

/**
 * Resolves the objects of a spec: the ADQL query checked by the query engine (its result columns, its own table: the
 * left-most table of its FROM clause) or the uploaded file's columns (and, for a list of ids, the survey table), and
 * the id and position columns. Problems go to the shared list. Stateless.
 */
final class ObjectsResolution {
    private ObjectsResolution() {
    }

    /** What the objects resolved to. */
    record Objects(Optional<PublishedTable> ownTable, String id, String ra, String dec, List<ColumnDoc> columns) {
    }

    static Objects resolve(ObjectsSpec spec, Archive archive, QueryEngine engine, List<SpecProblem> problems) {
        if (spec instanceof ObjectsSpec.Upload upload) {
            String where = "objects.upload";
            if (!Files.isRegularFile(upload.file())) {
                problems.add(new SpecProblem(where, "Expected a table file. Actual: " + upload.file() + " does not exist"));
                return new Objects(Optional.empty(), upload.idColumn(), upload.raColumn(), upload.decColumn(), List.of());
            }
            if (!ObjectColumns.knownFormat(upload.file())) {
                problems.add(new SpecProblem(where, "Expected a file ending in .csv, .parquet, .fits or .vot/.xml. Actual: " + upload.file()));
                return new Objects(Optional.empty(), upload.idColumn(), upload.raColumn(), upload.decColumn(), List.of());
            }
            List<ColumnDoc> columns;
            try {
                columns = ObjectColumns.describe(upload.file());
            } catch (SQLException | RuntimeException e) {
                problems.add(new SpecProblem(where, "Could not read " + upload.file() + ": " + e.getMessage()));
                return new Objects(Optional.empty(), upload.idColumn(), upload.raColumn(), upload.decColumn(), List.of());
            }
            String id = column("objects.id", upload.idColumn(), columns, "the upload", false, problems);
            if (upload.survey().isPresent()) {
                Optional<PublishedTable> table = surveyTable(upload.survey().get(), upload.table(), "objects", archive, problems);
                return new Objects(table, id, table.map(t -> t.table().raColumn()).orElse("ra"), table.map(t -> t.table().decColumn()).orElse("dec"),
                        columns);
            }
            String ra = column("objects.ra", upload.raColumn(), columns, "the upload", true, problems);
            String dec = column("objects.dec", upload.decColumn(), columns, "the upload", true, problems);
            if (upload.epoch().orElse(null) instanceof ObjectsSpec.Epoch.FromColumn epoch) {
                column("objects.epoch", epoch.column(), columns, "the upload", true, problems);
            }
            return new Objects(Optional.empty(), id, ra, dec, columns);
        }
        ObjectsSpec.Adql adql = (ObjectsSpec.Adql) spec;
        AnalyzedQuery analyzed;
        try {
            analyzed = engine.check(adql.adql(), QueryOptions.of(DatasetSpecChecks.MAX_OBJECTS, DatasetSpecChecks.CHECK_TIMEOUT));
        } catch (AdqlException e) {
            problems.add(new SpecProblem("objects.adql", e.getMessage()));
            // a query that parses still names its own table: features are then checked as they will be planned
            Optional<PublishedTable> own = Optional.empty();
            try {
                own = firstTable(AdqlParsing.parse(adql.adql()), archive);
            } catch (AdqlException syntax) {
                // already reported
            }
            return new Objects(own, adql.idColumn().orElse(own.map(t -> t.table().idColumn()).orElse("id")), adql.raColumn().orElse("ra"),
                    adql.decColumn().orElse("dec"), List.of());
        }
        Optional<PublishedTable> own = firstTable(analyzed.tree(), archive);
        if (own.isEmpty()) {
            problems.add(new SpecProblem("objects.adql", "Expected a query whose FROM clause starts with a published survey table. Actual: "
                    + adql.adql()));
        }
        Set<String> seen = new HashSet<>();
        for (ColumnDoc column : analyzed.columns()) {
            if (column.type().isGeometry()) {
                problems.add(new SpecProblem("objects.adql", "Expected result columns of numbers, text or booleans. Actual: '" + column.name()
                        + "' is a " + column.type()));
            }
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                problems.add(new SpecProblem("objects.adql", "Expected result columns with unique names (use AS). Actual: '" + column.name()
                        + "' appears twice"));
            }
        }
        String id = adql.idColumn().orElse(own.map(t -> t.table().idColumn()).orElse("id"));
        String ra = adql.raColumn().orElse(own.map(t -> t.table().raColumn()).orElse("ra"));
        String dec = adql.decColumn().orElse(own.map(t -> t.table().decColumn()).orElse("dec"));
        String where = adql.idColumn().isPresent() ? "objects.id" : "objects.adql";
        id = column(where, id, analyzed.columns(), "the query's result", false, problems);
        ra = column(adql.raColumn().isPresent() ? "objects.ra" : "objects.adql", ra, analyzed.columns(), "the query's result", true, problems);
        dec = column(adql.decColumn().isPresent() ? "objects.dec" : "objects.adql", dec, analyzed.columns(), "the query's result", true, problems);
        return new Objects(own, id, ra, dec, analyzed.columns());
    }

    /** The table {@code survey}[.{@code table}] (default: the survey's first), or a problem at {@code where}.survey / .table. */
    static Optional<PublishedTable> surveyTable(String survey, Optional<String> table, String where, Archive archive, List<SpecProblem> problems) {
        Optional<PublishedSurvey> found = archive.survey(survey);
        if (found.isEmpty()) {
            problems.add(new SpecProblem(where + ".survey", "unknown survey '" + survey + "'; known: " + DatasetSpecChecks.surveyNames(archive)));
            return Optional.empty();
        }
        List<PublishedTable> tables = found.get().tables();
        Optional<PublishedTable> chosen = table.isPresent()
                ? tables.stream().filter(t -> t.table().name().equalsIgnoreCase(table.get())).findFirst()
                : tables.stream().findFirst();
        if (chosen.isEmpty()) {
            problems.add(new SpecProblem(where + ".table", "unknown table '" + table.orElse("") + "' in survey " + survey + "; known: "
                    + tables.stream().map(t -> t.table().name()).toList()));
        }
        return chosen;
    }

    /** The name of {@code wanted} as the columns spell it; a problem when absent or, for a position, not a number. */
    private static String column(String where, String wanted, List<ColumnDoc> columns, String what, boolean numeric, List<SpecProblem> problems) {
        Optional<ColumnDoc> found = columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
        if (found.isEmpty()) {
            problems.add(new SpecProblem(where, "Expected a column '" + wanted + "' in " + what + ". Actual columns: "
                    + columns.stream().map(ColumnDoc::name).toList()));
            return wanted;
        }
        ColumnType type = found.get().type();
        if (numeric && type != ColumnType.DOUBLE && type != ColumnType.FLOAT && type != ColumnType.LONG && type != ColumnType.INT
                && type != ColumnType.SHORT) {
            problems.add(new SpecProblem(where, "Expected numbers (" + (where.endsWith(".epoch") ? "Julian years" : "degrees")
                    + ") in column '" + wanted + "' of " + what + ". Actual type: " + type));
        }
        return found.get().name();
    }

    private static Optional<PublishedTable> firstTable(QueryExpression query, Archive archive) {
        SetExpression body = query.body();
        while (body instanceof SetExpression.SetOperation operation) {
            body = operation.left();
        }
        if (!(body instanceof SetExpression.Select select) || select.from().isEmpty()) {
            return Optional.empty();
        }
        TableReference first = select.from().get(0);
        while (first instanceof TableReference.Join join) {
            first = join.left();
        }
        if (!(first instanceof TableReference.NamedTable named) || named.name().size() != 2) {
            return Optional.empty();
        }
        String schema = named.name().get(0).name();
        String table = named.name().get(1).name();
        return archive.surveys().stream().filter(s -> s.survey().name().equalsIgnoreCase(schema)).flatMap(s -> s.tables().stream())
                .filter(t -> t.table().name().equalsIgnoreCase(table)).findFirst();
    }
}
