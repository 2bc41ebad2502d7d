package org.skysieve.catalog.ingest;

import org.skysieve.catalog.model.ColumnType;

/**
 * The SQL that converts one input column into its published value and says what is wrong with it, for one
 * input file. The value is null where the input is null or could not be converted; the problem is null where
 * the value is fine, else a message saying what was expected and what was found.
 */
final class ColumnChecks {
    /** What a column is for; positions and identifiers have checks of their own. */
    enum Role { RA, DEC, ID, OTHER }

    private final String value;
    private final String unparsable;
    private final String problem;

    private ColumnChecks(String value, String unparsable, String problem) {
        this.value = value;
        this.unparsable = unparsable;
        this.problem = problem;
    }

    /** SQL of the published value, typed as the documented type. */
    String value() {
        return value;
    }

    /** SQL that is true when an input value exists but could not be converted. */
    String unparsable() {
        return unparsable;
    }

    /** SQL of the problem message, or null. */
    String problem() {
        return problem;
    }

    static ColumnChecks of(SourceColumn source, ColumnType type, double factor, String unit, Role role) {
        String input = source.alias();
        boolean text = source.sqlType().equals("VARCHAR");
        String present = text ? "NULLIF(trim(" + input + "), '')" : input;
        String value = switch (type) {
            case STRING -> "CAST(" + input + " AS VARCHAR)";
            case BOOLEAN -> "TRY_CAST(" + present + " AS BOOLEAN)";
            case FLOAT, DOUBLE -> {
                String number = "TRY_CAST(" + present + " AS DOUBLE)";
                if (factor != 1) {
                    number = "(" + number + " * " + Double.toString(factor) + ")";
                }
                yield type == ColumnType.FLOAT ? "TRY_CAST(" + number + " AS FLOAT)" : number;
            }
            case SHORT, INT, LONG -> integer(present, source.sqlType(), type);
            case POINT, CIRCLE, POLYGON -> throw new IllegalArgumentException("Expected a scalar column type for "
                    + source.alias() + ". Actual: " + type + " (geometry values are query results only)");
        };
        String unparsable = "(" + present + " IS NOT NULL AND " + value + " IS NULL)";
        String actual = "'''' || CAST(" + input + " AS VARCHAR) || ''''";
        StringBuilder problem = new StringBuilder("CASE WHEN " + unparsable + " THEN "
                + Sql.literal("Expected " + article(type) + ". Actual: ") + " || " + actual);
        String converted = factor == 1 ? "" : " (" + unit + ", converted)";
        switch (role) {
            case RA -> problem.append(" WHEN ").append(value).append(" IS NULL THEN 'Expected a right ascension in degrees. Actual: no value'")
                    .append(" WHEN NOT isfinite(").append(value).append(") OR ").append(value).append(" < 0 OR ").append(value).append(" >= 360 THEN ")
                    .append(Sql.literal("Expected ra in [0, 360) deg. Actual: ")).append(" || CAST(").append(value).append(" AS VARCHAR)")
                    .append(converted.isEmpty() ? "" : " || " + Sql.literal(converted));
            case DEC -> problem.append(" WHEN ").append(value).append(" IS NULL THEN 'Expected a declination in degrees. Actual: no value'")
                    .append(" WHEN NOT isfinite(").append(value).append(") OR ").append(value).append(" < -90 OR ").append(value).append(" > 90 THEN ")
                    .append(Sql.literal("Expected dec in [-90, 90] deg. Actual: ")).append(" || CAST(").append(value).append(" AS VARCHAR)")
                    .append(converted.isEmpty() ? "" : " || " + Sql.literal(converted));
            case ID -> problem.append(" WHEN ").append(value).append(" IS NULL THEN 'Expected an identifier. Actual: no value'");
            case OTHER -> {
            }
        }
        problem.append(" END");
        return new ColumnChecks(value, unparsable, problem.toString());
    }

    /** Integers must be written as integers: {@code 1.5} is not silently rounded. */
    private static String integer(String present, String sourceType, ColumnType type) {
        String target = type.sqlType();
        if (sourceType.equals("VARCHAR")) {
            return "CASE WHEN regexp_full_match(" + present + ", '[+-]?[0-9]+') THEN TRY_CAST(" + present + " AS " + target + ") END";
        }
        if (sourceType.equals("DOUBLE") || sourceType.equals("FLOAT") || sourceType.startsWith("DECIMAL")) {
            String asDouble = "CAST(" + present + " AS DOUBLE)";
            return "CASE WHEN isfinite(" + asDouble + ") AND " + asDouble + " = trunc(" + asDouble + ") THEN TRY_CAST(" + present + " AS " + target + ") END";
        }
        return "TRY_CAST(" + present + " AS " + target + ")";
    }

    private static String article(ColumnType type) {
        return switch (type) {
            case SHORT -> "a short integer in [-32768, 32767]";
            case INT -> "an int in [-2147483648, 2147483647]";
            case LONG -> "a long integer";
            case FLOAT -> "a float";
            case DOUBLE -> "a double";
            case BOOLEAN -> "a boolean (true/false)";
            case STRING -> "text";
            case POINT, CIRCLE, POLYGON -> "a " + type.xtype();
        };
    }
}
