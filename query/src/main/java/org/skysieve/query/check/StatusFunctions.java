package org.skysieve.query.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;

/**
 * skysieve's user-defined ADQL functions, which say what a survey band knows of a position (from its coverage, mask
 * and depth maps, by HEALPix look-up):
 * <ul>
 *   <li>{@code sieve_coverage(survey, band, ra, dec)}: {@code 'observed'}, {@code 'masked'} or {@code 'unobserved'};</li>
 *   <li>{@code sieve_limit(survey, band, ra, dec)}: the 5-sigma limiting magnitude there, null where unobserved.</li>
 * </ul>
 * Positions are ICRS degrees. The checker verifies the argument count and, when survey and band are string literals,
 * that the survey has maps and the band exists (an {@link AdqlException} at the literal's line and column); other
 * arguments are checked by the database as rows are read. Static, thread-safe.
 */
public final class StatusFunctions {
    public static final String COVERAGE = "SIEVE_COVERAGE";
    public static final String LIMIT = "SIEVE_LIMIT";
    static final Set<String> NAMES = Set.of(COVERAGE, LIMIT);

    /** The words {@code sieve_coverage} returns, with their meaning. */
    public static final Map<String, String> COVERAGE_WORDS = Map.of(
            "observed", "inside the band's coverage and outside its masks",
            "masked", "inside the band's coverage and inside a mask (bright-star halo, bad region)",
            "unobserved", "outside the band's coverage: never observed");

    private StatusFunctions() {
    }

    public static boolean isStatusFunction(String upperCaseName) {
        return NAMES.contains(upperCaseName);
    }

    /** A one-line signature and meaning of each function, for capabilities documents. */
    public static Map<String, String> descriptions() {
        return Map.of(
                "sieve_coverage(survey VARCHAR, band VARCHAR, ra DOUBLE, dec DOUBLE) -> VARCHAR",
                "What a survey band knows of an ICRS position (degrees) from its coverage and mask maps: 'observed', 'masked' or"
                        + " 'unobserved'.",
                "sieve_limit(survey VARCHAR, band VARCHAR, ra DOUBLE, dec DOUBLE) -> DOUBLE",
                "The 5-sigma limiting magnitude of a survey band at an ICRS position (degrees), from its depth map; null where"
                        + " unobserved.");
    }

    /**
     * Checks a resolved call against the survey bands with maps, and returns the documentation of its value.
     *
     * @param statusBands survey name to band names, for the surveys that have maps
     */
    static ColumnDoc check(Expression.FunctionCall call, Map<String, List<String>> statusBands) {
        String lower = call.name().toLowerCase(java.util.Locale.ROOT);
        if (call.star() || call.distinct() || call.arguments().size() != 4) {
            throw new AdqlException(AdqlException.Kind.SYNTAX, call.position(), lower
                    + " takes 4 arguments (survey, band, ra, dec). Actual: " + call.arguments().size());
        }
        Optional<String> survey = literal(call.arguments().get(0));
        Optional<String> band = literal(call.arguments().get(1));
        if (survey.isPresent() && !statusBands.containsKey(survey.get())) {
            throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, call.arguments().get(0).position(), "unknown survey '"
                    + survey.get() + "' in " + lower + "; surveys with coverage maps: " + statusBands.keySet().stream().sorted().toList());
        }
        if (survey.isPresent() && band.isPresent() && !statusBands.get(survey.get()).contains(band.get())) {
            throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, call.arguments().get(1).position(), "unknown band '"
                    + band.get() + "' of survey " + survey.get() + " in " + lower + "; expected one of " + statusBands.get(survey.get()));
        }
        String which = survey.isPresent() && band.isPresent() ? band.get() + " of " + survey.get() : "the survey band named";
        if (call.name().equals(COVERAGE)) {
            return new ColumnDoc(lower, ColumnType.STRING, "", "meta.code.status", "What " + which
                    + " knows of the position: observed (in coverage, outside masks), masked (in coverage, inside a mask) or"
                    + " unobserved (outside coverage).", "", Optional.empty(), Optional.empty());
        }
        return new ColumnDoc(lower, ColumnType.DOUBLE, "mag", "phot.mag;stat.max", "5-sigma limiting magnitude of " + which
                + " at the position, from its depth map.", "unobserved there, or the band has no depth map", band, Optional.empty());
    }

    private static Optional<String> literal(Expression argument) {
        return argument instanceof Expression.StringLiteral literal ? Optional.of(literal.value()) : Optional.empty();
    }
}
