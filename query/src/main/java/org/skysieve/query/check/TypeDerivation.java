package org.skysieve.query.check;

import java.util.List;
import java.util.Map;

import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.tree.Expression;

/** The type of a resolved expression, from the types of the columns it reads. */
final class TypeDerivation {
    private final Map<Expression, ColumnDoc> documentation;

    TypeDerivation(Map<Expression, ColumnDoc> documentation) {
        this.documentation = documentation;
    }

    ColumnType typeOf(Expression expression) {
        ColumnDoc known = documentation.get(expression);
        if (known != null) {
            return known.type();
        }
        if (expression instanceof Expression.NumberLiteral number) {
            return number.integer() ? ColumnType.LONG : ColumnType.DOUBLE;
        }
        if (expression instanceof Expression.StringLiteral) {
            return ColumnType.STRING;
        }
        if (expression instanceof Expression.Unary unary) {
            return typeOf(unary.operand());
        }
        if (expression instanceof Expression.Binary binary) {
            return binaryType(binary);
        }
        if (expression instanceof Expression.FunctionCall call && call.name().equals("REGION")) {
            return regionType(call);
        }
        if (expression instanceof Expression.FunctionCall call) {
            List<ColumnType> arguments = call.arguments().stream().map(this::typeOf).toList();
            return FunctionCatalog.resultType(call.name(), arguments);
        }
        if (expression instanceof Expression.Cast cast) {
            return castType(cast.type());
        }
        if (expression instanceof Expression.Case caseExpression) {
            return caseExpression.whens().isEmpty() ? ColumnType.STRING : typeOf(caseExpression.whens().get(0).result());
        }
        if (expression instanceof Expression.ColumnReference || expression instanceof Expression.NullLiteral) {
            return ColumnType.STRING;
        }
        return ColumnType.BOOLEAN;
    }

    /** REGION('Circle ...') is a circle, REGION('Position ...') a point, a Box or Polygon a polygon. */
    private static ColumnType regionType(Expression.FunctionCall call) {
        if (!call.arguments().isEmpty() && call.arguments().get(0) instanceof Expression.StringLiteral literal) {
            String shape = literal.value().trim().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
            if (shape.equals("CIRCLE")) {
                return ColumnType.CIRCLE;
            }
            if (shape.equals("POSITION")) {
                return ColumnType.POINT;
            }
        }
        return ColumnType.POLYGON;
    }

    private ColumnType binaryType(Expression.Binary binary) {
        Expression.BinaryOperator operator = binary.operator();
        if (operator == Expression.BinaryOperator.CONCATENATE) {
            return ColumnType.STRING;
        }
        if (operator.isComparison() || operator == Expression.BinaryOperator.AND || operator == Expression.BinaryOperator.OR) {
            return ColumnType.BOOLEAN;
        }
        ColumnType left = typeOf(binary.left());
        ColumnType right = typeOf(binary.right());
        boolean integral = FunctionCatalog.isIntegral(left) && FunctionCatalog.isIntegral(right);
        if (operator == Expression.BinaryOperator.BITWISE_AND || operator == Expression.BinaryOperator.BITWISE_OR
                || operator == Expression.BinaryOperator.BITWISE_XOR) {
            return ColumnType.LONG;
        }
        if (operator == Expression.BinaryOperator.DIVIDE) {
            return ColumnType.DOUBLE;
        }
        if (integral) {
            return ColumnType.LONG;
        }
        return left == ColumnType.FLOAT && right == ColumnType.FLOAT ? ColumnType.FLOAT : ColumnType.DOUBLE;
    }

    private static ColumnType castType(String type) {
        if (type.startsWith("CHAR") || type.startsWith("VARCHAR")) {
            return ColumnType.STRING;
        }
        return switch (type) {
            case "SMALLINT" -> ColumnType.SHORT;
            case "INTEGER" -> ColumnType.INT;
            case "BIGINT" -> ColumnType.LONG;
            case "REAL" -> ColumnType.FLOAT;
            default -> ColumnType.DOUBLE;
        };
    }
}
