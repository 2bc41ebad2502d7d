package org.skysieve.query.translate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;
import org.skysieve.query.tree.Position;

/**
 * {@code CONTAINS(POINT(a, b), region) = 1} (also {@code 1 = ...}, {@code = 0}, and INTERSECTS with a point on
 * either side) becomes the exact test, with a HEALPix range condition when (a, b) is a survey's position and the
 * region constant:
 * <pre>
 *   CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 20, 0.1)) = 1
 *   → (t._healpix_29 BETWEEN s0 AND e0 OR ...) AND hav(t.ra, t.dec; 10, 20) <= sin²(radians(0.1) / 2)
 * </pre>
 * Regions: CIRCLE (any expressions), POLYGON and BOX (constant, convex or not). {@code = 0} gives NOT of the test.
 * Two regions (no point): {@link RegionPairs}.
 */
final class ContainsRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof Expression.Binary binary) || binary.operator() != BinaryOperator.EQUAL) {
            return Optional.empty();
        }
        Optional<FunctionCall> predicate = spatialPredicate(binary.left()).or(() -> spatialPredicate(binary.right()));
        OptionalDouble value = spatialPredicate(binary.left()).isPresent()
                ? GeometryTerms.constantValue(binary.right())
                : GeometryTerms.constantValue(binary.left());
        if (predicate.isEmpty() || value.isEmpty() || (value.getAsDouble() != 0 && value.getAsDouble() != 1)) {
            return Optional.empty();
        }
        boolean inside = value.getAsDouble() == 1;
        Optional<Expression> test = test(predicate.get(), context, inside);
        if (inside) {
            return test;
        }
        return test.map(t -> new Expression.Not(Position.SYNTHETIC, t));
    }

    private static Optional<FunctionCall> spatialPredicate(Expression expression) {
        if (expression instanceof FunctionCall call && (call.name().equals("CONTAINS") || call.name().equals("INTERSECTS"))) {
            return Optional.of(call);
        }
        return Optional.empty();
    }

    /** The test for a spatial predicate call, or empty when its arguments are not a point and a circle or polygon. */
    static Optional<Expression> test(FunctionCall call, RuleContext context, boolean mayConstrain) {
        List<Expression> arguments = call.arguments();
        Optional<GeometryTerms.Point> point = GeometryTerms.point(arguments.get(0));
        Expression region = arguments.get(1);
        if (point.isEmpty() && call.name().equals("INTERSECTS")) {
            point = GeometryTerms.point(arguments.get(1));
            region = arguments.get(0);
        }
        if (point.isEmpty()) {
            return RegionPairs.test(call.name(), arguments.get(0), arguments.get(1), context);
        }
        Optional<GeometryTerms.Circle> circle = GeometryTerms.circle(region);
        if (circle.isPresent()) {
            return Optional.of(SpatialPredicates.inCircle(point.get(), circle.get(), BinaryOperator.LESS_OR_EQUAL, context, mayConstrain));
        }
        Optional<List<double[]>> vertices = GeometryTerms.polygonVerticesDeg(region);
        if (vertices.isPresent()) {
            return Optional.of(SpatialPredicates.inPolygon(point.get(), vertices.get(), region.position(), context, mayConstrain));
        }
        return Optional.empty();
    }
}
