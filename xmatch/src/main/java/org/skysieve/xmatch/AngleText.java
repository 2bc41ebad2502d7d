package org.skysieve.xmatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses an angle written with its unit: {@code 1arcsec}, {@code 0.5 arcmin}, {@code 2deg}, {@code 300mas}, {@code 1"}. */
public final class AngleText {
    private static final Pattern ANGLE = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z\"']*)\\s*");

    private AngleText() {
    }

    /**
     * The angle in arcsec.
     *
     * @param parameter named in the error message (e.g. {@code --radius})
     * @throws IllegalArgumentException when the text is not a number followed by one of deg, arcmin, arcsec, mas
     */
    public static double parseArcsec(String text, String parameter) {
        Matcher matcher = ANGLE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Expected " + parameter + " as a number and a unit (deg, arcmin, arcsec, mas), e.g. 1arcsec. Actual: "
                    + text);
        }
        double value = Double.parseDouble(matcher.group(1));
        return value * arcsecPer(matcher.group(2), parameter, text);
    }

    /** Arcsec in one {@code unit} (deg, degree(s), arcmin, ', arcsec, ", mas). */
    public static double arcsecPer(String unit, String parameter, String text) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "deg", "degree", "degrees", "d" -> 3600.0;
            case "arcmin", "amin", "'" -> 60.0;
            case "arcsec", "asec", "\"" -> 1.0;
            case "mas" -> 0.001;
            case "" -> throw new IllegalArgumentException("Expected " + parameter + " with a unit (deg, arcmin, arcsec, mas), e.g. 1arcsec. Actual: "
                    + text + " (no unit)");
            default -> throw new IllegalArgumentException("Expected " + parameter + " in deg, arcmin, arcsec or mas. Actual unit: " + unit
                    + " in " + text);
        };
    }
}
