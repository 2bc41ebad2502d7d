package org.skysieve.query.translate;

import java.util.List;
import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.UnitVector;

/**
 * CONTAINS(a, b) ("a lies within b") and INTERSECTS(a, b) between two regions, as exact tests (ADQL 2.1 section
 * 4.2.2/4.2.8); the point cases are {@link SpatialPredicates}'. Circles may be written with any expressions; polygons
 * and boxes must be constant. Circles are caps of radius under 90 degrees for the polygon cases (a cap is then convex,
 * so a polygon whose vertices are all inside it is inside it).
 * <ul>
 *   <li>circle within circle: d(c1, c2) + r1 &lt;= r2; circles intersect: d(c1, c2) &lt;= r1 + r2;</li>
 *   <li>circle and polygon intersect: the centre is in the polygon, or some edge arc or vertex is within r of it;</li>
 *   <li>circle within polygon: the centre is in the polygon and no edge arc or vertex is closer than r;</li>
 *   <li>polygon within circle: every vertex is within r of the centre;</li>
 *   <li>two constant polygons: evaluated here to 1 or 0 ({@link PolygonPairs}).</li>
 * </ul>
 * Static, thread-safe.
 */
final class RegionPairs {
    private RegionPairs() {
    }

    /** The test, or empty when the two arguments are not two of circle, polygon and box. */
    static Optional<Expression> test(String predicate, Expression first, Expression second, RuleContext context) {
        boolean contains = predicate.equals("CONTAINS");
        Optional<GeometryTerms.Circle> circleA = GeometryTerms.circle(first);
        Optional<GeometryTerms.Circle> circleB = GeometryTerms.circle(second);
        Optional<List<double[]>> polygonA = circleA.isPresent() ? Optional.empty() : GeometryTerms.polygonVerticesDeg(first);
        Optional<List<double[]>> polygonB = circleB.isPresent() ? Optional.empty() : GeometryTerms.polygonVerticesDeg(second);
        if (circleA.isPresent() && circleB.isPresent()) {
            Expression distance = SphericalSql.distanceDeg(circleA.get().centre(), circleB.get().centre());
            return Optional.of(contains
                    ? SphericalSql.binary(BinaryOperator.LESS_OR_EQUAL,
                            SphericalSql.binary(BinaryOperator.ADD, distance, circleA.get().radiusDeg()), circleB.get().radiusDeg())
                    : SphericalSql.binary(BinaryOperator.LESS_OR_EQUAL, distance,
                            SphericalSql.binary(BinaryOperator.ADD, circleA.get().radiusDeg(), circleB.get().radiusDeg())));
        }
        if (circleA.isPresent() && polygonB.isPresent()) {
            PolygonRegion region = PolygonRegion.of(polygonB.get(), second.position());
            Expression centreInside = SpatialPredicates.inPolygon(circleA.get().centre(), polygonB.get(), second.position(), context, false);
            Expression near = nearBoundary(circleA.get(), region);
            return Optional.of(contains
                    ? SphericalSql.binary(BinaryOperator.AND, centreInside, new Expression.Not(Position.SYNTHETIC, near))
                    : SphericalSql.binary(BinaryOperator.OR, centreInside, near));
        }
        if (polygonA.isPresent() && circleB.isPresent()) {
            if (contains) {
                return Optional.of(allVerticesWithin(polygonA.get(), circleB.get()));
            }
            return test(predicate, second, first, context);
        }
        if (polygonA.isPresent() && polygonB.isPresent()) {
            PolygonRegion a = PolygonRegion.of(polygonA.get(), first.position());
            PolygonRegion b = PolygonRegion.of(polygonB.get(), second.position());
            boolean answer = contains ? PolygonPairs.within(a, b) : PolygonPairs.intersect(a, b);
            return Optional.of(new Expression.BooleanLiteral(Position.SYNTHETIC, answer));
        }
        return Optional.empty();
    }

    /** Some vertex, or some point of an edge arc, is within the circle's radius of its centre. */
    private static Expression nearBoundary(GeometryTerms.Circle circle, PolygonRegion region) {
        List<UnitVector> vertices = region.vertices();
        Expression near = null;
        Expression sinRadius = FunctionCall.of("SIN", FunctionCall.of("RADIANS", circle.radiusDeg()));
        GeometryTerms.Point centre = circle.centre();
        for (int i = 0; i < vertices.size(); i++) {
            UnitVector a = vertices.get(i);
            UnitVector b = vertices.get((i + 1) % vertices.size());
            UnitVector normal = a.cross(b).normalized();
            Expression vertexNear = SphericalSql.withinDistance(centre, pointOf(a), circle.radiusDeg());
            // the centre's foot on the edge's great circle lies on the arc, and the centre is within r of that circle
            Expression onArc = SphericalSql.binary(BinaryOperator.AND, SphericalSql.onLeftOf(centre, array(normal.cross(a))),
                    SphericalSql.onLeftOf(centre, array(b.cross(normal))));
            Expression closeToCircle = SphericalSql.binary(BinaryOperator.LESS_OR_EQUAL,
                    FunctionCall.of("ABS", SphericalSql.dot(centre, array(normal))), sinRadius);
            Expression edgeNear = SphericalSql.binary(BinaryOperator.OR, vertexNear,
                    SphericalSql.binary(BinaryOperator.AND, onArc, closeToCircle));
            near = near == null ? edgeNear : SphericalSql.binary(BinaryOperator.OR, near, edgeNear);
        }
        return near;
    }

    private static Expression allVerticesWithin(List<double[]> verticesDeg, GeometryTerms.Circle circle) {
        Expression all = null;
        for (double[] vertex : verticesDeg) {
            Expression within = SphericalSql.withinDistance(new GeometryTerms.Point(SphericalSql.number(vertex[0]),
                    SphericalSql.number(vertex[1])), circle.centre(), circle.radiusDeg());
            all = all == null ? within : SphericalSql.binary(BinaryOperator.AND, all, within);
        }
        return all;
    }

    private static GeometryTerms.Point pointOf(UnitVector vector) {
        var position = vector.toLonLat();
        return new GeometryTerms.Point(SphericalSql.number(HealpixConditions.normalizedLon(position.lonDeg())),
                SphericalSql.number(position.latDeg()));
    }

    private static double[] array(UnitVector vector) {
        return new double[] {vector.x(), vector.y(), vector.z()};
    }
}
