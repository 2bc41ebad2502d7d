package org.skysieve.sky.healpix;

/**
 * HEALPix in the NESTED scheme (Gorski et al. 2005), depths 0 to 29.
 *
 * <p>PLACEHOLDER signature fixed so that other modules compile; the implementation is being written.
 */
public final class HealpixNested {
    /** The deepest depth: cells of about 0.4 milliarcsec. */
    public static final int MAX_DEPTH = 29;

    private HealpixNested() {
    }

    /**
     * The NESTED index of the cell at {@code depth} that contains the point.
     *
     * @param depth  in [0, 29]
     * @param lonRad longitude (right ascension), radians, any value (wrapped)
     * @param latRad latitude (declination), radians, in [-pi/2, pi/2]
     */
    public static long hash(int depth, double lonRad, double latRad) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
