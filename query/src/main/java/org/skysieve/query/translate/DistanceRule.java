package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.FunctionCall;

/**
 * {@code DISTANCE(POINT(a, b), POINT(c, d))} or {@code DISTANCE(a, b, c, d)} → the angle in degrees by the haversine
 * formula: {@code DEGREES(2 * ASIN(LEAST(SQRT(hav), 1)))}. Fires on any DISTANCE the comparison rule left.
 */
final class DistanceRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof FunctionCall call) || !call.name().equals("DISTANCE")) {
            return Optional.empty();
        }
        return points(call).map(p -> SphericalSql.distanceDeg(p[0], p[1]));
    }

    static Optional<GeometryTerms.Point[]> points(FunctionCall distance) {
        if (distance.arguments().size() == 4) {
            return Optional.of(new GeometryTerms.Point[] {
                new GeometryTerms.Point(distance.arguments().get(0), distance.arguments().get(1)),
                new GeometryTerms.Point(distance.arguments().get(2), distance.arguments().get(3))});
        }
        Optional<GeometryTerms.Point> first = GeometryTerms.point(distance.arguments().get(0));
        Optional<GeometryTerms.Point> second = GeometryTerms.point(distance.arguments().get(1));
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GeometryTerms.Point[] {first.get(), second.get()});
    }
}
