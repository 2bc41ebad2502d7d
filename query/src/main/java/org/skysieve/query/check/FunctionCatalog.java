package org.skysieve.query.check;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.skysieve.catalog.model.ColumnType;

/**
 * The functions a query may call: ADQL 2.1's own (math, trigonometry, string, aggregate, conditional, bitwise,
 * IN_UNIT, geometry) and skysieve's user-defined {@code sieve_coverage} and {@code sieve_limit}
 * ({@link StatusFunctions}). Any other name is refused by the checker with its position. The translator maps each of these to DuckDB (or refuses a geometry use it cannot evaluate).
 */
public final class FunctionCatalog {
    static final Set<String> AGGREGATES = Set.of("COUNT", "AVG", "MIN", "MAX", "SUM");
    static final Set<String> GEOMETRY_VALUES = Set.of("POINT", "CIRCLE", "BOX", "POLYGON", "REGION", "CENTROID");
    private static final Set<String> DOUBLE_VALUED = Set.of("ACOS", "ASIN", "ATAN", "ATAN2", "COS", "COT", "SIN", "TAN",
            "DEGREES", "RADIANS", "EXP", "LOG", "LOG10", "PI", "POWER", "RAND", "SQRT", "AVG",
            "DISTANCE", "AREA", "COORD1", "COORD2", "IN_UNIT", StatusFunctions.LIMIT);
    private static final Set<String> ARGUMENT_TYPED = Set.of("ABS", "CEILING", "FLOOR", "ROUND", "TRUNCATE", "MOD",
            "MIN", "MAX", "COALESCE");
    private static final Set<String> STRING_VALUED = Set.of("LOWER", "UPPER", "COORDSYS", StatusFunctions.COVERAGE);
    private static final Set<String> INTEGER_VALUED = Set.of("CONTAINS", "INTERSECTS");
    private static final Set<String> ALL = allNames();

    private FunctionCatalog() {
    }

    private static Set<String> allNames() {
        Set<String> names = new TreeSet<>();
        names.addAll(AGGREGATES);
        names.addAll(GEOMETRY_VALUES);
        names.addAll(DOUBLE_VALUED);
        names.addAll(ARGUMENT_TYPED);
        names.addAll(STRING_VALUED);
        names.addAll(INTEGER_VALUED);
        return Set.copyOf(names);
    }

    public static boolean isKnown(String upperCaseName) {
        return ALL.contains(upperCaseName);
    }

    public static boolean isAggregate(String upperCaseName) {
        return AGGREGATES.contains(upperCaseName);
    }

    /** Every known name, sorted (for error messages and capabilities). */
    public static List<String> names() {
        return List.copyOf(new TreeSet<>(ALL));
    }

    /** The result type given the types of the arguments (empty list for COUNT(*)). */
    static ColumnType resultType(String name, List<ColumnType> arguments) {
        if (name.equals("COUNT")) {
            return ColumnType.LONG;
        }
        if (name.equals("SUM")) {
            return arguments.isEmpty() || isIntegral(arguments.get(0)) ? ColumnType.LONG : ColumnType.DOUBLE;
        }
        if (DOUBLE_VALUED.contains(name)) {
            return ColumnType.DOUBLE;
        }
        if (STRING_VALUED.contains(name)) {
            return ColumnType.STRING;
        }
        if (INTEGER_VALUED.contains(name)) {
            return ColumnType.INT;
        }
        switch (name) {
            case "POINT", "CENTROID" -> {
                return ColumnType.POINT;
            }
            case "CIRCLE" -> {
                return ColumnType.CIRCLE;
            }
            case "POLYGON", "BOX" -> {
                return ColumnType.POLYGON;
            }
            default -> { }
        }
        if (ARGUMENT_TYPED.contains(name) && !arguments.isEmpty()) {
            return arguments.get(0);
        }
        return ColumnType.DOUBLE;
    }

    static boolean isIntegral(ColumnType type) {
        return type == ColumnType.SHORT || type == ColumnType.INT || type == ColumnType.LONG;
    }
}
