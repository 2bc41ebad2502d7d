package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.FunctionCall;

/**
 * {@code AREA(CIRCLE(..., r))} with a constant radius → its area in square degrees, 2π(1 − cos r) (180/π)², as a
 * number. Other AREAs are left to the printer, which refuses them.
 */
final class AreaRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof FunctionCall call) || !call.name().equals("AREA")) {
            return Optional.empty();
        }
        return GeometryTerms.circle(call.arguments().get(0))
                .flatMap(circle -> {
                    var radius = GeometryTerms.constantValue(circle.radiusDeg());
                    if (radius.isEmpty()) {
                        return Optional.empty();
                    }
                    double steradians = 2 * Math.PI * (1 - Math.cos(Math.toRadians(radius.getAsDouble())));
                    return Optional.of(SphericalSql.number(steradians * Math.pow(180 / Math.PI, 2)));
                });
    }
}
