package org.skysieve.sky.wcs;

/**
 * The rotation between native spherical coordinates (phi, theta) and celestial coordinates (lon, lat), Calabretta &amp;
 * Greisen 2002 equations 2 and 5, with the celestial pole (alphaP, deltaP) derived from CRVAL, the fiducial point, LONPOLE
 * and LATPOLE as WCSLIB's {@code celset} does (equations 8-10 and the special cases of section 2.4). Degrees. Immutable.
 */
final class SphericalRotation {
    private static final double TOLERANCE = 1e-10;
    private final double alphaPoleDeg;
    private final double sinDeltaPole;
    private final double cosDeltaPole;
    private final double phiPoleDeg;

    private SphericalRotation(double alphaPoleDeg, double deltaPoleDeg, double phiPoleDeg) {
        this.alphaPoleDeg = alphaPoleDeg;
        this.sinDeltaPole = Math.sin(Math.toRadians(deltaPoleDeg));
        this.cosDeltaPole = Math.cos(Math.toRadians(deltaPoleDeg));
        this.phiPoleDeg = phiPoleDeg;
    }

    /**
     * The rotation for fiducial celestial coordinates (CRVAL) at native (0, theta0), LONPOLE {@code phiPoleDeg} (NaN:
     * the default) and LATPOLE {@code latPoleDeg} (NaN: the default, +90).
     */
    static SphericalRotation of(double lon0Deg, double lat0Deg, double theta0Deg, double phiPoleDeg, double latPoleDeg) {
        double phi0Deg = 0.0;
        double phiPole = Double.isNaN(phiPoleDeg) ? (lat0Deg < theta0Deg ? 180.0 : 0.0) + phi0Deg : phiPoleDeg;
        double latPole = Double.isNaN(latPoleDeg) ? 90.0 : latPoleDeg;
        if (theta0Deg == 90.0) {
            return new SphericalRotation(lon0Deg, lat0Deg, phiPole);
        }
        double sinLat0 = sin(lat0Deg);
        double cosLat0 = cos(lat0Deg);
        double sinTheta0 = sin(theta0Deg);
        double cosTheta0 = cos(theta0Deg);
        double sinPhi;
        double cosPhi;
        double u;
        double v;
        if (phiPole == phi0Deg) {
            sinPhi = 0.0;
            cosPhi = 1.0;
            u = theta0Deg;
            v = 90.0 - lat0Deg;
        } else {
            sinPhi = sin(phiPole - phi0Deg);
            cosPhi = cos(phiPole - phi0Deg);
            double x = cosTheta0 * cosPhi;
            double y = sinTheta0;
            double z = Math.sqrt(x * x + y * y);
            if (z == 0.0) {
                throw new WcsException("LONPOLE " + phiPole + " and CRVAL latitude " + lat0Deg
                        + " admit no celestial pole");
            }
            double ratio = sinLat0 / z;
            if (Math.abs(ratio) > 1.0 + TOLERANCE) {
                throw new WcsException("LONPOLE " + phiPole + " and CRVAL latitude " + lat0Deg
                        + " admit no celestial pole");
            }
            u = Math.toDegrees(Math.atan2(y, x));
            v = Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, ratio))));
        }
        double first = wrap180(u + v);
        double second = wrap180(u - v);
        double deltaPole;
        if (Math.abs(first) <= 90.0 + TOLERANCE && Math.abs(second) <= 90.0 + TOLERANCE) {
            deltaPole = Math.abs(latPole - first) < Math.abs(latPole - second) ? first : second;
        } else {
            deltaPole = Math.abs(first) < Math.abs(second) ? first : second;
        }
        deltaPole = Math.max(-90.0, Math.min(90.0, deltaPole));
        double z = cos(deltaPole) * cosLat0;
        double alphaPole;
        if (Math.abs(z) < TOLERANCE) {
            if (Math.abs(cosLat0) < TOLERANCE) {
                alphaPole = lon0Deg;
            } else if (deltaPole > 0.0) {
                alphaPole = lon0Deg + phiPole - phi0Deg - 180.0;
            } else {
                alphaPole = lon0Deg - phiPole + phi0Deg;
            }
        } else {
            double x = (sinTheta0 - sin(deltaPole) * sinLat0) / z;
            double y = sinPhi * cosTheta0 / cosLat0;
            alphaPole = lon0Deg - Math.toDegrees(Math.atan2(y, x));
        }
        return new SphericalRotation(alphaPole, deltaPole, phiPole);
    }

    /** Native (phi, theta) to celestial (lon in [0, 360), lat), written into {@code out}. */
    void nativeToCelestial(double phiDeg, double thetaDeg, double[] out) {
        double sinTheta = sin(thetaDeg);
        double cosTheta = cos(thetaDeg);
        double dPhi = Math.toRadians(phiDeg - phiPoleDeg);
        double x = sinTheta * cosDeltaPole - cosTheta * sinDeltaPole * Math.cos(dPhi);
        double y = -cosTheta * Math.sin(dPhi);
        double sinLat = sinTheta * sinDeltaPole + cosTheta * cosDeltaPole * Math.cos(dPhi);
        out[0] = wrap360(alphaPoleDeg + Math.toDegrees(Math.atan2(y, x)));
        // atan2 of the unit vector rather than asin: asin loses half the digits near the native pole (the reference
        // point of zenithal projections), which shows as 1e-6 pixel in round trips.
        out[1] = Math.toDegrees(Math.atan2(sinLat, Math.hypot(x, y)));
    }

    /** Celestial (lon, lat) to native (phi in (-180, 180], theta), written into {@code out}. */
    void celestialToNative(double lonDeg, double latDeg, double[] out) {
        double sinLat = sin(latDeg);
        double cosLat = cos(latDeg);
        double dLon = Math.toRadians(lonDeg - alphaPoleDeg);
        double x = sinLat * cosDeltaPole - cosLat * sinDeltaPole * Math.cos(dLon);
        double y = -cosLat * Math.sin(dLon);
        double sinTheta = sinLat * sinDeltaPole + cosLat * cosDeltaPole * Math.cos(dLon);
        out[0] = wrap180(phiPoleDeg + Math.toDegrees(Math.atan2(y, x)));
        out[1] = Math.toDegrees(Math.atan2(sinTheta, Math.hypot(x, y)));
    }

    private static double sin(double angleDeg) {
        return Math.sin(Math.toRadians(angleDeg));
    }

    private static double cos(double angleDeg) {
        return Math.cos(Math.toRadians(angleDeg));
    }

    static double wrap180(double angleDeg) {
        double wrapped = angleDeg % 360.0;
        if (wrapped > 180.0) {
            wrapped -= 360.0;
        } else if (wrapped <= -180.0) {
            wrapped += 360.0;
        }
        return wrapped;
    }

    static double wrap360(double angleDeg) {
        double wrapped = angleDeg % 360.0;
        if (wrapped < 0.0) {
            wrapped += 360.0;
        }
        return wrapped >= 360.0 ? 0.0 : wrapped;
    }
}
