package org.skysieve.sky;

/**
 * A position on the celestial sphere: longitude (right ascension) and latitude (declination), in radians.
 *
 * <p>Invariants: both finite; {@code latRad} in [-pi/2, pi/2]; {@code lonRad} normalised into [0, 2 pi) by the
 * constructor (so that two equal positions compare equal). Immutable, thread-safe.
 *
 * @param lonRad longitude, radians, in [0, 2 pi) after construction (any finite value is accepted and wrapped)
 * @param latRad latitude, radians, in [-pi/2, pi/2]
 */
public record LonLat(double lonRad, double latRad) {
    /** Validates and normalises; see the type's invariants. */
    public LonLat {
        Angles.checkLongitudeRad("lonRad", lonRad);
        Angles.checkLatitudeRad("latRad", latRad);
        lonRad = Angles.normalizeLongitudeRad(lonRad);
    }

    /** A position from degrees: {@code raDeg} any finite value (wrapped), {@code decDeg} in [-90, 90]. */
    public static LonLat ofDegrees(double raDeg, double decDeg) {
        Angles.checkLongitudeRad("raDeg", raDeg);
        if (!(decDeg >= -90.0 && decDeg <= 90.0)) {
            throw new IllegalArgumentException("Expected decDeg in [-90, 90]. Actual: " + decDeg);
        }
        // Clamp so that +-90 degrees maps onto exactly +-pi/2 whatever the rounding of the conversion.
        double latRad = Math.max(-Angles.HALF_PI, Math.min(Angles.HALF_PI, Math.toRadians(decDeg)));
        return new LonLat(Math.toRadians(raDeg), latRad);
    }

    /** Longitude in degrees, in [0, 360). */
    public double lonDeg() {
        return Math.toDegrees(lonRad);
    }

    /** Latitude in degrees, in [-90, 90]. */
    public double latDeg() {
        return Math.toDegrees(latRad);
    }

    /** The great-circle distance to {@code other}, radians in [0, pi]; see {@link Angles#distanceRad}. */
    public double distanceRad(LonLat other) {
        return Angles.distanceRad(lonRad, latRad, other.lonRad, other.latRad);
    }

    /** The unit vector of this position. */
    public UnitVector toUnitVector() {
        return UnitVector.ofLonLat(lonRad, latRad);
    }
}
