package org.skysieve.query.tree;

import java.util.function.Function;

/** Structural helpers over {@link Expression}s. Static, thread-safe. */
public final class Expressions {
    private Expressions() {
    }

    /**
     * The expression with {@code mapper} applied to each direct child expression and {@code subqueries} to each
     * subquery (IN, EXISTS); the node itself and literals are kept.
     */
    public static Expression mapChildren(Expression expression, Function<Expression, Expression> mapper,
            Function<QueryExpression, QueryExpression> subqueries) {
        if (expression instanceof Expression.Unary unary) {
            return new Expression.Unary(unary.position(), unary.operator(), mapper.apply(unary.operand()));
        }
        if (expression instanceof Expression.Binary binary) {
            return new Expression.Binary(binary.position(), binary.operator(), mapper.apply(binary.left()), mapper.apply(binary.right()));
        }
        if (expression instanceof Expression.Not not) {
            return new Expression.Not(not.position(), mapper.apply(not.operand()));
        }
        if (expression instanceof Expression.Between between) {
            return new Expression.Between(between.position(), mapper.apply(between.value()), mapper.apply(between.low()),
                    mapper.apply(between.high()), between.negated());
        }
        if (expression instanceof Expression.InList in) {
            return new Expression.InList(in.position(), mapper.apply(in.value()), in.candidates().stream().map(mapper).toList(),
                    in.negated());
        }
        if (expression instanceof Expression.InSubquery in) {
            return new Expression.InSubquery(in.position(), mapper.apply(in.value()), subqueries.apply(in.subquery()), in.negated());
        }
        if (expression instanceof Expression.Like like) {
            return new Expression.Like(like.position(), mapper.apply(like.value()), mapper.apply(like.pattern()), like.negated(),
                    like.caseInsensitive());
        }
        if (expression instanceof Expression.IsNull isNull) {
            return new Expression.IsNull(isNull.position(), mapper.apply(isNull.value()), isNull.negated());
        }
        if (expression instanceof Expression.Exists exists) {
            return new Expression.Exists(exists.position(), subqueries.apply(exists.subquery()));
        }
        if (expression instanceof Expression.FunctionCall call) {
            return new Expression.FunctionCall(call.position(), call.name(), call.arguments().stream().map(mapper).toList(),
                    call.distinct(), call.star());
        }
        if (expression instanceof Expression.Cast cast) {
            return new Expression.Cast(cast.position(), mapper.apply(cast.value()), cast.type());
        }
        if (expression instanceof Expression.Case caseExpression) {
            return new Expression.Case(caseExpression.position(), caseExpression.operand().map(mapper),
                    caseExpression.whens().stream().map(w -> new Expression.When(mapper.apply(w.condition()), mapper.apply(w.result()))).toList(),
                    caseExpression.otherwise().map(mapper));
        }
        return expression;
    }
}
