package org.skysieve.sky.wcs;

/**
 * The celestial projections we implement, by their FITS code, with the formulas of Calabretta &amp; Greisen 2002
 * (A&amp;A 395, 1077; "Paper II"), sections 5.1 (zenithal), 5.2 (cylindrical) and 5.3 (AIT), without PV parameters.
 *
 * <p>Native spherical coordinates (phi, theta) and projection-plane coordinates (x, y) are in degrees. The methods write
 * into {@code out} (length 2) and return false where the point is outside the projection's domain. Thread-safe.
 */
public enum Projection {
    /** Gnomonic: R = cot(theta). */
    TAN(90.0),
    /** Slant orthographic (without PV: orthographic): R = cos(theta). */
    SIN(90.0),
    /** Zenithal equidistant: R = 90 - theta. */
    ARC(90.0),
    /** Zenithal equal-area: R = 2 sin((90 - theta) / 2). */
    ZEA(90.0),
    /** Plate carree: x = phi, y = theta. */
    CAR(0.0),
    /** Sanson-Flamsteed: x = phi cos(theta), y = theta. */
    SFL(0.0),
    /** Hammer-Aitoff. */
    AIT(0.0);

    private static final double R0 = 180.0 / Math.PI;
    private final double theta0Deg;

    Projection(double theta0Deg) {
        this.theta0Deg = theta0Deg;
    }

    /** Native latitude of the fiducial point (phi0 is 0 for every projection here), degrees. */
    public double theta0Deg() {
        return theta0Deg;
    }

    /** The projection named by a CTYPE's code (characters 6-8), or an error naming the value. */
    public static Projection ofCode(String code, String keyword) {
        for (Projection projection : values()) {
            if (projection.name().equals(code)) {
                return projection;
            }
        }
        throw new WcsException("Expected a projection among TAN, SIN, ARC, ZEA, CAR, SFL, AIT in " + keyword
                + ". Actual: '" + code + "'");
    }

    boolean nativeToPlane(double phiDeg, double thetaDeg, double[] out) {
        double phiRad = Math.toRadians(phiDeg);
        double thetaRad = Math.toRadians(thetaDeg);
        if (theta0Deg == 90.0) {
            double radius;
            switch (this) {
                case TAN -> {
                    if (thetaDeg <= 0.0) {
                        return false;
                    }
                    radius = R0 * Math.cos(thetaRad) / Math.sin(thetaRad);
                }
                case SIN -> {
                    if (thetaDeg < 0.0) {
                        return false;
                    }
                    radius = R0 * Math.cos(thetaRad);
                }
                case ARC -> radius = 90.0 - thetaDeg;
                default -> radius = 2.0 * R0 * Math.sin(Math.toRadians((90.0 - thetaDeg) / 2.0));
            }
            out[0] = radius * Math.sin(phiRad);
            out[1] = -radius * Math.cos(phiRad);
            return true;
        }
        switch (this) {
            case CAR -> {
                out[0] = phiDeg;
                out[1] = thetaDeg;
            }
            case SFL -> {
                out[0] = phiDeg * Math.cos(thetaRad);
                out[1] = thetaDeg;
            }
            default -> {
                double gamma = R0 * Math.sqrt(2.0 / (1.0 + Math.cos(thetaRad) * Math.cos(phiRad / 2.0)));
                out[0] = 2.0 * gamma * Math.cos(thetaRad) * Math.sin(phiRad / 2.0);
                out[1] = gamma * Math.sin(thetaRad);
            }
        }
        return true;
    }

    boolean planeToNative(double xDeg, double yDeg, double[] out) {
        if (theta0Deg == 90.0) {
            double radius = Math.hypot(xDeg, yDeg);
            out[0] = radius == 0.0 ? 0.0 : Math.toDegrees(Math.atan2(xDeg, -yDeg));
            switch (this) {
                case TAN -> out[1] = Math.toDegrees(Math.atan2(R0, radius));
                case SIN -> {
                    double cosTheta = radius / R0;
                    if (cosTheta > 1.0 + 1e-13) {
                        return false;
                    }
                    out[1] = Math.toDegrees(Math.acos(Math.min(1.0, cosTheta)));
                }
                case ARC -> {
                    out[1] = 90.0 - radius;
                    if (out[1] < -90.0) {
                        return false;
                    }
                }
                default -> {
                    double half = radius / (2.0 * R0);
                    if (half > 1.0 + 1e-13) {
                        return false;
                    }
                    out[1] = 90.0 - 2.0 * Math.toDegrees(Math.asin(Math.min(1.0, half)));
                }
            }
            return true;
        }
        switch (this) {
            case CAR -> {
                out[0] = xDeg;
                out[1] = yDeg;
                return Math.abs(xDeg) <= 180.0 && Math.abs(yDeg) <= 90.0;
            }
            case SFL -> {
                out[1] = yDeg;
                if (Math.abs(yDeg) > 90.0) {
                    return false;
                }
                double cosTheta = Math.cos(Math.toRadians(yDeg));
                out[0] = cosTheta == 0.0 ? 0.0 : xDeg / cosTheta;
                return Math.abs(out[0]) <= 180.0;
            }
            default -> {
                double u = xDeg / (4.0 * R0);
                double v = yDeg / (2.0 * R0);
                double zSquared = 1.0 - u * u - v * v;
                if (zSquared < 0.5 - 1e-13) {
                    return false;
                }
                double z = Math.sqrt(Math.max(0.5, zSquared));
                out[0] = 2.0 * Math.toDegrees(Math.atan2(z * xDeg / (2.0 * R0), 2.0 * z * z - 1.0));
                out[1] = Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, yDeg * z / R0))));
                return true;
            }
        }
    }
}
