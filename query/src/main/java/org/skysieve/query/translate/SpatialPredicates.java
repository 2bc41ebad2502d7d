package org.skysieve.query.translate;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

import org.skysieve.query.AdqlException;
import org.skysieve.query.check.SortedHealpixRows;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.UnitVector;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * The exact tests "point in circle" and "point in polygon" (convex or not: an OR of convex parts, {@link PolygonRegion})
 * as expressions, each ANDed with a HEALPix range
 * condition when the point is a survey's position and the region is constant (the range condition lets DuckDB skip
 * row groups; the covering is conservative, so the AND changes no result). Shared by the spatial rules.
 */
final class SpatialPredicates {
    private SpatialPredicates() {
    }

    static Expression inCircle(GeometryTerms.Point point, GeometryTerms.Circle circle, BinaryOperator comparison,
            RuleContext context, boolean mayConstrain) {
        Expression radius = circle.radiusDeg();
        Optional<RuleContext.SurveyPosition> survey = context.surveyPosition(point);
        var lon = GeometryTerms.constantValue(circle.centre().lonDeg());
        var lat = GeometryTerms.constantValue(circle.centre().latDeg());
        var radiusDeg = GeometryTerms.constantValue(radius);
        if (radiusDeg.isPresent() && !(radiusDeg.getAsDouble() >= 0)) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, radius.position(),
                    "a circle radius must be >= 0 degrees; got " + radiusDeg.getAsDouble());
        }
        if (survey.isEmpty() || lon.isEmpty() || lat.isEmpty() || radiusDeg.isEmpty() || radiusDeg.getAsDouble() >= 180) {
            return withinCircle(point, circle.centre(), radius, comparison);
        }
        checkLatitude(lat.getAsDouble(), circle.centre().latDeg().position());
        HealpixRanges ranges = HealpixConditions.cone(lon.getAsDouble(), lat.getAsDouble(), radiusDeg.getAsDouble());
        Optional<SortedHealpixRows> rows = sortedRows(survey.get(), context);
        if (rows.isPresent()) {
            // the same test with the circle's numbers as parameters: one SQL text for every cone of this shape
            QueryParameters parameters = context.parameters();
            GeometryTerms.Point centre = new GeometryTerms.Point(parameters.decimal(lon.getAsDouble()), parameters.decimal(lat.getAsDouble()));
            Expression exact = withinCircle(point, centre, parameters.decimal(radiusDeg.getAsDouble()), comparison);
            return constrainedByRows(survey.get(), ranges, rows.get(), exact, context, mayConstrain);
        }
        return constrained(survey.get(), ranges, withinCircle(point, circle.centre(), radius, comparison), context, mayConstrain);
    }

    private static Expression withinCircle(GeometryTerms.Point point, GeometryTerms.Point centre, Expression radiusDeg,
            BinaryOperator comparison) {
        Expression exact = SphericalSql.withinDistance(point, centre, radiusDeg);
        if (comparison == BinaryOperator.LESS) {
            Expression.Binary within = (Expression.Binary) exact;
            exact = SphericalSql.binary(BinaryOperator.LESS, within.left(), within.right());
        }
        return exact;
    }

    static Expression inPolygon(GeometryTerms.Point point, List<double[]> verticesDeg, Position at, RuleContext context,
            boolean mayConstrain) {
        PolygonRegion region = PolygonRegion.of(verticesDeg, at);
        Optional<RuleContext.SurveyPosition> survey = context.surveyPosition(point);
        Optional<SortedHealpixRows> rows = survey.flatMap(s -> sortedRows(s, context));
        // with sorted rows, the sides' normals are parameters: one SQL text for every polygon of this shape
        DoubleFunction<Expression> number = rows.isPresent() ? context.parameters()::decimal : SphericalSql::number;
        Expression exact = null;
        for (List<UnitVector> part : region.parts()) {
            Expression inside = null;
            for (UnitVector normal : part) {
                Expression side = SphericalSql.onLeftOf(point, new double[] {normal.x(), normal.y(), normal.z()}, number);
                inside = inside == null ? side : SphericalSql.binary(BinaryOperator.AND, inside, side);
            }
            exact = exact == null ? inside : SphericalSql.binary(BinaryOperator.OR, exact, inside);
        }
        if (survey.isEmpty()) {
            return exact;
        }
        HealpixRanges ranges = HealpixConditions.polygon(region.polygon());
        if (rows.isPresent()) {
            return constrainedByRows(survey.get(), ranges, rows.get(), exact, context, mayConstrain);
        }
        return constrained(survey.get(), ranges, exact, context, mayConstrain);
    }

    /** The table's HEALPix values by row when this translation gives parameters and the table has them. */
    private static Optional<SortedHealpixRows> sortedRows(RuleContext.SurveyPosition survey, RuleContext context) {
        return context.parameters().isEnabled() ? survey.sortedRows() : Optional.empty();
    }

    private static Expression constrained(RuleContext.SurveyPosition survey, HealpixRanges ranges, Expression exact,
            RuleContext context, boolean mayConstrain) {
        if (mayConstrain && context.isTopLevelConjunct()) {
            context.constrain(survey.exposedName(), ranges);
        }
        Expression healpix = HealpixConditions.condition(survey.healpixColumn(), ranges);
        return SphericalSql.binary(BinaryOperator.AND, healpix, exact);
    }

    /** As {@link #constrained}, the HEALPix ranges as ranges of row numbers ({@link HealpixConditions#rowCondition}). */
    private static Expression constrainedByRows(RuleContext.SurveyPosition survey, HealpixRanges ranges, SortedHealpixRows rows,
            Expression exact, RuleContext context, boolean mayConstrain) {
        if (mayConstrain && context.isTopLevelConjunct()) {
            context.constrain(survey.exposedName(), ranges);
        }
        Expression rowRanges = HealpixConditions.rowCondition(survey.rowNumberColumn(), ranges, rows, context.parameters());
        return SphericalSql.binary(BinaryOperator.AND, rowRanges, exact);
    }

    private static void checkLatitude(double latDeg, Position at) {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "a declination must be in [-90, 90] degrees; got " + latDeg);
        }
    }
}
