package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expressions;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * Applies the {@link RewriteRule}s to every expression of a checked query, SELECT by SELECT, and collects the HEALPix
 * constraints that let the printer read only some partitions of a table. One instance per query; not thread-safe.
 */
final class Rewriter {
    static final List<RewriteRule> RULES = List.of(new ContainsRule(), new DistanceComparisonRule(), new ContainsValueRule(),
            new DistanceRule(), new CoordinateRule(), new AreaRule(), new GeometryValueRule());

    private final TableRegistry registry;
    private final QueryParameters parameters;
    private final Map<TableReference.NamedTable, HealpixRanges> pruning = new IdentityHashMap<>();

    Rewriter(TableRegistry registry) {
        this(registry, QueryParameters.none());
    }

    Rewriter(TableRegistry registry, QueryParameters parameters) {
        this.registry = registry;
        this.parameters = parameters;
    }

    /** The constraint on the rows of each named table occurrence of the rewritten tree (by identity). */
    Map<TableReference.NamedTable, HealpixRanges> pruning() {
        return pruning;
    }

    QueryExpression rewrite(QueryExpression query) {
        List<QueryExpression.CommonTable> with = query.with().stream()
                .map(c -> new QueryExpression.CommonTable(c.position(), c.name(), rewrite(c.query()))).toList();
        RuleContext orderContext = RuleContext.empty();
        List<QueryExpression.OrderItem> orderBy = query.orderBy().stream()
                .map(o -> new QueryExpression.OrderItem(expression(o.value(), orderContext), o.descending())).toList();
        return new QueryExpression(query.position(), with, body(query.body()), orderBy, query.offset());
    }

    private SetExpression body(SetExpression body) {
        if (body instanceof SetExpression.Select select) {
            return select(select);
        }
        if (body instanceof SetExpression.Nested nested) {
            return new SetExpression.Nested(nested.position(), rewrite(nested.query()));
        }
        SetExpression.SetOperation operation = (SetExpression.SetOperation) body;
        return new SetExpression.SetOperation(operation.position(), operation.operator(), operation.all(),
                body(operation.left()), body(operation.right()));
    }

    private SetExpression.Select select(SetExpression.Select select) {
        Map<String, TableDescription> tables = new HashMap<>();
        select.from().forEach(reference -> collectTables(reference, tables));
        RuleContext context = RuleContext.of(tables, parameters);
        List<TableReference> from = select.from().stream().map(reference -> tableReference(reference, context)).toList();
        List<SelectItem> items = select.items().stream().map(item -> item instanceof SelectItem.DerivedColumn derived
                ? new SelectItem.DerivedColumn(derived.position(), expression(derived.value(), context), derived.alias())
                : item).toList();
        Optional<Expression> where = select.where().map(condition -> {
            Expression combined = null;
            for (Expression conjunct : conjuncts(condition)) {
                Expression rewritten = expression(conjunct, context.atTopLevelConjunct(true));
                combined = combined == null ? rewritten : SphericalSql.binary(BinaryOperator.AND, combined, rewritten);
            }
            return combined;
        });
        List<Expression> groupBy = select.groupBy().stream().map(e -> expression(e, context)).toList();
        Optional<Expression> having = select.having().map(e -> expression(e, context));
        Map<String, HealpixRanges> constraints = context.constraints();
        from.forEach(reference -> recordPruning(reference, constraints));
        return new SetExpression.Select(select.position(), select.distinct(), select.top(), items, from, where, groupBy, having);
    }

    private static List<Expression> conjuncts(Expression condition) {
        if (condition instanceof Expression.Binary binary && binary.operator() == BinaryOperator.AND) {
            List<Expression> all = new ArrayList<>(conjuncts(binary.left()));
            all.addAll(conjuncts(binary.right()));
            return all;
        }
        return List.of(condition);
    }

    private void collectTables(TableReference reference, Map<String, TableDescription> tables) {
        if (reference instanceof TableReference.NamedTable named && named.name().size() == 2) {
            registry.find(named.name()).stream().findFirst()
                    .ifPresent(table -> tables.put(named.exposedName().name(), table));
        } else if (reference instanceof TableReference.Join join) {
            collectTables(join.left(), tables);
            collectTables(join.right(), tables);
        }
    }

    private void recordPruning(TableReference reference, Map<String, HealpixRanges> constraints) {
        if (reference instanceof TableReference.NamedTable named) {
            HealpixRanges ranges = constraints.get(named.exposedName().name().toLowerCase(Locale.ROOT));
            if (ranges != null) {
                pruning.put(named, ranges);
            }
        } else if (reference instanceof TableReference.Join join) {
            recordPruning(join.left(), constraints);
            recordPruning(join.right(), constraints);
        }
    }

    private TableReference tableReference(TableReference reference, RuleContext context) {
        if (reference instanceof TableReference.DerivedTable derived) {
            return new TableReference.DerivedTable(derived.position(), rewrite(derived.query()), derived.alias());
        }
        if (reference instanceof TableReference.Join join) {
            return new TableReference.Join(join.position(), join.kind(), join.natural(), tableReference(join.left(), context),
                    tableReference(join.right(), context), join.on().map(e -> expression(e, context)), join.using());
        }
        return reference;
    }

    private Expression expression(Expression expression, RuleContext context) {
        for (RewriteRule rule : RULES) {
            Optional<Expression> rewritten = rule.apply(expression, context);
            if (rewritten.isPresent()) {
                return rewritten.get();
            }
        }
        RuleContext inner = context.atTopLevelConjunct(false);
        return Expressions.mapChildren(expression, child -> expression(child, inner), this::rewrite);
    }
}
