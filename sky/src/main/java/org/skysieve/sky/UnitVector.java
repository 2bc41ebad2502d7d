package org.skysieve.sky;

/**
 * A direction as a Cartesian unit vector (x towards lon 0 lat 0, y towards lon pi/2 lat 0, z towards the north pole).
 *
 * <p>The constructor does not normalise: {@link #ofLonLat} and {@link #normalized} produce unit vectors, and the
 * geometry code relies on it. Immutable, thread-safe.
 */
public record UnitVector(double x, double y, double z) {
    /** The unit vector of a position given in radians. */
    public static UnitVector ofLonLat(double lonRad, double latRad) {
        double cosLat = Math.cos(latRad);
        return new UnitVector(cosLat * Math.cos(lonRad), cosLat * Math.sin(lonRad), Math.sin(latRad));
    }

    /** The scalar product. */
    public double dot(UnitVector other) {
        return x * other.x + y * other.y + z * other.z;
    }

    /** The vector product (not normalised). */
    public UnitVector cross(UnitVector other) {
        return new UnitVector(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
    }

    /** The Euclidean norm. */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** This vector scaled to unit length; throws for the zero vector. */
    public UnitVector normalized() {
        double norm = norm();
        if (!(norm > 0.0)) {
            throw new IllegalArgumentException("Expected a non-zero vector. Actual: " + this);
        }
        return new UnitVector(x / norm, y / norm, z / norm);
    }

    /** The angle to {@code other}, radians in [0, pi] (atan2 form: accurate for tiny and for near-antipodal angles). */
    public double angleRad(UnitVector other) {
        return Math.atan2(cross(other).norm(), dot(other));
    }

    /** The position of this (unit) vector. */
    public LonLat toLonLat() {
        double lonRad = Math.atan2(y, x);
        double latRad = Math.atan2(z, Math.sqrt(x * x + y * y));
        return new LonLat(lonRad, latRad);
    }
}
