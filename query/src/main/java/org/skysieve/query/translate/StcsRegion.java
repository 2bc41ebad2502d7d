package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Position;

/**
 * ADQL's optional REGION('STC-S text') for the simple STC-S shapes (IVOA STC-S note; the same words DALI and TAP
 * services use): {@code Position}, {@code Circle}, {@code Box} and {@code Polygon}, each with an optional frame
 * ({@code ICRS} or {@code UNKNOWNFrame}: the surveys are ICRS), optional reference position and flavour words
 * ({@code BARYCENTER}, {@code GEOCENTER}, ..., {@code SPHERICAL2}) that are ignored, then the numbers in degrees, and an
 * optional {@code unit deg}. For instance {@code REGION('Circle ICRS 10 -5 0.5')} is {@code CIRCLE(10, -5, 0.5)}.
 * Other frames, units and the compound shapes ({@code Union}, {@code Intersection}, {@code Not}) are refused at the
 * literal's position. Static, thread-safe.
 */
final class StcsRegion {
    private static final Set<String> IGNORED = Set.of("BARYCENTER", "GEOCENTER", "HELIOCENTER", "TOPOCENTER", "LSR", "LSRK", "LSRD",
            "GALACTIC_CENTER", "LOCAL_GROUP_CENTER", "EMBARYCENTER", "UNKNOWNREFPOS", "SPHERICAL2");
    private static final Set<String> FRAMES_REFUSED = Set.of("FK4", "FK5", "J2000", "B1950", "ECLIPTIC", "GALACTIC", "GALACTIC_II",
            "SUPER_GALACTIC", "GEO_C", "GEO_D", "UNKNOWNFRAME_NOT_ICRS");

    private StcsRegion() {
    }

    /** The geometry function {@code REGION(literal)} stands for: POINT, CIRCLE, BOX or POLYGON of number literals. */
    static Expression.FunctionCall expand(Expression.FunctionCall region) {
        Expression argument = region.arguments().get(0);
        if (!(argument instanceof Expression.StringLiteral literal)) {
            throw refused(argument.position(), "REGION takes an STC-S string literal such as 'Circle ICRS 10 20 0.5'");
        }
        Position at = literal.position();
        List<String> words = List.of(literal.value().trim().split("\\s+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw refused(at, "REGION: expected an STC-S shape (Position, Circle, Box or Polygon). Actual: an empty string");
        }
        String shape = words.get(0).toUpperCase(Locale.ROOT);
        String function = switch (shape) {
            case "POSITION" -> "POINT";
            case "CIRCLE" -> "CIRCLE";
            case "BOX" -> "BOX";
            case "POLYGON" -> "POLYGON";
            default -> throw refused(at, "REGION: expected an STC-S shape Position, Circle, Box or Polygon. Actual: '" + words.get(0) + "'"
                    + (Set.of("UNION", "INTERSECTION", "NOT", "DIFFERENCE").contains(shape)
                        ? " (compound regions are not offered: combine CONTAINS tests with OR, AND, NOT)" : ""));
        };
        List<Expression> numbers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String upper = word.toUpperCase(Locale.ROOT);
            if (upper.equals("ICRS") || upper.equals("UNKNOWNFRAME") || IGNORED.contains(upper)) {
                if (!numbers.isEmpty()) {
                    throw refused(at, "REGION: '" + word + "' after the coordinates; expected numbers");
                }
                continue;
            }
            if (FRAMES_REFUSED.contains(upper)) {
                throw refused(at, "REGION: frame " + word + " is not offered; the surveys here are ICRS (write ICRS or no frame)");
            }
            if (upper.equals("UNIT")) {
                if (i + 1 >= words.size() || !words.get(i + 1).equalsIgnoreCase("deg") || i + 2 != words.size()) {
                    throw refused(at, "REGION: expected 'unit deg' at the end, if any. Actual: '"
                            + String.join(" ", words.subList(i, words.size())) + "'");
                }
                break;
            }
            try {
                double value = Double.parseDouble(word);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                numbers.add(new Expression.NumberLiteral(at, word, false));
            } catch (NumberFormatException e) {
                throw refused(at, "REGION: expected a number (degrees) in the " + words.get(0) + ". Actual: '" + word + "'");
            }
        }
        int count = numbers.size();
        boolean fits = switch (function) {
            case "POINT" -> count == 2;
            case "CIRCLE" -> count == 3;
            case "BOX" -> count == 4;
            default -> count >= 6 && count % 2 == 0;
        };
        if (!fits) {
            throw refused(at, "REGION: a " + words.get(0) + " takes " + switch (function) {
                case "POINT" -> "2 numbers (lon lat)";
                case "CIRCLE" -> "3 numbers (lon lat radius)";
                case "BOX" -> "4 numbers (lon lat width height)";
                default -> "at least 3 vertices as pairs of numbers (lon lat)";
            } + ". Actual: " + count + " numbers");
        }
        return new Expression.FunctionCall(region.position(), function, List.copyOf(numbers), false, false);
    }

    private static AdqlException refused(Position at, String message) {
        return new AdqlException(AdqlException.Kind.UNSUPPORTED, at, message);
    }
}
