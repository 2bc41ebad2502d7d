package org.skysieve.query.translate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.skysieve.query.check.TableDescription;
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

    private RuleContext(Map<String, TableDescription> tables, Map<String, HealpixRanges> constraints, boolean topLevelConjunct) {
        this.tablesByExposedName = tables;
        this.constraints = constraints;
        this.topLevelConjunct = topLevelConjunct;
    }

    static RuleContext of(Map<String, TableDescription> tablesByExposedName) {
        Map<String, TableDescription> folded = new HashMap<>();
        tablesByExposedName.forEach((name, table) -> folded.put(name.toLowerCase(Locale.ROOT), table));
        return new RuleContext(folded, new HashMap<>(), false);
    }

    /** A context without tables (tests of rules that need none). */
    static RuleContext empty() {
        return of(Map.of());
    }

    RuleContext atTopLevelConjunct(boolean value) {
        return new RuleContext(tablesByExposedName, constraints, value);
    }

    boolean isTopLevelConjunct() {
        return topLevelConjunct;
    }

    /** A survey position whose columns {@code point} reads: the exposed table name and its position columns. */
    record SurveyPosition(String exposedName, TableDescription.SkyPositionColumns columns) {
        Expression.ColumnReference healpixColumn() {
            return new Expression.ColumnReference(org.skysieve.query.tree.Position.SYNTHETIC,
                    List.of(new Identifier(exposedName, true), new Identifier(columns.healpixColumn(), true)));
        }
    }

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
        return Optional.of(new SurveyPosition(exposed, columns));
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
