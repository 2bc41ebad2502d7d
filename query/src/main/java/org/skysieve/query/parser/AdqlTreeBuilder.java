package org.skysieve.query.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Identifier;
import org.skysieve.query.tree.Position;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;

/** Turns ANTLR's parse tree into the immutable query tree, checking the argument counts of standard functions. */
final class AdqlTreeBuilder {

    QueryExpression query(AdqlParser.QueryContext context) {
        QueryExpression body = selectExpression(context.selectExpression());
        if (context.withClause() == null) {
            return body;
        }
        List<QueryExpression.CommonTable> with = new ArrayList<>();
        for (AdqlParser.WithQueryContext withQuery : context.withClause().withQuery()) {
            with.add(new QueryExpression.CommonTable(position(withQuery), identifier(withQuery.identifier()),
                    selectExpression(withQuery.selectExpression())));
        }
        return new QueryExpression(position(context), with, body.body(), body.orderBy(), body.offset());
    }

    private QueryExpression selectExpression(AdqlParser.SelectExpressionContext context) {
        List<QueryExpression.OrderItem> orderBy = new ArrayList<>();
        if (context.orderByClause() != null) {
            for (AdqlParser.OrderTermContext term : context.orderByClause().orderTerm()) {
                boolean descending = term.direction != null && term.direction.getType() == AdqlParser.DESC;
                orderBy.add(new QueryExpression.OrderItem(expression(term.expression()), descending));
            }
        }
        OptionalLong offset = context.offsetClause() == null
                ? OptionalLong.empty()
                : OptionalLong.of(unsignedInteger(context.offsetClause().UNSIGNED_INTEGER().getSymbol()));
        return new QueryExpression(position(context), List.of(), setExpression(context.setExpression()), orderBy, offset);
    }

    private SetExpression setExpression(AdqlParser.SetExpressionContext context) {
        if (context instanceof AdqlParser.PrimarySetContext primary) {
            AdqlParser.SetPrimaryContext setPrimary = primary.setPrimary();
            if (setPrimary.selectQuery() != null) {
                return select(setPrimary.selectQuery());
            }
            return new SetExpression.Nested(position(setPrimary), selectExpression(setPrimary.selectExpression()));
        }
        if (context instanceof AdqlParser.IntersectSetContext intersect) {
            return new SetExpression.SetOperation(position(intersect), SetExpression.SetOperator.INTERSECT,
                    intersect.ALL() != null, setExpression(intersect.setExpression(0)), setExpression(intersect.setExpression(1)));
        }
        AdqlParser.UnionSetContext union = (AdqlParser.UnionSetContext) context;
        SetExpression.SetOperator operator = union.operator.getType() == AdqlParser.UNION
                ? SetExpression.SetOperator.UNION
                : SetExpression.SetOperator.EXCEPT;
        return new SetExpression.SetOperation(position(union), operator, union.ALL() != null,
                setExpression(union.setExpression(0)), setExpression(union.setExpression(1)));
    }

    private SetExpression.Select select(AdqlParser.SelectQueryContext context) {
        boolean distinct = context.quantifier != null && context.quantifier.getType() == AdqlParser.DISTINCT;
        OptionalLong top = context.top == null ? OptionalLong.empty() : OptionalLong.of(unsignedInteger(context.top));
        List<SelectItem> items = new ArrayList<>();
        if (context.selectList().star == null) {
            for (AdqlParser.SelectItemContext item : context.selectList().selectItem()) {
                items.add(selectItem(item));
            }
        }
        List<TableReference> from = new ArrayList<>();
        for (AdqlParser.TableReferenceContext table : context.fromClause().tableReference()) {
            from.add(tableReference(table));
        }
        Optional<Expression> where = context.whereClause() == null
                ? Optional.empty()
                : Optional.of(condition(context.whereClause().condition()));
        List<Expression> groupBy = context.groupByClause() == null
                ? List.of()
                : context.groupByClause().expression().stream().map(this::expression).toList();
        Optional<Expression> having = context.havingClause() == null
                ? Optional.empty()
                : Optional.of(condition(context.havingClause().condition()));
        return new SetExpression.Select(position(context), distinct, top, items, from, where, groupBy, having);
    }

    private SelectItem selectItem(AdqlParser.SelectItemContext context) {
        if (context instanceof AdqlParser.QualifiedStarContext star) {
            return new SelectItem.AllColumnsOf(position(star), qualifiedName(star.qualifiedName()));
        }
        AdqlParser.DerivedColumnContext derived = (AdqlParser.DerivedColumnContext) context;
        return new SelectItem.DerivedColumn(position(derived), expression(derived.expression()),
                Optional.ofNullable(derived.alias).map(this::identifier));
    }

    private TableReference tableReference(AdqlParser.TableReferenceContext context) {
        if (context instanceof AdqlParser.NamedTableContext named) {
            return new TableReference.NamedTable(position(named), qualifiedName(named.qualifiedName()),
                    Optional.ofNullable(named.alias).map(this::identifier));
        }
        if (context instanceof AdqlParser.DerivedTableContext derived) {
            return new TableReference.DerivedTable(position(derived), selectExpression(derived.subquery().selectExpression()),
                    identifier(derived.alias));
        }
        if (context instanceof AdqlParser.ParenthesizedTableContext parenthesized) {
            return tableReference(parenthesized.tableReference());
        }
        AdqlParser.JoinedTableContext join = (AdqlParser.JoinedTableContext) context;
        TableReference.JoinKind kind = TableReference.JoinKind.INNER;
        if (join.joinType() != null && join.joinType().kind != null) {
            kind = switch (join.joinType().kind.getType()) {
                case AdqlParser.LEFT -> TableReference.JoinKind.LEFT;
                case AdqlParser.RIGHT -> TableReference.JoinKind.RIGHT;
                default -> TableReference.JoinKind.FULL;
            };
        }
        Optional<Expression> on = Optional.empty();
        List<Identifier> using = List.of();
        if (join.joinSpecification() instanceof AdqlParser.OnJoinContext onJoin) {
            on = Optional.of(condition(onJoin.condition()));
        } else if (join.joinSpecification() instanceof AdqlParser.UsingJoinContext usingJoin) {
            using = usingJoin.identifier().stream().map(this::identifier).toList();
        }
        return new TableReference.Join(position(join), kind, join.NATURAL() != null,
                tableReference(join.tableReference(0)), tableReference(join.tableReference(1)), on, using);
    }

    Expression condition(AdqlParser.ConditionContext context) {
        if (context instanceof AdqlParser.NotConditionContext not) {
            return new Expression.Not(position(not), condition(not.condition()));
        }
        if (context instanceof AdqlParser.AndConditionContext and) {
            return new Expression.Binary(position(and), BinaryOperator.AND, condition(and.condition(0)), condition(and.condition(1)));
        }
        if (context instanceof AdqlParser.OrConditionContext or) {
            return new Expression.Binary(position(or), BinaryOperator.OR, condition(or.condition(0)), condition(or.condition(1)));
        }
        if (context instanceof AdqlParser.ParenthesizedConditionContext parenthesized) {
            return condition(parenthesized.condition());
        }
        return predicate(((AdqlParser.PredicateConditionContext) context).predicate());
    }

    private Expression predicate(AdqlParser.PredicateContext context) {
        Position at = position(context);
        if (context instanceof AdqlParser.ComparisonPredicateContext comparison) {
            BinaryOperator operator = switch (comparison.comparisonOperator().getText()) {
                case "=" -> BinaryOperator.EQUAL;
                case "<>", "!=" -> BinaryOperator.NOT_EQUAL;
                case "<" -> BinaryOperator.LESS;
                case ">" -> BinaryOperator.GREATER;
                case "<=" -> BinaryOperator.LESS_OR_EQUAL;
                default -> BinaryOperator.GREATER_OR_EQUAL;
            };
            return new Expression.Binary(at, operator, expression(comparison.expression(0)), expression(comparison.expression(1)));
        }
        if (context instanceof AdqlParser.BetweenPredicateContext between) {
            return new Expression.Between(at, expression(between.expression(0)), expression(between.expression(1)),
                    expression(between.expression(2)), between.NOT() != null);
        }
        if (context instanceof AdqlParser.InSubqueryPredicateContext in) {
            return new Expression.InSubquery(at, expression(in.expression()), selectExpression(in.subquery().selectExpression()),
                    in.NOT() != null);
        }
        if (context instanceof AdqlParser.InListPredicateContext in) {
            List<Expression> values = in.expression().stream().map(this::expression).toList();
            return new Expression.InList(at, values.get(0), values.subList(1, values.size()), in.NOT() != null);
        }
        if (context instanceof AdqlParser.LikePredicateContext like) {
            return new Expression.Like(at, expression(like.expression(0)), expression(like.expression(1)), like.NOT() != null,
                    like.operator.getType() == AdqlParser.ILIKE);
        }
        if (context instanceof AdqlParser.NullPredicateContext isNull) {
            return new Expression.IsNull(at, expression(isNull.expression()), isNull.NOT() != null);
        }
        AdqlParser.ExistsPredicateContext exists = (AdqlParser.ExistsPredicateContext) context;
        return new Expression.Exists(at, selectExpression(exists.subquery().selectExpression()));
    }

    Expression expression(AdqlParser.ExpressionContext context) {
        Position at = position(context);
        if (context instanceof AdqlParser.UnaryExpressionContext unary) {
            Expression.UnaryOperator operator = switch (unary.operator.getText()) {
                case "+" -> Expression.UnaryOperator.PLUS;
                case "-" -> Expression.UnaryOperator.MINUS;
                default -> Expression.UnaryOperator.BITWISE_NOT;
            };
            return new Expression.Unary(at, operator, expression(unary.expression()));
        }
        if (context instanceof AdqlParser.MultiplicativeExpressionContext multiplicative) {
            return binary(at, multiplicative.operator.getText().equals("*") ? BinaryOperator.MULTIPLY : BinaryOperator.DIVIDE,
                    multiplicative.expression());
        }
        if (context instanceof AdqlParser.AdditiveExpressionContext additive) {
            return binary(at, additive.operator.getText().equals("+") ? BinaryOperator.ADD : BinaryOperator.SUBTRACT,
                    additive.expression());
        }
        if (context instanceof AdqlParser.ConcatenationExpressionContext concatenation) {
            return binary(at, BinaryOperator.CONCATENATE, concatenation.expression());
        }
        if (context instanceof AdqlParser.BitwiseAndExpressionContext and) {
            return binary(at, BinaryOperator.BITWISE_AND, and.expression());
        }
        if (context instanceof AdqlParser.BitwiseXorExpressionContext xor) {
            return binary(at, BinaryOperator.BITWISE_XOR, xor.expression());
        }
        if (context instanceof AdqlParser.BitwiseOrExpressionContext or) {
            return binary(at, BinaryOperator.BITWISE_OR, or.expression());
        }
        return primary(((AdqlParser.PrimaryExpressionContext) context).primary());
    }

    private Expression binary(Position at, BinaryOperator operator, List<AdqlParser.ExpressionContext> operands) {
        return new Expression.Binary(at, operator, expression(operands.get(0)), expression(operands.get(1)));
    }

    private Expression primary(AdqlParser.PrimaryContext context) {
        Position at = position(context);
        if (context instanceof AdqlParser.IntegerLiteralContext integer) {
            return new Expression.NumberLiteral(at, integer.getText(), true);
        }
        if (context instanceof AdqlParser.HexLiteralContext hex) {
            return new Expression.NumberLiteral(at, hex.getText(), true);
        }
        if (context instanceof AdqlParser.DecimalLiteralContext decimal) {
            return new Expression.NumberLiteral(at, decimal.getText(), false);
        }
        if (context instanceof AdqlParser.StringLiteralContext string) {
            String text = string.getText();
            return new Expression.StringLiteral(at, text.substring(1, text.length() - 1).replace("''", "'"));
        }
        if (context instanceof AdqlParser.BooleanLiteralContext bool) {
            return new Expression.BooleanLiteral(at, bool.TRUE() != null);
        }
        if (context instanceof AdqlParser.NullLiteralContext) {
            return new Expression.NullLiteral(at);
        }
        if (context instanceof AdqlParser.CastExpressionContext cast) {
            return new Expression.Cast(at, expression(cast.expression()), castType(cast.castType()));
        }
        if (context instanceof AdqlParser.CaseExpressionContext caseContext) {
            List<Expression.When> whens = new ArrayList<>();
            for (AdqlParser.CaseWhenContext when : caseContext.caseWhen()) {
                Expression test = when.condition() != null ? condition(when.condition()) : expression(when.expression(0));
                whens.add(new Expression.When(test, expression(when.expression(when.expression().size() - 1))));
            }
            return new Expression.Case(at, Optional.ofNullable(caseContext.operand).map(this::expression), whens,
                    Optional.ofNullable(caseContext.otherwise).map(this::expression));
        }
        if (context instanceof AdqlParser.StarFunctionCallContext star) {
            String name = star.functionName().getText().toUpperCase(Locale.ROOT);
            if (!name.equals("COUNT")) {
                throw syntax(at, "only COUNT accepts *; " + name + "(*) is not ADQL");
            }
            return new Expression.FunctionCall(at, name, List.of(), false, true);
        }
        if (context instanceof AdqlParser.FunctionCallContext call) {
            String name = call.functionName().getText().toUpperCase(Locale.ROOT);
            List<Expression> arguments = call.expression().stream().map(this::expression).toList();
            checkArity(at, name, arguments.size());
            boolean distinct = call.quantifier != null && call.quantifier.getType() == AdqlParser.DISTINCT;
            return new Expression.FunctionCall(at, name, arguments, distinct, false);
        }
        if (context instanceof AdqlParser.ColumnReferenceContext column) {
            return new Expression.ColumnReference(at, qualifiedName(column.qualifiedName()));
        }
        return expression(((AdqlParser.ParenthesizedExpressionContext) context).expression());
    }

    private static void checkArity(Position at, String name, int count) {
        FunctionArity.of(name).ifPresent(range -> {
            if (!range.allows(count) || (name.equals("DISTANCE") && count == 3)) {
                String expected = name.equals("DISTANCE") ? "2 arguments (two points) or 4 (two positions)" : range.describe();
                throw syntax(at, name + " takes " + expected + ", not " + count);
            }
        });
    }

    private static String castType(AdqlParser.CastTypeContext context) {
        if (context.DOUBLE() != null) {
            return "DOUBLE PRECISION";
        }
        String name = context.name.getText().toUpperCase(Locale.ROOT);
        return context.UNSIGNED_INTEGER() == null ? name : name + "(" + context.UNSIGNED_INTEGER().getText() + ")";
    }

    private List<Identifier> qualifiedName(AdqlParser.QualifiedNameContext context) {
        return context.identifier().stream().map(this::identifier).toList();
    }

    private Identifier identifier(AdqlParser.IdentifierContext context) {
        TerminalNode delimited = context.DELIMITED_IDENTIFIER();
        if (delimited != null) {
            String text = delimited.getText();
            return new Identifier(text.substring(1, text.length() - 1).replace("\"\"", "\""), true);
        }
        return Identifier.regular(context.getText());
    }

    private static long unsignedInteger(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw new AdqlException(AdqlException.Kind.LIMIT, position(token),
                    "expected an integer below 2^63, got " + token.getText());
        }
    }

    static AdqlException syntax(Position at, String message) {
        return new AdqlException(AdqlException.Kind.SYNTAX, at, message);
    }

    private static Position position(ParserRuleContext context) {
        return position(context.getStart());
    }

    static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }
}
