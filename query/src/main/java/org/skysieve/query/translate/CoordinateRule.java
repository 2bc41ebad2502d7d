package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.FunctionCall;

/** {@code COORD1(POINT(a, b))} → {@code a}; {@code COORD2(POINT(a, b))} → {@code b}. */
final class CoordinateRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof FunctionCall call) || !(call.name().equals("COORD1") || call.name().equals("COORD2"))) {
            return Optional.empty();
        }
        return GeometryTerms.point(call.arguments().get(0))
                .map(point -> call.name().equals("COORD1") ? point.lonDeg() : point.latDeg());
    }
}
