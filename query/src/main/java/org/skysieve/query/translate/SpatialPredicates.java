package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SphericalPolygon;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * The exact tests "point in circle" and "point in convex polygon" as expressions, each ANDed with a HEALPix range
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
        List<LonLat> vertices = new ArrayList<>();
        for (double[] vertex : verticesDeg) {
            checkLatitude(vertex[1], at);
            vertices.add(LonLat.ofDegrees(HealpixConditions.normalizedLon(vertex[0]), vertex[1]));
        }
        SphericalPolygon polygon;
        try {
            polygon = new SphericalPolygon(vertices);
        } catch (IllegalArgumentException e) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "invalid polygon: " + e.getMessage());
        }
        List<double[]> normals = inwardNormals(polygon, at);
        Expression exact = null;
        for (double[] normal : normals) {
            Expression side = SphericalSql.onLeftOf(point, normal);
            exact = exact == null ? side : SphericalSql.binary(BinaryOperator.AND, exact, side);
        }
        Optional<RuleContext.SurveyPosition> survey = context.surveyPosition(point);
        if (survey.isEmpty()) {
            return exact;
        }
        return constrained(survey.get(), HealpixConditions.polygon(polygon), exact, context, mayConstrain);
    }

    private static Expression constrained(RuleContext.SurveyPosition survey, HealpixRanges ranges, Expression exact,
            RuleContext context, boolean mayConstrain) {
        if (mayConstrain && context.isTopLevelConjunct()) {
            context.constrain(survey.exposedName(), ranges);
        }
        Expression healpix = HealpixConditions.condition(survey.healpixColumn(), ranges);
        return SphericalSql.binary(BinaryOperator.AND, healpix, exact);
    }

    /** Edge normals pointing inside; only convex polygons (the exact test is an AND of half-spaces). */
    private static List<double[]> inwardNormals(SphericalPolygon polygon, Position at) {
        List<LonLat> vertices = polygon.vertices();
        int count = vertices.size();
        List<double[]> normals = new ArrayList<>();
        int positive = 0;
        for (int i = 0; i < count; i++) {
            var a = vertices.get(i).toUnitVector();
            var b = vertices.get((i + 1) % count).toUnitVector();
            var next = vertices.get((i + 2) % count).toUnitVector();
            var normal = a.cross(b).normalized();
            if (normal.dot(next) > 0) {
                positive++;
            }
            normals.add(new double[] {normal.x(), normal.y(), normal.z()});
        }
        if (positive != 0 && positive != count) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at,
                    "only convex polygons are supported; split this one into convex parts joined with OR");
        }
        if (positive == 0) {
            for (double[] normal : normals) {
                normal[0] = -normal[0];
                normal[1] = -normal[1];
                normal[2] = -normal[2];
            }
        }
        return normals;
    }

    private static void checkLatitude(double latDeg, Position at) {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "a declination must be in [-90, 90] degrees; got " + latDeg);
        }
    }
}
