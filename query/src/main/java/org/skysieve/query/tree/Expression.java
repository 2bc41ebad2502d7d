package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A value or condition of an ADQL query. Conditions (comparisons, AND, LIKE, ...) are expressions of boolean type.
 * Geometry constructors and predicates (POINT, CIRCLE, CONTAINS, ...) are {@link FunctionCall}s with upper-case names,
 * whose argument counts the parser has checked. Every node is immutable and keeps the position where it starts.
 */
public sealed interface Expression {
    Position position();

    /** A numeric literal as written ({@code 12}, {@code 1.5e-3}, {@code 0xFF}). */
    record NumberLiteral(Position position, String text, boolean integer) implements Expression {
        public NumberLiteral {
            requireNonNull(position, "position is null");
            requireNonNull(text, "text is null");
        }
    }

    /** A character string literal (value without the quotes). */
    record StringLiteral(Position position, String value) implements Expression {
        public StringLiteral {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
        }
    }

    record BooleanLiteral(Position position, boolean value) implements Expression {
        public BooleanLiteral {
            requireNonNull(position, "position is null");
        }
    }

    record NullLiteral(Position position) implements Expression {
        public NullLiteral {
            requireNonNull(position, "position is null");
        }
    }

    /** {@code [[schema.]table.]column}: the last part is the column. */
    record ColumnReference(Position position, List<Identifier> parts) implements Expression {
        public ColumnReference {
            requireNonNull(position, "position is null");
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("A column reference needs a name");
            }
        }

        public Identifier column() {
            return parts.get(parts.size() - 1);
        }

        public List<Identifier> qualifier() {
            return parts.subList(0, parts.size() - 1);
        }
    }

    /** {@code -x}, {@code +x}, bitwise {@code ~x}. */
    record Unary(Position position, UnaryOperator operator, Expression operand) implements Expression {
        public Unary {
            requireNonNull(position, "position is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /** Arithmetic, concatenation, bitwise, comparison and logical operators with two operands. */
    record Binary(Position position, BinaryOperator operator, Expression left, Expression right) implements Expression {
        public Binary {
            requireNonNull(position, "position is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Not(Position position, Expression operand) implements Expression {
        public Not {
            requireNonNull(position, "position is null");
            requireNonNull(operand, "operand is null");
        }
    }

    record Between(Position position, Expression value, Expression low, Expression high, boolean negated) implements Expression {
        public Between {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    record InList(Position position, Expression value, List<Expression> candidates, boolean negated) implements Expression {
        public InList {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            candidates = List.copyOf(candidates);
        }
    }

    record InSubquery(Position position, Expression value, QueryExpression subquery, boolean negated) implements Expression {
        public InSubquery {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            requireNonNull(subquery, "subquery is null");
        }
    }

    /** LIKE, or ILIKE when {@code caseInsensitive}. */
    record Like(Position position, Expression value, Expression pattern, boolean negated, boolean caseInsensitive) implements Expression {
        public Like {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    record IsNull(Position position, Expression value, boolean negated) implements Expression {
        public IsNull {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
        }
    }

    record Exists(Position position, QueryExpression subquery) implements Expression {
        public Exists {
            requireNonNull(position, "position is null");
            requireNonNull(subquery, "subquery is null");
        }
    }

    /**
     * A function call; {@code name} is upper-case for regular names. {@code star} marks {@code COUNT(*)}
     * (then {@code arguments} is empty), {@code distinct} an aggregate over distinct values.
     */
    record FunctionCall(Position position, String name, List<Expression> arguments, boolean distinct, boolean star) implements Expression {
        public FunctionCall {
            requireNonNull(position, "position is null");
            requireNonNull(name, "name is null");
            arguments = List.copyOf(arguments);
        }

        public static FunctionCall of(String name, Expression... arguments) {
            return new FunctionCall(Position.SYNTHETIC, name, List.of(arguments), false, false);
        }
    }

    /** {@code CAST(value AS type)}; {@code type} is the upper-case ADQL type, e.g. {@code DOUBLE PRECISION}, {@code VARCHAR}. */
    record Cast(Position position, Expression value, String type) implements Expression {
        public Cast {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            requireNonNull(type, "type is null");
        }
    }

    /** {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}. */
    record Case(Position position, Optional<Expression> operand, List<When> whens, Optional<Expression> otherwise) implements Expression {
        public Case {
            requireNonNull(position, "position is null");
            requireNonNull(operand, "operand is null");
            whens = List.copyOf(whens);
            requireNonNull(otherwise, "otherwise is null");
        }
    }

    record When(Expression condition, Expression result) {
        public When {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    enum UnaryOperator { PLUS, MINUS, BITWISE_NOT }

    enum BinaryOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), CONCATENATE("||"),
        BITWISE_AND("&"), BITWISE_OR("|"), BITWISE_XOR("^"),
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="),
        AND("AND"), OR("OR");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return ordinal() >= EQUAL.ordinal() && ordinal() <= GREATER_OR_EQUAL.ordinal();
        }
    }
}
