package org.skysieve.query.check;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Factors between VOUnits of the same dimension for IN_UNIT: angles, times, lengths, spectral flux densities.
 * Prefixed forms beyond the listed ones are not recognised. Static, thread-safe.
 */
final class UnitConversion {
    private record Scale(String dimension, double factor) {
    }

    private static final Map<String, Scale> SCALES = Map.ofEntries(
            Map.entry("rad", new Scale("angle", 1)), Map.entry("deg", new Scale("angle", Math.PI / 180)),
            Map.entry("arcmin", new Scale("angle", Math.PI / 180 / 60)), Map.entry("arcsec", new Scale("angle", Math.PI / 180 / 3600)),
            Map.entry("mas", new Scale("angle", Math.PI / 180 / 3600e3)), Map.entry("uas", new Scale("angle", Math.PI / 180 / 3600e6)),
            Map.entry("s", new Scale("time", 1)), Map.entry("min", new Scale("time", 60)), Map.entry("h", new Scale("time", 3600)),
            Map.entry("d", new Scale("time", 86400)), Map.entry("yr", new Scale("time", 365.25 * 86400)),
            Map.entry("a", new Scale("time", 365.25 * 86400)),
            Map.entry("m", new Scale("length", 1)), Map.entry("km", new Scale("length", 1e3)), Map.entry("AU", new Scale("length", 1.495978707e11)),
            Map.entry("pc", new Scale("length", 3.0856775814913673e16)), Map.entry("kpc", new Scale("length", 3.0856775814913673e19)),
            Map.entry("Mpc", new Scale("length", 3.0856775814913673e22)),
            Map.entry("Jy", new Scale("flux density", 1)), Map.entry("mJy", new Scale("flux density", 1e-3)),
            Map.entry("uJy", new Scale("flux density", 1e-6)), Map.entry("nJy", new Scale("flux density", 1e-9)),
            Map.entry("mas/yr", new Scale("angular velocity", 1)), Map.entry("arcsec/yr", new Scale("angular velocity", 1e3)),
            Map.entry("deg/yr", new Scale("angular velocity", 3.6e6)));

    private UnitConversion() {
    }

    /** The factor f with value_in_target = f * value_in_source; empty when either unit is unknown or dimensions differ. */
    static OptionalDouble factor(String source, String target) {
        if (source.equals(target)) {
            return OptionalDouble.of(1);
        }
        Scale from = SCALES.get(source);
        Scale to = SCALES.get(target);
        if (from == null || to == null || !from.dimension().equals(to.dimension())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(from.factor() / to.factor());
    }
}
