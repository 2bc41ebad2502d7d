package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;

/**
 * Reads the arguments of ADQL geometry constructors: the optional coordinate system (only ICRS, an empty string or
 * NULL are accepted: the surveys are ICRS), points, circles and polygons (a BOX is the polygon of its four corners,
 * which {@link SkyBox} finds as the standard defines a box: great-circle sides), and constant numbers ({@code 1./60}, {@code -10}). Static and thread-safe.
 */
final class GeometryTerms {
    private GeometryTerms() {
    }

    /** A position written as two expressions in degrees. */
    record Point(Expression lonDeg, Expression latDeg) {
    }

    record Circle(Point centre, Expression radiusDeg) {
    }

    /** {@code REGION('STC-S')} as the function it stands for ({@link StcsRegion}); any other expression as it is. */
    private static Expression expanded(Expression expression) {
        if (expression instanceof Expression.FunctionCall call && call.name().equals("REGION")) {
            return StcsRegion.expand(call);
        }
        return expression;
    }

    static Optional<Point> point(Expression written) {
        Expression expression = expanded(written);
        if (expression instanceof Expression.FunctionCall call && call.name().equals("CENTROID")) {
            return Optional.of(centroid(call));
        }
        if (!(expression instanceof Expression.FunctionCall call) || !call.name().equals("POINT")) {
            return Optional.empty();
        }
        List<Expression> arguments = withoutCoordinateSystem(call, 2);
        return Optional.of(new Point(arguments.get(0), arguments.get(1)));
    }

    /**
     * CENTROID of a point (itself), a circle (its centre, any expressions) or a constant polygon or box (the centroid of
     * its surface, {@link PolygonRegion#centroidDeg}).
     */
    private static Point centroid(Expression.FunctionCall call) {
        Expression region = call.arguments().get(0);
        Optional<Point> point = point(region);
        if (point.isPresent()) {
            return point.get();
        }
        Optional<Circle> circle = circle(region);
        if (circle.isPresent()) {
            return circle.get().centre();
        }
        Optional<List<double[]>> vertices = polygonVerticesDeg(region);
        if (vertices.isPresent()) {
            double[] centroid = PolygonRegion.of(vertices.get(), region.position()).centroidDeg();
            return new Point(SphericalSql.number(centroid[0]), SphericalSql.number(centroid[1]));
        }
        throw unsupported(region, "CENTROID is evaluated for a POINT, a CIRCLE, or a constant POLYGON or BOX");
    }

    static Optional<Circle> circle(Expression written) {
        Expression expression = expanded(written);
        if (!(expression instanceof Expression.FunctionCall call) || !call.name().equals("CIRCLE")) {
            return Optional.empty();
        }
        List<Expression> arguments = call.arguments();
        // CIRCLE(point, r), CIRCLE(x, y, r), CIRCLE(cs, point, r), CIRCLE(cs, x, y, r)
        boolean pointCentre = arguments.size() == 2 || (arguments.size() == 3 && isCoordinateSystem(arguments.get(0)));
        List<Expression> rest = withoutCoordinateSystem(call, pointCentre ? 2 : 3);
        if (pointCentre) {
            Point centre = point(rest.get(0)).orElseThrow(() -> unsupported(rest.get(0), "the centre of a CIRCLE must be a POINT"));
            return Optional.of(new Circle(centre, rest.get(1)));
        }
        return Optional.of(new Circle(new Point(rest.get(0), rest.get(1)), rest.get(2)));
    }

    /** The constant vertices (degrees) of a POLYGON or BOX; empty for another expression. */
    static Optional<List<double[]>> polygonVerticesDeg(Expression written) {
        Expression expression = expanded(written);
        if (!(expression instanceof Expression.FunctionCall call)) {
            return Optional.empty();
        }
        if (call.name().equals("BOX")) {
            List<Expression> arguments = call.arguments();
            boolean pointCentre = arguments.size() == 3 || (arguments.size() == 4 && isCoordinateSystem(arguments.get(0)));
            List<Expression> rest = withoutCoordinateSystem(call, pointCentre ? 3 : 4);
            Point centre = pointCentre
                    ? point(rest.get(0)).orElseThrow(() -> unsupported(rest.get(0), "the centre of a BOX must be a POINT"))
                    : new Point(rest.get(0), rest.get(1));
            double lon = constant(centre.lonDeg(), "BOX centre");
            double lat = constant(centre.latDeg(), "BOX centre");
            Expression widthExpression = rest.get(rest.size() - 2);
            Expression heightExpression = rest.get(rest.size() - 1);
            double width = constant(widthExpression, "BOX width");
            double height = constant(heightExpression, "BOX height");
            if (!(lat >= -90 && lat <= 90)) {
                throw unsupported(centre.latDeg(), "a declination must be in [-90, 90] degrees; got " + lat);
            }
            if (!(width > 0 && width < 180)) {
                throw unsupported(widthExpression, "a BOX width must be in (0, 180) degrees; got " + width);
            }
            if (!(height > 0 && height < 180)) {
                throw unsupported(heightExpression, "a BOX height must be in (0, 180) degrees; got " + height);
            }
            return Optional.of(SkyBox.cornersDeg(lon, lat, width, height));
        }
        if (!call.name().equals("POLYGON")) {
            return Optional.empty();
        }
        List<Expression> arguments = call.arguments();
        if (!arguments.isEmpty() && isCoordinateSystem(arguments.get(0))) {
            checkCoordinateSystem(arguments.get(0));
            arguments = arguments.subList(1, arguments.size());
        }
        List<double[]> vertices = new ArrayList<>();
        if (arguments.stream().allMatch(a -> point(a).isPresent())) {
            for (Expression argument : arguments) {
                Point vertex = point(argument).orElseThrow();
                vertices.add(new double[] {constant(vertex.lonDeg(), "POLYGON vertex"), constant(vertex.latDeg(), "POLYGON vertex")});
            }
        } else {
            if (arguments.size() % 2 != 0 || arguments.size() < 6) {
                throw unsupported(call, "POLYGON takes at least 3 vertices as pairs of coordinates or as POINTs; got "
                        + arguments.size() + " values");
            }
            for (int i = 0; i < arguments.size(); i += 2) {
                vertices.add(new double[] {constant(arguments.get(i), "POLYGON vertex"), constant(arguments.get(i + 1), "POLYGON vertex")});
            }
        }
        return Optional.of(List.copyOf(vertices));
    }

    /** The vertices of a POLYGON call as expressions (constant or not), without its coordinate system. */
    static List<Point> polygonVertices(Expression.FunctionCall call) {
        List<Expression> arguments = call.arguments();
        if (!arguments.isEmpty() && isCoordinateSystem(arguments.get(0))) {
            checkCoordinateSystem(arguments.get(0));
            arguments = arguments.subList(1, arguments.size());
        }
        List<Point> vertices = new ArrayList<>();
        if (arguments.stream().allMatch(a -> point(a).isPresent())) {
            for (Expression argument : arguments) {
                vertices.add(point(argument).orElseThrow());
            }
            if (vertices.size() >= 3) {
                return List.copyOf(vertices);
            }
        }
        if (arguments.size() % 2 != 0 || arguments.size() < 6) {
            throw unsupported(call, "POLYGON takes at least 3 vertices as pairs of coordinates or as POINTs; got "
                    + arguments.size() + " values");
        }
        for (int i = 0; i < arguments.size(); i += 2) {
            vertices.add(new Point(arguments.get(i), arguments.get(i + 1)));
        }
        return List.copyOf(vertices);
    }

    private static List<Expression> withoutCoordinateSystem(Expression.FunctionCall call, int countWithout) {
        List<Expression> arguments = call.arguments();
        if (arguments.size() == countWithout + 1) {
            checkCoordinateSystem(arguments.get(0));
            return arguments.subList(1, arguments.size());
        }
        if (arguments.size() != countWithout) {
            throw unsupported(call, call.name() + " with " + arguments.size() + " arguments");
        }
        return arguments;
    }

    private static boolean isCoordinateSystem(Expression expression) {
        return expression instanceof Expression.StringLiteral || expression instanceof Expression.NullLiteral;
    }

    private static void checkCoordinateSystem(Expression expression) {
        if (expression instanceof Expression.NullLiteral) {
            return;
        }
        if (!(expression instanceof Expression.StringLiteral literal)) {
            throw unsupported(expression, "the coordinate system must be a string such as 'ICRS'");
        }
        String system = literal.value().trim().toUpperCase(Locale.ROOT);
        if (!system.isEmpty() && !system.startsWith("ICRS")) {
            throw unsupported(expression, "coordinate system '" + literal.value() + "': the surveys here are ICRS; use 'ICRS' or ''");
        }
    }

    /** The value of a constant numeric expression, or an error naming {@code what}. */
    static double constant(Expression expression, String what) {
        OptionalDouble value = constantValue(expression);
        if (value.isEmpty()) {
            throw unsupported(expression, what + " must be a constant number here");
        }
        return value.getAsDouble();
    }

    static OptionalDouble constantValue(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            String text = number.text();
            return OptionalDouble.of(text.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Double.parseDouble(text));
        }
        if (expression instanceof Expression.Unary unary && unary.operator() != Expression.UnaryOperator.BITWISE_NOT) {
            OptionalDouble operand = constantValue(unary.operand());
            if (operand.isEmpty()) {
                return operand;
            }
            return OptionalDouble.of(unary.operator() == Expression.UnaryOperator.MINUS ? -operand.getAsDouble() : operand.getAsDouble());
        }
        if (expression instanceof Expression.Binary binary) {
            OptionalDouble left = constantValue(binary.left());
            OptionalDouble right = constantValue(binary.right());
            if (left.isEmpty() || right.isEmpty()) {
                return OptionalDouble.empty();
            }
            double a = left.getAsDouble();
            double b = right.getAsDouble();
            return switch (binary.operator()) {
                case ADD -> OptionalDouble.of(a + b);
                case SUBTRACT -> OptionalDouble.of(a - b);
                case MULTIPLY -> OptionalDouble.of(a * b);
                case DIVIDE -> b == 0 ? OptionalDouble.empty() : OptionalDouble.of(a / b);
                default -> OptionalDouble.empty();
            };
        }
        return OptionalDouble.empty();
    }

    static AdqlException unsupported(Expression at, String message) {
        return new AdqlException(AdqlException.Kind.UNSUPPORTED, at.position(), message);
    }
}
