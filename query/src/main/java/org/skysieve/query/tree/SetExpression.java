package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The body of a query: a SELECT, a set operation of two bodies, or a parenthesised query. Immutable. */
public sealed interface SetExpression {
    Position position();

    /**
     * One SELECT. An empty {@code items} list means {@code SELECT *}. {@code top} is ADQL's TOP n.
     */
    record Select(
            Position position,
            boolean distinct,
            OptionalLong top,
            List<SelectItem> items,
            List<TableReference> from,
            Optional<Expression> where,
            List<Expression> groupBy,
            Optional<Expression> having) implements SetExpression {

        public Select {
            requireNonNull(position, "position is null");
            requireNonNull(top, "top is null");
            items = List.copyOf(items);
            from = List.copyOf(from);
            requireNonNull(where, "where is null");
            groupBy = List.copyOf(groupBy);
            requireNonNull(having, "having is null");
        }

        public Select withWhere(Optional<Expression> newWhere) {
            return new Select(position, distinct, top, items, from, newWhere, groupBy, having);
        }

        public Select withFrom(List<TableReference> newFrom) {
            return new Select(position, distinct, top, items, newFrom, where, groupBy, having);
        }
    }

    record SetOperation(Position position, SetOperator operator, boolean all, SetExpression left, SetExpression right) implements SetExpression {
        public SetOperation {
            requireNonNull(position, "position is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** {@code ( query )} as an operand of a set operation. */
    record Nested(Position position, QueryExpression query) implements SetExpression {
        public Nested {
            requireNonNull(position, "position is null");
            requireNonNull(query, "query is null");
        }
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }
}
