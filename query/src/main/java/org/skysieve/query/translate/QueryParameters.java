package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Position;

/**
 * The numbers of one query that go to DuckDB as parameters ({@code $1, $2, ...}) instead of literals: a cone's centre
 * and radius, a polygon's side normals and the row numbers of HEALPix ranges over a sorted in-memory copy. The SQL
 * text then depends only on the query's shape, so a prepared statement can serve every cone of that shape.
 *
 * <p>Rules make the parameter nodes here ({@link #decimal}, {@link #rowNumber}); the printer recognises them by identity
 * and numbers them in the order it first prints them ({@link #print}). Disabled ({@link #none()}): rules make no
 * parameters and the SQL has literals only. One per query; not thread-safe.
 */
final class QueryParameters {
    private final boolean enabled;
    private final Map<Expression.NumberLiteral, Object> values = new IdentityHashMap<>();
    private final Map<Expression.NumberLiteral, Integer> printedIndex = new IdentityHashMap<>();
    private final List<Object> printed = new ArrayList<>();

    private QueryParameters(boolean enabled) {
        this.enabled = enabled;
    }

    static QueryParameters none() {
        return new QueryParameters(false);
    }

    static QueryParameters enabled() {
        return new QueryParameters(true);
    }

    boolean isEnabled() {
        return enabled;
    }

    /** A DOUBLE parameter of value {@code value} (finite). */
    Expression.NumberLiteral decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Expected a finite number for a query parameter. Actual: " + value);
        }
        return add(new Expression.NumberLiteral(Position.SYNTHETIC, Double.toString(value), false), value);
    }

    /** A BIGINT parameter: a row number. */
    Expression.NumberLiteral rowNumber(long value) {
        return add(new Expression.NumberLiteral(Position.SYNTHETIC, Long.toString(value), true), value);
    }

    private Expression.NumberLiteral add(Expression.NumberLiteral literal, Object value) {
        if (!enabled) {
            throw new IllegalStateException("Expected parameters enabled for this translation. Actual: disabled");
        }
        values.put(literal, value);
        return literal;
    }

    /**
     * The SQL of {@code literal} when it is a parameter ({@code $k}, a DOUBLE cast for decimals so that DuckDB types
     * it when preparing), else null (the printer prints the literal).
     */
    String print(Expression.NumberLiteral literal) {
        Object value = values.get(literal);
        if (value == null) {
            return null;
        }
        Integer index = printedIndex.get(literal);
        if (index == null) {
            printed.add(value);
            index = printed.size();
            printedIndex.put(literal, index);
        }
        return value instanceof Double ? "CAST($" + index + " AS DOUBLE)" : "$" + index;
    }

    /** The values of {@code $1, $2, ...} as printed so far (Long or Double). */
    List<Object> printedValues() {
        return List.copyOf(printed);
    }
}
