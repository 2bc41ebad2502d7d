package org.skysieve.query.translate;

import java.util.List;
import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Position;

/**
 * A CONTAINS or INTERSECTS used as a number rather than compared with 0 or 1 (e.g. in the select list):
 * <pre>
 *   CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))  →  CASE WHEN (exact test) THEN 1 ELSE 0 END
 * </pre>
 * It never constrains partitions. Runs after {@link ContainsRule}, which handles the comparisons.
 */
final class ContainsValueRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof Expression.FunctionCall call)
                || !(call.name().equals("CONTAINS") || call.name().equals("INTERSECTS"))) {
            return Optional.empty();
        }
        return ContainsRule.test(call, context, false).map(test -> new Expression.Case(Position.SYNTHETIC, Optional.empty(),
                List.of(new Expression.When(test, SphericalSql.integer(1))), Optional.of(SphericalSql.integer(0))));
    }
}
