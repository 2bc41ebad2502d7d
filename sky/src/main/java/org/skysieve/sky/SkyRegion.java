package org.skysieve.sky;

/**
 * A region of the celestial sphere (a cone, a polygon...), as HEALPix coverage needs it.
 *
 * <p>Contract: {@link #relate} may answer {@link CapRelation#OVERLAPS} when unsure, but must never answer
 * {@link CapRelation#DISJOINT} for a cap that has a point in the region, nor {@link CapRelation#INSIDE} for a cap that
 * has a point outside it. Implementations are immutable and thread-safe.
 */
public interface SkyRegion {
    /** Whether the point (a unit vector) is in the region. Points on the boundary may go either way. */
    boolean contains(UnitVector point);

    /**
     * How the cap of centre {@code capCentre} (a unit vector) and radius {@code capRadiusRad} (radians, &gt;= 0)
     * relates to the region; see the contract above.
     */
    CapRelation relate(UnitVector capCentre, double capRadiusRad);
}
