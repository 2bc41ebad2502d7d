package org.skysieve.query.translate;

import java.util.List;
import java.util.function.DoubleFunction;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;
import org.skysieve.query.tree.Position;

/**
 * Spherical tests written as ADQL expressions (so that the SQL still comes from a tree): the haversine of the angle
 * between two positions in degrees, an angular distance in degrees, and the side of a great circle.
 *
 * <p>Haversine formula (Sinnott 1984, Sky and Telescope 68, 159): hav(d) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon),
 * accurate at small angles, unlike the cosine formula.
 */
final class SphericalSql {
    private SphericalSql() {
    }

    static Expression number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Expected a finite number. Actual: " + value);
        }
        return new Expression.NumberLiteral(Position.SYNTHETIC, Double.toString(value), false);
    }

    static Expression integer(long value) {
        return new Expression.NumberLiteral(Position.SYNTHETIC, Long.toString(value), true);
    }

    static Expression binary(BinaryOperator operator, Expression left, Expression right) {
        return new Expression.Binary(Position.SYNTHETIC, operator, left, right);
    }

    /** hav(angle between the two positions), in [0, 1]. */
    static Expression haversine(GeometryTerms.Point a, GeometryTerms.Point b) {
        Expression latA = FunctionCall.of("RADIANS", a.latDeg());
        Expression latB = FunctionCall.of("RADIANS", b.latDeg());
        Expression dLat = FunctionCall.of("RADIANS", binary(BinaryOperator.SUBTRACT, a.latDeg(), b.latDeg()));
        Expression dLon = FunctionCall.of("RADIANS", binary(BinaryOperator.SUBTRACT, a.lonDeg(), b.lonDeg()));
        Expression havLat = FunctionCall.of("POWER", FunctionCall.of("SIN", binary(BinaryOperator.DIVIDE, dLat, number(2))), number(2));
        Expression havLon = FunctionCall.of("POWER", FunctionCall.of("SIN", binary(BinaryOperator.DIVIDE, dLon, number(2))), number(2));
        Expression cosines = binary(BinaryOperator.MULTIPLY, FunctionCall.of("COS", latA), FunctionCall.of("COS", latB));
        return binary(BinaryOperator.ADD, havLat, binary(BinaryOperator.MULTIPLY, cosines, havLon));
    }

    /** The angle between two positions in degrees (asin argument clamped to 1 against rounding). */
    static Expression distanceDeg(GeometryTerms.Point a, GeometryTerms.Point b) {
        Expression root = FunctionCall.of("SQRT", haversine(a, b));
        Expression clamped = new FunctionCall(Position.SYNTHETIC, "LEAST", List.of(root, number(1)), false, false);
        return FunctionCall.of("DEGREES", binary(BinaryOperator.MULTIPLY, number(2), FunctionCall.of("ASIN", clamped)));
    }

    /** True when the angle between {@code point} and {@code centre} is at most {@code radiusDeg}. */
    static Expression withinDistance(GeometryTerms.Point point, GeometryTerms.Point centre, Expression radiusDeg) {
        Expression halfRadius = binary(BinaryOperator.DIVIDE, FunctionCall.of("RADIANS", radiusDeg), number(2));
        Expression limit = FunctionCall.of("POWER", FunctionCall.of("SIN", halfRadius), number(2));
        return binary(BinaryOperator.LESS_OR_EQUAL, haversine(point, centre), limit);
    }

    /** True when the unit vector of {@code point} has a non-negative dot product with {@code normal}. */
    static Expression onLeftOf(GeometryTerms.Point point, double[] normal) {
        return onLeftOf(point, normal, SphericalSql::number);
    }

    /** As {@link #onLeftOf(GeometryTerms.Point, double[])}, the normal's components made by {@code number}. */
    static Expression onLeftOf(GeometryTerms.Point point, double[] normal, DoubleFunction<Expression> number) {
        return binary(BinaryOperator.GREATER_OR_EQUAL, dot(point, normal, number), number(0));
    }

    /** The dot product of the unit vector of {@code point} with {@code vector}. */
    static Expression dot(GeometryTerms.Point point, double[] normal) {
        return dot(point, normal, SphericalSql::number);
    }

    private static Expression dot(GeometryTerms.Point point, double[] normal, DoubleFunction<Expression> number) {
        Expression lon = FunctionCall.of("RADIANS", point.lonDeg());
        Expression lat = FunctionCall.of("RADIANS", point.latDeg());
        Expression cosLat = FunctionCall.of("COS", lat);
        Expression x = binary(BinaryOperator.MULTIPLY, number.apply(normal[0]), binary(BinaryOperator.MULTIPLY, cosLat, FunctionCall.of("COS", lon)));
        Expression y = binary(BinaryOperator.MULTIPLY, number.apply(normal[1]), binary(BinaryOperator.MULTIPLY, cosLat, FunctionCall.of("SIN", lon)));
        Expression z = binary(BinaryOperator.MULTIPLY, number.apply(normal[2]), FunctionCall.of("SIN", lat));
        return binary(BinaryOperator.ADD, binary(BinaryOperator.ADD, x, y), z);
    }
}
