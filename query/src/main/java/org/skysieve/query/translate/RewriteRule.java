package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;

/**
 * One small rewrite of an expression of a checked query, applied top-down: when {@link #apply} returns a
 * replacement the rewriter keeps it and does not descend into it. A rule fires on one pattern and says so in its
 * javadoc with the before and after forms. Rules are stateless; what they learn goes to the {@link RuleContext}.
 */
interface RewriteRule {
    Optional<Expression> apply(Expression expression, RuleContext context);
}
