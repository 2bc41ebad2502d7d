package org.skysieve.query.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skysieve.catalog.duckdb.StatusSqlFunctions;
import org.skysieve.query.AdqlException;
import org.skysieve.query.check.StatusFunctions;
import org.skysieve.query.tree.Expression;

/**
 * The allow-list of functions that reach DuckDB: each ADQL function (and LEAST, used by the distance rule) with its
 * DuckDB spelling. A name not here never reaches the SQL; geometry left after the rules is refused with its position.
 * Static, thread-safe.
 */
final class FunctionMapping {
    private static final Map<String, String> SAME_ARGUMENTS = Map.ofEntries(
            Map.entry("ABS", "abs"), Map.entry("CEILING", "ceil"), Map.entry("DEGREES", "degrees"), Map.entry("EXP", "exp"),
            Map.entry("FLOOR", "floor"), Map.entry("LOG", "ln"), Map.entry("LOG10", "log10"), Map.entry("PI", "pi"),
            Map.entry("POWER", "power"), Map.entry("RADIANS", "radians"), Map.entry("SQRT", "sqrt"),
            Map.entry("ACOS", "acos"), Map.entry("ASIN", "asin"), Map.entry("ATAN", "atan"), Map.entry("ATAN2", "atan2"),
            Map.entry("COS", "cos"), Map.entry("COT", "cot"), Map.entry("SIN", "sin"), Map.entry("TAN", "tan"),
            Map.entry("LOWER", "lower"), Map.entry("UPPER", "upper"), Map.entry("COALESCE", "coalesce"),
            Map.entry("COUNT", "count"), Map.entry("AVG", "avg"), Map.entry("MIN", "min"), Map.entry("MAX", "max"),
            Map.entry("SUM", "sum"), Map.entry("LEAST", "least"));

    private FunctionMapping() {
    }

    private static final java.util.Set<String> SPECIAL = java.util.Set.of("MOD", "RAND", "ROUND", "TRUNCATE",
            "SIEVE_COVERAGE", "SIEVE_LIMIT",
            GeometryValueRule.DOUBLE_LIST, "COORD1", "COORD2");

    /** Refuses a call outside the allow-list (before its arguments are printed: the outermost problem is reported). */
    static void requireAllowed(Expression.FunctionCall call) {
        if (!SAME_ARGUMENTS.containsKey(call.name()) && !SPECIAL.contains(call.name())) {
            throw refused(call);
        }
    }

    /**
     * The DuckDB text of a call whose arguments are already printed.
     *
     * @param statusBands the survey bands with status maps (survey to band names), numbering the band keys of
     *                    {@link StatusSqlFunctions}
     */
    static String render(Expression.FunctionCall call, List<String> arguments, Map<String, List<String>> statusBands) {
        String name = call.name();
        String simple = SAME_ARGUMENTS.get(name);
        if (simple != null) {
            if (call.star()) {
                return simple + "(*)";
            }
            return simple + "(" + (call.distinct() ? "DISTINCT " : "") + String.join(", ", arguments) + ")";
        }
        if (StatusFunctions.isStatusFunction(name)) {
            return statusCall(call, arguments, statusBands);
        }
        return special(call, arguments).orElseThrow(() -> refused(call));
    }

    /**
     * skysieve's user-defined functions, registered on the database by {@link StatusSqlFunctions}: by band key when the
     * survey and band are literals (no string read per row), else with the names.
     */
    private static String statusCall(Expression.FunctionCall call, List<String> arguments, Map<String, List<String>> statusBands) {
        boolean coverage = call.name().equals(StatusFunctions.COVERAGE);
        String position = "CAST(" + arguments.get(2) + " AS DOUBLE), CAST(" + arguments.get(3) + " AS DOUBLE)";
        if (call.arguments().get(0) instanceof Expression.StringLiteral survey
                && call.arguments().get(1) instanceof Expression.StringLiteral band) {
            int key = StatusSqlFunctions.bandKeys(statusBands).indexOf(survey.value() + "/" + band.value());
            if (key >= 0) {
                if (!coverage) {
                    return StatusSqlFunctions.LIMIT_OF_KEY + "(" + key + ", " + position + ")";
                }
                String words = String.join(", ", StatusSqlFunctions.COVERAGE_WORDS.stream().map(word -> "'" + word + "'").toList());
                return "([" + words + "][" + StatusSqlFunctions.COVERAGE_CODE + "(" + key + ", " + position + ") + 1])";
            }
        }
        return (coverage ? StatusSqlFunctions.COVERAGE : StatusSqlFunctions.LIMIT) + "(CAST(" + arguments.get(0) + " AS VARCHAR), CAST("
                + arguments.get(1) + " AS VARCHAR), " + position + ")";
    }

    private static Optional<String> special(Expression.FunctionCall call, List<String> arguments) {
        return switch (call.name()) {
            // a geometry value: null when any part is null (DALI has no partly-null point)
            case GeometryValueRule.DOUBLE_LIST -> Optional.of("(CASE WHEN " + String.join(" OR ",
                    arguments.stream().map(a -> "(" + a + ") IS NULL").toList()) + " THEN NULL ELSE ["
                    + String.join(", ", arguments.stream().map(a -> "CAST(" + a + " AS DOUBLE)").toList()) + "] END)");
            // COORD1/COORD2 of a POINT constructor are rewritten by CoordinateRule; what is left reads a geometry value
            // (a DOUBLE[] column of a WITH query or derived table): its first or second element
            case "COORD1" -> Optional.of("(CAST(" + arguments.get(0) + " AS DOUBLE[]))[1]");
            case "COORD2" -> Optional.of("(CAST(" + arguments.get(0) + " AS DOUBLE[]))[2]");
            case "MOD" -> Optional.of("(" + arguments.get(0) + " % " + arguments.get(1) + ")");
            // DuckDB's random() takes no seed (setseed is a statement): the seed of RAND(seed) is not honoured
            case "RAND" -> Optional.of("random()");
            case "ROUND" -> Optional.of("round(" + String.join(", ", arguments) + ")");
            case "TRUNCATE" -> Optional.of(arguments.size() == 1
                    ? "trunc(" + arguments.get(0) + ")"
                    : "(trunc(" + arguments.get(0) + " * power(10, " + arguments.get(1) + ")) / power(10, " + arguments.get(1) + "))");
            default -> Optional.empty();
        };
    }

    private static AdqlException refused(Expression.FunctionCall call) {
        return new AdqlException(AdqlException.Kind.UNSUPPORTED, call.position(), switch (call.name()) {
            case "CONTAINS", "INTERSECTS" -> call.name() + " is evaluated here between a POINT, CIRCLE, POLYGON, BOX or REGION and"
                    + " a CIRCLE, POLYGON, BOX or REGION (polygons and boxes with constant coordinates)";
            case "POINT", "CIRCLE", "BOX", "POLYGON", "REGION", "CENTROID" ->
                    call.name() + " is only evaluated inside CONTAINS, INTERSECTS, DISTANCE, COORD1, COORD2 or AREA";
            case "AREA" -> "AREA is evaluated for a POINT, a CIRCLE of constant radius, or a constant POLYGON or BOX";
            case "COORD1", "COORD2" -> call.name() + " is evaluated for a POINT";
            case "DISTANCE" -> "DISTANCE takes two POINTs or four coordinates";
            default -> "function " + call.name() + " is not offered by this service";
        });
    }
}
