package org.skysieve.query.parser;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument counts of ADQL 2.1's own functions, checked while parsing: {@code ABS(y, z)} is a syntax error in the
 * standard's grammar. Names not listed are user-defined functions, any arity (the checker decides whether they exist).
 */
final class FunctionArity {
    /** Inclusive bounds; {@code maximum == Integer.MAX_VALUE} means "or more". */
    record Range(int minimum, int maximum) {
        boolean allows(int count) {
            return count >= minimum && count <= maximum;
        }

        String describe() {
            if (minimum == maximum) {
                return minimum + (minimum == 1 ? " argument" : " arguments");
            }
            if (maximum == Integer.MAX_VALUE) {
                return minimum + " or more arguments";
            }
            return minimum + " to " + maximum + " arguments";
        }
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("ABS", new Range(1, 1)), Map.entry("CEILING", new Range(1, 1)), Map.entry("DEGREES", new Range(1, 1)),
            Map.entry("EXP", new Range(1, 1)), Map.entry("FLOOR", new Range(1, 1)), Map.entry("LOG", new Range(1, 1)),
            Map.entry("LOG10", new Range(1, 1)), Map.entry("MOD", new Range(2, 2)), Map.entry("PI", new Range(0, 0)),
            Map.entry("POWER", new Range(2, 2)), Map.entry("RADIANS", new Range(1, 1)), Map.entry("RAND", new Range(0, 1)),
            Map.entry("ROUND", new Range(1, 2)), Map.entry("SQRT", new Range(1, 1)), Map.entry("TRUNCATE", new Range(1, 2)),
            Map.entry("ACOS", new Range(1, 1)), Map.entry("ASIN", new Range(1, 1)), Map.entry("ATAN", new Range(1, 1)),
            Map.entry("ATAN2", new Range(2, 2)), Map.entry("COS", new Range(1, 1)), Map.entry("COT", new Range(1, 1)),
            Map.entry("SIN", new Range(1, 1)), Map.entry("TAN", new Range(1, 1)),
            Map.entry("LOWER", new Range(1, 1)), Map.entry("UPPER", new Range(1, 1)), Map.entry("COALESCE", new Range(1, MANY)),
            Map.entry("IN_UNIT", new Range(2, 2)),
            Map.entry("COUNT", new Range(1, 1)), Map.entry("AVG", new Range(1, 1)), Map.entry("MIN", new Range(1, 1)),
            Map.entry("MAX", new Range(1, 1)), Map.entry("SUM", new Range(1, 1)),
            Map.entry("POINT", new Range(2, 3)), Map.entry("CIRCLE", new Range(2, 4)), Map.entry("BOX", new Range(3, 5)),
            Map.entry("POLYGON", new Range(3, MANY)), Map.entry("REGION", new Range(1, 1)), Map.entry("CENTROID", new Range(1, 1)),
            Map.entry("CONTAINS", new Range(2, 2)), Map.entry("INTERSECTS", new Range(2, 2)), Map.entry("AREA", new Range(1, 1)),
            Map.entry("COORD1", new Range(1, 1)), Map.entry("COORD2", new Range(1, 1)), Map.entry("COORDSYS", new Range(1, 1)),
            Map.entry("DISTANCE", new Range(2, 4)));

    private FunctionArity() {
    }

    static Optional<Range> of(String name) {
        return Optional.ofNullable(RANGES.get(name.toUpperCase(Locale.ROOT)));
    }
}
