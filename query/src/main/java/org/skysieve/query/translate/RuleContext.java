package org.skysieve.query.translate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.skysieve.query.check.SortedHealpixRows;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableSource;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Identifier;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * What a rule may know while rewriting one SELECT: the tables of its FROM clause by exposed name, and whether the
 * expression being rewritten is a top-level conjunct of the WHERE clause (only then may a HEALPix constraint prune the
 * partitions read). Rules record constraints here; the printer reads them. One per SELECT; not thread-safe.
 */
final class RuleContext {
    private final Map<String, TableDescription> tablesByExposedName;
    private final Map<String, HealpixRanges> constraints;
    private final boolean topLevelConjunct;
    private final QueryParameters parameters;

    private RuleContext(Map<String, TableDescription> tables, Map<String, HealpixRanges> constraints, boolean topLevelConjunct,
            QueryParameters parameters) {
        this.tablesByExposedName = tables;
        this.constraints = constraints;
        this.topLevelConjunct = topLevelConjunct;
        this.parameters = parameters;
    }

    static RuleContext of(Map<String, TableDescription> tablesByExposedName) {
        return of(tablesByExposedName, QueryParameters.none());
    }

    static RuleContext of(Map<String, TableDescription> tablesByExposedName, QueryParameters parameters) {
        Map<String, TableDescription> folded = new HashMap<>();
        tablesByExposedName.forEach((name, table) -> folded.put(name.toLowerCase(Locale.ROOT), table));
        return new RuleContext(folded, new HashMap<>(), false, requireNonNull(parameters, "parameters is null"));
    }

    /** Where the rules put the numbers that go to DuckDB as parameters (disabled: none do). */
    QueryParameters parameters() {
        return parameters;
    }

    /** A context without tables (tests of rules that need none). */
    static RuleContext empty() {
        return of(Map.of());
    }

    RuleContext atTopLevelConjunct(boolean value) {
        return new RuleContext(tablesByExposedName, constraints, value, parameters);
    }

    boolean isTopLevelConjunct() {
        return topLevelConjunct;
    }

    /** A survey position whose columns {@code point} reads: the exposed table name and its position columns. */
    record SurveyPosition(String exposedName, TableDescription.SkyPositionColumns columns, TableDescription table) {
        Expression.ColumnReference healpixColumn() {
            return new Expression.ColumnReference(org.skysieve.query.tree.Position.SYNTHETIC,
                    List.of(new Identifier(exposedName, true), new Identifier(columns.healpixColumn(), true)));
        }

        /** DuckDB's row number of the table ({@code rowid}, a virtual column). */
        Expression.ColumnReference rowNumberColumn() {
            return new Expression.ColumnReference(org.skysieve.query.tree.Position.SYNTHETIC,
                    List.of(new Identifier(exposedName, true), new Identifier(ROW_NUMBER_COLUMN, true)));
        }

        /**
         * The table's HEALPix values by row number, when it is an in-memory copy that has them and no column of its own
         * hides DuckDB's {@code rowid}.
         */
        Optional<SortedHealpixRows> sortedRows() {
            if (!(table.source() instanceof TableSource.Hats hats)
                    || table.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(ROW_NUMBER_COLUMN))) {
                return Optional.empty();
            }
            return hats.sortedRows();
        }
    }

    static final String ROW_NUMBER_COLUMN = "rowid";

    Optional<SurveyPosition> surveyPosition(GeometryTerms.Point point) {
        if (!(point.lonDeg() instanceof Expression.ColumnReference lon) || !(point.latDeg() instanceof Expression.ColumnReference lat)
                || lon.parts().size() != 2 || lat.parts().size() != 2) {
            return Optional.empty();
        }
        String exposed = lon.parts().get(0).name();
        if (!exposed.equalsIgnoreCase(lat.parts().get(0).name())) {
            return Optional.empty();
        }
        TableDescription table = tablesByExposedName.get(exposed.toLowerCase(Locale.ROOT));
        if (table == null || table.position().isEmpty()) {
            return Optional.empty();
        }
        TableDescription.SkyPositionColumns columns = table.position().get();
        if (!lon.column().name().equalsIgnoreCase(columns.raColumn()) || !lat.column().name().equalsIgnoreCase(columns.decColumn())) {
            return Optional.empty();
        }
        return Optional.of(new SurveyPosition(exposed, columns, table));
    }

    /** Records that only rows of {@code exposedName} in {@code ranges} can satisfy the WHERE clause. */
    void constrain(String exposedName, HealpixRanges ranges) {
        constraints.merge(exposedName.toLowerCase(Locale.ROOT), ranges,
                (old, added) -> old.maxDepthCellCount() <= added.maxDepthCellCount() ? old : added);
    }

    /** The recorded constraints by lower-case exposed name. */
    Map<String, HealpixRanges> constraints() {
        return Map.copyOf(constraints);
    }
}
