package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.query.tree.QueryExpression;

/**
 * A query checked against the tables: every name resolved and spelled as published (tables as
 * {@code "schema"."table" AS "exposed"}, CTE references as one part, columns qualified by their relation, the
 * select list expanded and aliased), and the documentation of each result column in order.
 */
public record AnalyzedQuery(QueryExpression tree, List<ColumnDoc> columns) {
    public AnalyzedQuery {
        requireNonNull(tree, "tree is null");
        columns = List.copyOf(columns);
    }
}
