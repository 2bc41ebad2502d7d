package org.skysieve.query.translate;

import java.util.List;
import java.util.Optional;

import org.skysieve.query.AdqlException;
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
        Expression exact = SphericalSql.withinDistance(point, circle.centre(), radius);
        if (comparison == BinaryOperator.LESS) {
            Expression.Binary within = (Expression.Binary) exact;
            exact = SphericalSql.binary(BinaryOperator.LESS, within.left(), within.right());
        }
        Optional<RuleContext.SurveyPosition> survey = context.surveyPosition(point);
        var lon = GeometryTerms.constantValue(circle.centre().lonDeg());
        var lat = GeometryTerms.constantValue(circle.centre().latDeg());
        var radiusDeg = GeometryTerms.constantValue(radius);
        if (radiusDeg.isPresent() && !(radiusDeg.getAsDouble() >= 0)) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, radius.position(),
                    "a circle radius must be >= 0 degrees; got " + radiusDeg.getAsDouble());
        }
        if (survey.isEmpty() || lon.isEmpty() || lat.isEmpty() || radiusDeg.isEmpty() || radiusDeg.getAsDouble() >= 180) {
            return exact;
        }
        checkLatitude(lat.getAsDouble(), circle.centre().latDeg().position());
        HealpixRanges ranges = HealpixConditions.cone(lon.getAsDouble(), lat.getAsDouble(), radiusDeg.getAsDouble());
        return constrained(survey.get(), ranges, exact, context, mayConstrain);
    }

    static Expression inPolygon(GeometryTerms.Point point, List<double[]> verticesDeg, Position at, RuleContext context,
            boolean mayConstrain) {
        PolygonRegion region = PolygonRegion.of(verticesDeg, at);
        Expression exact = null;
        for (List<UnitVector> part : region.parts()) {
            Expression inside = null;
            for (UnitVector normal : part) {
                Expression side = SphericalSql.onLeftOf(point, new double[] {normal.x(), normal.y(), normal.z()});
                inside = inside == null ? side : SphericalSql.binary(BinaryOperator.AND, inside, side);
            }
            exact = exact == null ? inside : SphericalSql.binary(BinaryOperator.OR, exact, inside);
        }
        Optional<RuleContext.SurveyPosition> survey = context.surveyPosition(point);
        if (survey.isEmpty()) {
            return exact;
        }
        return constrained(survey.get(), HealpixConditions.polygon(region.polygon()), exact, context, mayConstrain);
    }

    private static Expression constrained(RuleContext.SurveyPosition survey, HealpixRanges ranges, Expression exact,
            RuleContext context, boolean mayConstrain) {
        if (mayConstrain && context.isTopLevelConjunct()) {
            context.constrain(survey.exposedName(), ranges);
        }
        Expression healpix = HealpixConditions.condition(survey.healpixColumn(), ranges);
        return SphericalSql.binary(BinaryOperator.AND, healpix, exact);
    }

    private static void checkLatitude(double latDeg, Position at) {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "a declination must be in [-90, 90] degrees; got " + latDeg);
        }
    }
}
