package org.skysieve.catalog.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small subset of VOUnit that ingest converts between: angles (deg, rad, arcmin, arcsec, mas, uas, and
 * hourangle for right ascensions in hours), time (s, min, h, d, yr or a), length (m, AU, pc with SI prefixes),
 * flux density (Jy with SI prefixes), magnitudes (mag), temperature (K) and the empty dimensionless unit;
 * one quotient or product of them ({@code mas/yr}, {@code mas.yr**-1}).
 *
 * <p>Conversions are scale factors only (no offsets, no logarithms): a magnitude converts only to a magnitude.
 * Stateless and thread-safe.
 */
public final class Units {
    private static final int ANGLE = 0;
    private static final int TIME = 1;
    private static final int LENGTH = 2;
    private static final int FLUX = 3;
    private static final int MAGNITUDE = 4;
    private static final int TEMPERATURE = 5;
    private static final int DIMENSIONS = 6;

    private record Base(int dimension, double factor, boolean takesPrefix) {
    }

    private record Parsed(double factor, int[] exponents) {
    }

    private static final Map<String, Base> BASES = Map.ofEntries(
            Map.entry("deg", new Base(ANGLE, 1, false)),
            Map.entry("rad", new Base(ANGLE, 180 / Math.PI, true)),
            Map.entry("arcmin", new Base(ANGLE, 1.0 / 60, false)),
            Map.entry("arcsec", new Base(ANGLE, 1.0 / 3600, false)),
            Map.entry("mas", new Base(ANGLE, 1.0 / 3_600_000, false)),
            Map.entry("uas", new Base(ANGLE, 1.0 / 3_600_000_000.0, false)),
            Map.entry("hourangle", new Base(ANGLE, 15, false)),
            Map.entry("s", new Base(TIME, 1, true)),
            Map.entry("min", new Base(TIME, 60, false)),
            Map.entry("h", new Base(TIME, 3600, false)),
            Map.entry("d", new Base(TIME, 86400, false)),
            Map.entry("yr", new Base(TIME, 365.25 * 86400, true)),
            Map.entry("a", new Base(TIME, 365.25 * 86400, true)),
            Map.entry("m", new Base(LENGTH, 1, true)),
            Map.entry("AU", new Base(LENGTH, 1.495978707e11, false)),
            Map.entry("pc", new Base(LENGTH, 3.0856775814913673e16, true)),
            Map.entry("Jy", new Base(FLUX, 1, true)),
            Map.entry("mag", new Base(MAGNITUDE, 1, false)),
            Map.entry("K", new Base(TEMPERATURE, 1, false)));

    private static final Map<Character, Double> PREFIXES = Map.of(
            'n', 1e-9, 'u', 1e-6, 'm', 1e-3, 'c', 1e-2, 'k', 1e3, 'M', 1e6, 'G', 1e9);

    private static final Pattern TERM = Pattern.compile("([A-Za-z]+)(?:\\*\\*\\(?([+-]?\\d+)\\)?|([+-]?\\d+))?");

    private Units() {
    }

    /** Whether {@code unit} is one this class understands. */
    public static boolean isKnown(String unit) {
        return parse(unit).isPresent();
    }

    /**
     * The factor that turns a value in {@code fromUnit} into {@code toUnit} ({@code value * factor}).
     *
     * @throws IllegalArgumentException if either unit is unknown or they measure different things
     */
    public static double factor(String fromUnit, String toUnit) {
        Parsed from = parse(fromUnit).orElseThrow(() -> unknown(fromUnit));
        Parsed to = parse(toUnit).orElseThrow(() -> unknown(toUnit));
        if (!Arrays.equals(from.exponents(), to.exponents())) {
            throw new IllegalArgumentException("Expected a unit convertible to '" + toUnit + "'. Actual: '" + fromUnit + "'");
        }
        return from.factor() / to.factor();
    }

    /** Whether the unit is an angle (deg, rad, arcsec, ...). */
    public static boolean isAngle(String unit) {
        return parse(unit).map(p -> {
            int[] angle = new int[DIMENSIONS];
            angle[ANGLE] = 1;
            return Arrays.equals(p.exponents(), angle);
        }).orElse(false);
    }

    private static IllegalArgumentException unknown(String unit) {
        return new IllegalArgumentException("Unknown unit '" + unit + "'. Expected a product or quotient of "
                + "deg, rad, arcmin, arcsec, mas, uas, hourangle, s, min, h, d, yr, m, AU, pc, Jy, mag, K (SI prefixes allowed on rad, s, yr, m, pc, Jy)");
    }

    private static Optional<Parsed> parse(String unit) {
        String text = unit == null ? "" : unit.trim();
        double factor = 1;
        int[] exponents = new int[DIMENSIONS];
        if (text.isEmpty()) {
            return Optional.of(new Parsed(factor, exponents));
        }
        String[] quotient = text.split("/", -1);
        if (quotient.length > 2) {
            return Optional.empty();
        }
        for (int part = 0; part < quotient.length; part++) {
            int sign = part == 0 ? 1 : -1;
            for (String factorText : quotient[part].trim().split("[. ]+")) {
                Optional<double[]> term = term(factorText.trim(), exponents, sign);
                if (term.isEmpty()) {
                    return Optional.empty();
                }
                factor *= term.get()[0];
            }
        }
        return Optional.of(new Parsed(factor, exponents));
    }

    /** Parses {@code [prefix]base[**exponent]} or {@code [prefix]base[exponent]}, adding its exponents; returns its factor. */
    private static Optional<double[]> term(String text, int[] exponents, int sign) {
        Matcher matcher = TERM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String powerText = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        int power = sign * (powerText == null ? 1 : Integer.parseInt(powerText));
        return base(matcher.group(1), exponents, power).map(factor -> new double[] {Math.pow(factor[0], power)});
    }

    private static Optional<double[]> base(String text, int[] exponents, int power) {
        Base base = BASES.get(text);
        double prefix = 1;
        if (base == null && text.length() > 1 && PREFIXES.containsKey(text.charAt(0))) {
            Base prefixed = BASES.get(text.substring(1));
            if (prefixed != null && prefixed.takesPrefix()) {
                base = prefixed;
                prefix = PREFIXES.get(text.charAt(0));
            }
        }
        if (base == null) {
            return Optional.empty();
        }
        exponents[base.dimension()] += power;
        return Optional.of(new double[] {prefix * base.factor()});
    }

}
