package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;

/**
 * A distance bound is a cone:
 * <pre>
 *   DISTANCE(POINT(t.ra, t.dec), POINT(10, 20)) &lt; 0.1   (or &lt;=, or 0.1 &gt; DISTANCE(...))
 *   → (t._healpix_29 BETWEEN ...) AND hav(t.ra, t.dec; 10, 20) &lt; sin²(radians(0.1) / 2)
 * </pre>
 * The HEALPix condition appears when one point is a survey position and the other point and the bound constant.
 */
final class DistanceComparisonRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof Expression.Binary binary)) {
            return Optional.empty();
        }
        BinaryOperator operator = binary.operator();
        Expression distance;
        Expression bound;
        if ((operator == BinaryOperator.LESS || operator == BinaryOperator.LESS_OR_EQUAL) && isDistance(binary.left())) {
            distance = binary.left();
            bound = binary.right();
        } else if ((operator == BinaryOperator.GREATER || operator == BinaryOperator.GREATER_OR_EQUAL) && isDistance(binary.right())) {
            distance = binary.right();
            bound = binary.left();
            operator = operator == BinaryOperator.GREATER ? BinaryOperator.LESS : BinaryOperator.LESS_OR_EQUAL;
        } else {
            return Optional.empty();
        }
        Optional<GeometryTerms.Point[]> points = DistanceRule.points((FunctionCall) distance);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        GeometryTerms.Point first = points.get()[0];
        GeometryTerms.Point second = points.get()[1];
        // the survey position, if any, is the point tested; the other is the centre
        if (context.surveyPosition(first).isEmpty() && context.surveyPosition(second).isPresent()) {
            GeometryTerms.Point swap = first;
            first = second;
            second = swap;
        }
        return Optional.of(SpatialPredicates.inCircle(first, new GeometryTerms.Circle(second, bound), operator, context, true));
    }

    private static boolean isDistance(Expression expression) {
        return expression instanceof FunctionCall call && call.name().equals("DISTANCE");
    }
}
