package org.skysieve.sky.healpix;

import org.skysieve.sky.Angles;
import org.skysieve.sky.LonLat;

/**
 * HEALPix in the NESTED scheme (Gorski et al. 2005, ApJ 622, 759), depths 0 to 29.
 *
 * <p>Vocabulary: the <em>depth</em> (HEALPix "order") d gives nside = 2^d and 12 * 4^d cells; a <em>hash</em> is a
 * NESTED cell index in [0, 12 * 4^d). The NESTED index is the base cell ("face", 0..11) in the top bits followed by the
 * bit interleave of the in-face coordinates (Reinecke &amp; Hivon, HEALPix C++). The API is inspired by
 * cds-healpix-java (F.-X. Pineau, CDS); the code is ours.
 *
 * <p>Units: angles in radians; longitudes accept any finite value (wrapped), latitudes must be in [-pi/2, pi/2].
 * Positions returned have longitudes in [0, 2 pi). A point on a cell boundary belongs to exactly one cell, but which
 * one is a convention that can differ from other implementations by rounding.
 *
 * <p>Thread-safety: static pure functions, thread-safe. Range errors throw {@link IllegalArgumentException} with the
 * expected and actual values ("Expected depth in [0, 29]. Actual: 30").
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
     * @param lonRad longitude (right ascension), radians, any finite value (wrapped)
     * @param latRad latitude (declination), radians, in [-pi/2, pi/2]
     * @return the hash, in [0, 12 * 4^depth)
     */
    public static long hash(int depth, double lonRad, double latRad) {
        checkDepth(depth);
        Angles.checkLongitudeRad("lonRad", lonRad);
        Angles.checkLatitudeRad("latRad", latRad);
        return HealpixProjection.hash(depth, lonRad, latRad);
    }

    /** The number of cells at {@code depth}: 12 * 4^depth. */
    public static long cellCount(int depth) {
        checkDepth(depth);
        return 12L << (2 * depth);
    }

    /** The centre of a cell (the point of the cell in the middle of its face coordinates). */
    public static LonLat center(int depth, long hash) {
        checkHash(depth, hash);
        double nside = 1L << depth;
        long inFace = inFaceIndex(depth, hash);
        return HealpixProjection.unproject(face(depth, hash),
                (BitInterleave.x(inFace) + 0.5) / nside, (BitInterleave.y(inFace) + 0.5) / nside);
    }

    /** The four vertices of a cell; see {@link CellVertices} for their order. */
    public static CellVertices vertices(int depth, long hash) {
        checkHash(depth, hash);
        double nside = 1L << depth;
        long inFace = inFaceIndex(depth, hash);
        int face = face(depth, hash);
        double x = BitInterleave.x(inFace);
        double y = BitInterleave.y(inFace);
        return new CellVertices(
                HealpixProjection.unproject(face, x / nside, y / nside),
                HealpixProjection.unproject(face, (x + 1) / nside, y / nside),
                HealpixProjection.unproject(face, (x + 1) / nside, (y + 1) / nside),
                HealpixProjection.unproject(face, x / nside, (y + 1) / nside));
    }

    /**
     * The cells sharing an edge or a vertex with the cell: 8 of them, or 7 for the cells at the east/west corners of
     * the polar base cells and the north/south corners of the equatorial ones (where only three base cells meet),
     * sorted ascending, distinct. At depth 0 every base cell has 6 (both of those corners are in the same cell).
     */
    public static long[] neighbours(int depth, long hash) {
        checkHash(depth, hash);
        return HealpixNeighbours.neighbours(depth, hash);
    }

    /** The cell at the coarser {@code ancestorDepth} (&lt;= depth) that contains the cell. */
    public static long ancestor(int depth, long hash, int ancestorDepth) {
        checkHash(depth, hash);
        checkDepthBetween("ancestorDepth", ancestorDepth, 0, depth);
        return hash >>> (2 * (depth - ancestorDepth));
    }

    /** The first (smallest) cell at the finer {@code descendantDepth} (&gt;= depth) inside the cell. */
    public static long firstDescendant(int depth, long hash, int descendantDepth) {
        checkHash(depth, hash);
        checkDepthBetween("descendantDepth", descendantDepth, depth, MAX_DEPTH);
        return hash << (2 * (descendantDepth - depth));
    }

    /**
     * One past the last cell at the finer {@code descendantDepth} inside the cell: the descendants are the half-open
     * range [{@link #firstDescendant}, this).
     */
    public static long descendantsEnd(int depth, long hash, int descendantDepth) {
        checkHash(depth, hash);
        checkDepthBetween("descendantDepth", descendantDepth, depth, MAX_DEPTH);
        return (hash + 1) << (2 * (descendantDepth - depth));
    }

    /** The base cell (0..11) of a cell. */
    public static int baseCell(int depth, long hash) {
        checkHash(depth, hash);
        return face(depth, hash);
    }

    /** Throws unless {@code depth} is in [0, 29]. */
    public static void checkDepth(int depth) {
        checkDepthBetween("depth", depth, 0, MAX_DEPTH);
    }

    /** Throws unless {@code depth} is in [0, 29] and {@code hash} in [0, 12 * 4^depth). */
    public static void checkHash(int depth, long hash) {
        checkDepth(depth);
        long count = 12L << (2 * depth);
        if (hash < 0 || hash >= count) {
            throw new IllegalArgumentException(
                    "Expected hash in [0, " + count + ") at depth " + depth + ". Actual: " + hash);
        }
    }

    static int face(int depth, long hash) {
        return (int) (hash >>> (2 * depth));
    }

    static long inFaceIndex(int depth, long hash) {
        return hash & ((1L << (2 * depth)) - 1);
    }

    private static void checkDepthBetween(String name, int depth, int min, int max) {
        if (depth < min || depth > max) {
            throw new IllegalArgumentException(
                    "Expected " + name + " in [" + min + ", " + max + "]. Actual: " + depth);
        }
    }
}
