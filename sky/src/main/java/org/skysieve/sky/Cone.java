package org.skysieve.sky;

import static java.util.Objects.requireNonNull;

/**
 * A cone (spherical cap): the points within {@code radiusRad} of {@code centre}, boundary included.
 *
 * @param centre    the centre, not null
 * @param radiusRad the radius, radians, in [0, pi]
 */
public record Cone(LonLat centre, double radiusRad) implements SkyRegion {
    /** Validates; see the parameters. */
    public Cone {
        requireNonNull(centre, "centre is null");
        if (!(radiusRad >= 0.0 && radiusRad <= Math.PI)) {
            throw new IllegalArgumentException("Expected radiusRad in [0, pi]. Actual: " + radiusRad);
        }
    }

    /** A cone from radians; {@code lonRad} any finite value, {@code latRad} in [-pi/2, pi/2]. */
    public static Cone of(double lonRad, double latRad, double radiusRad) {
        return new Cone(new LonLat(lonRad, latRad), radiusRad);
    }

    @Override
    public boolean contains(UnitVector point) {
        return centre.toUnitVector().angleRad(point) <= radiusRad;
    }

    @Override
    public CapRelation relate(UnitVector capCentre, double capRadiusRad) {
        double distanceRad = centre.toUnitVector().angleRad(capCentre);
        if (distanceRad > radiusRad + capRadiusRad) {
            return CapRelation.DISJOINT;
        }
        return distanceRad + capRadiusRad <= radiusRad ? CapRelation.INSIDE : CapRelation.OVERLAPS;
    }
}
