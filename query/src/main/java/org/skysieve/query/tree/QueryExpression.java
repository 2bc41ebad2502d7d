package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * A whole query or subquery: optional common table expressions (WITH), a body (one SELECT or set operations of
 * SELECTs), ORDER BY and OFFSET. Immutable.
 */
public record QueryExpression(
        Position position,
        List<CommonTable> with,
        SetExpression body,
        List<OrderItem> orderBy,
        OptionalLong offset) {

    public QueryExpression {
        requireNonNull(position, "position is null");
        with = List.copyOf(with);
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(orderBy);
        requireNonNull(offset, "offset is null");
    }

    /** {@code name AS (query)} in a WITH clause. */
    public record CommonTable(Position position, Identifier name, QueryExpression query) {
        public CommonTable {
            requireNonNull(position, "position is null");
            requireNonNull(name, "name is null");
            requireNonNull(query, "query is null");
        }
    }

    public record OrderItem(Expression value, boolean descending) {
        public OrderItem {
            requireNonNull(value, "value is null");
        }
    }

    public QueryExpression withBody(SetExpression newBody) {
        return new QueryExpression(position, with, newBody, orderBy, offset);
    }
}
