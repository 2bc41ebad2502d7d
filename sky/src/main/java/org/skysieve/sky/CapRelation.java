package org.skysieve.sky;

/** How a spherical cap (a disc on the sphere) relates to a {@link SkyRegion}. */
public enum CapRelation {
    /** No point of the cap is in the region. */
    DISJOINT,
    /** The cap may have points both inside and outside the region (a conservative "don't know"). */
    OVERLAPS,
    /** Every point of the cap is in the region. */
    INSIDE
}
