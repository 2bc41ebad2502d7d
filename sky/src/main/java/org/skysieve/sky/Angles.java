package org.skysieve.sky;

/**
 * Angle conversions and the great-circle distance.
 *
 * <p>Units are in the names: {@code Deg} degrees, {@code Rad} radians, {@code Arcsec} seconds of arc. Static pure
 * functions: thread-safe.
 */
public final class Angles {
    /** pi / 2. */
    public static final double HALF_PI = Math.PI / 2.0;
    /** 2 pi. */
    public static final double TWO_PI = 2.0 * Math.PI;
    private static final double ARCSEC_PER_RAD = 180.0 * 3600.0 / Math.PI;

    private Angles() {
    }

    /** Degrees to radians. */
    public static double degToRad(double angleDeg) {
        return Math.toRadians(angleDeg);
    }

    /** Radians to degrees. */
    public static double radToDeg(double angleRad) {
        return Math.toDegrees(angleRad);
    }

    /** Seconds of arc to radians. */
    public static double arcsecToRad(double angleArcsec) {
        return angleArcsec / ARCSEC_PER_RAD;
    }

    /** Radians to seconds of arc. */
    public static double radToArcsec(double angleRad) {
        return angleRad * ARCSEC_PER_RAD;
    }

    /** Seconds of arc to degrees. */
    public static double arcsecToDeg(double angleArcsec) {
        return angleArcsec / 3600.0;
    }

    /** Degrees to seconds of arc. */
    public static double degToArcsec(double angleDeg) {
        return angleDeg * 3600.0;
    }

    /** A finite longitude wrapped into [0, 2 pi). */
    public static double normalizeLongitudeRad(double lonRad) {
        if (lonRad >= 0.0 && lonRad < TWO_PI) {
            return lonRad;
        }
        double wrapped = lonRad % TWO_PI;
        if (wrapped < 0.0) {
            wrapped += TWO_PI;
        }
        // -tiny % 2pi + 2pi rounds to exactly 2pi.
        return wrapped >= TWO_PI ? 0.0 : wrapped;
    }

    /**
     * The great-circle distance between two positions, radians in [0, pi].
     *
     * <p>Vincenty's special case of his ellipsoid formula for the sphere (an atan2 of the cross and dot products): well
     * conditioned for every separation, unlike the cosine law (tiny angles) or the haversine (near-antipodal points).
     */
    public static double distanceRad(double lon1Rad, double lat1Rad, double lon2Rad, double lat2Rad) {
        double deltaLon = lon2Rad - lon1Rad;
        double sinDeltaLon = Math.sin(deltaLon);
        double cosDeltaLon = Math.cos(deltaLon);
        double sinLat1 = Math.sin(lat1Rad);
        double cosLat1 = Math.cos(lat1Rad);
        double sinLat2 = Math.sin(lat2Rad);
        double cosLat2 = Math.cos(lat2Rad);
        double a = cosLat2 * sinDeltaLon;
        double b = cosLat1 * sinLat2 - sinLat1 * cosLat2 * cosDeltaLon;
        double numerator = Math.sqrt(a * a + b * b);
        double denominator = sinLat1 * sinLat2 + cosLat1 * cosLat2 * cosDeltaLon;
        return Math.atan2(numerator, denominator);
    }

    /** Throws unless {@code latRad} is in [-pi/2, pi/2]; {@code name} is the parameter named in the message. */
    public static void checkLatitudeRad(String name, double latRad) {
        if (!(latRad >= -HALF_PI && latRad <= HALF_PI)) {
            throw new IllegalArgumentException("Expected " + name + " in [-pi/2, pi/2]. Actual: " + latRad);
        }
    }

    /** Throws unless {@code lonRad} is finite; {@code name} is the parameter named in the message. */
    public static void checkLongitudeRad(String name, double lonRad) {
        if (!Double.isFinite(lonRad)) {
            throw new IllegalArgumentException("Expected " + name + " finite. Actual: " + lonRad);
        }
    }
}
