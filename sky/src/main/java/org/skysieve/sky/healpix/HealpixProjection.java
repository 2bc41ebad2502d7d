package org.skysieve.sky.healpix;

import org.skysieve.sky.Angles;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.UnitVector;

/**
 * The HEALPix projection between the sphere and the twelve base cells ("faces"), in the NESTED numbering.
 *
 * <p>Formulas: Gorski et al. 2005, ApJ 622, 759, section 4 (equal-area projection: z = sin(lat) linear in the
 * equatorial zone |z| &lt;= 2/3, the polar caps mapped through sqrt(3 (1 - |z|))); the face/ring bookkeeping
 * ({@code jrll}, {@code jpll}, the ascending and descending edge-line indices) follows Reinecke &amp; Hivon's HEALPix C++
 * ({@code loc2pix}, {@code pix2loc}), rewritten here. In a face, x grows towards the north-east and y towards the
 * north-west: (0, 0) is the south vertex, (1, 1) the north vertex, (1, 0) the east and (0, 1) the west one.
 *
 * <p>Static pure functions: thread-safe. No validation here: callers ({@link HealpixNested}) validate.
 */
final class HealpixProjection {
    /** Ring of the face centre, in units of nside counted from the north pole (2 north, 3 equator, 4 south). */
    private static final int[] FACE_RING = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
    /** Longitude of the face centre in units of pi/4. */
    private static final int[] FACE_LONGITUDE = {1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7};
    private static final double TWO_OVER_PI = 2.0 / Math.PI;
    private static final double TWO_THIRDS = 2.0 / 3.0;
    private static final double QUARTER_PI = Math.PI / 4.0;

    private HealpixProjection() {
    }

    /** The NESTED hash at {@code depth} of a validated position. */
    static long hash(int depth, double lonRad, double latRad) {
        long nside = 1L << depth;
        double z = Math.sin(latRad);
        double absZ = Math.abs(z);
        // Longitude in quarter turns, in [0, 4).
        double turns = lonRad * TWO_OVER_PI;
        if (turns < 0.0 || turns >= 4.0) {
            turns -= 4.0 * Math.floor(turns * 0.25);
            if (turns >= 4.0) {
                turns = 0.0;
            }
        }
        int face;
        long x;
        long y;
        if (absZ <= TWO_THIRDS) {
            // Equatorial zone: indices of the ascending and descending edge lines through the point.
            double alongEquator = nside * (0.5 + turns);
            double alongZ = nside * (z * 0.75);
            long ascending = (long) (alongEquator - alongZ);
            long descending = (long) (alongEquator + alongZ);
            long ascendingFace = ascending >> depth;
            long descendingFace = descending >> depth;
            if (ascendingFace == descendingFace) {
                face = (int) (ascendingFace & 3) | 4;
            } else if (ascendingFace < descendingFace) {
                face = (int) (ascendingFace & 3);
            } else {
                face = (int) (descendingFace & 3) + 8;
            }
            x = descending & (nside - 1);
            y = nside - (ascending & (nside - 1)) - 1;
        } else {
            int quadrant = Math.min((int) turns, 3);
            double inQuadrant = turns - quadrant;
            // sqrt(3 (1 - |z|)) written with cos(lat) so that it keeps its precision near the poles.
            double distanceToPole = nside * Math.cos(latRad) * Math.sqrt(3.0 / (1.0 + absZ));
            long east = Math.min((long) (inQuadrant * distanceToPole), nside - 1);
            long west = Math.min((long) ((1.0 - inQuadrant) * distanceToPole), nside - 1);
            if (z >= 0.0) {
                face = quadrant;
                x = nside - west - 1;
                y = nside - east - 1;
            } else {
                face = quadrant + 8;
                x = east;
                y = west;
            }
        }
        return ((long) face << (2 * depth)) | BitInterleave.interleave(x, y);
    }

    /**
     * The sky position of a point of a face given by face coordinates in [0, 1] (units of the face side).
     *
     * @param face  base cell, 0..11
     * @param faceX coordinate towards the north-east, in [0, 1]
     * @param faceY coordinate towards the north-west, in [0, 1]
     */
    static LonLat unproject(int face, double faceX, double faceY) {
        double[] zCosLatLon = unprojectToZCosLatLon(face, faceX, faceY);
        return new LonLat(zCosLatLon[2], Math.atan2(zCosLatLon[0], zCosLatLon[1]));
    }

    /** As {@link #unproject}, as a unit vector (cheaper: no inverse trigonometry). */
    static UnitVector unprojectToVector(int face, double faceX, double faceY) {
        double[] zCosLatLon = unprojectToZCosLatLon(face, faceX, faceY);
        double cosLat = zCosLatLon[1];
        return new UnitVector(cosLat * Math.cos(zCosLatLon[2]), cosLat * Math.sin(zCosLatLon[2]), zCosLatLon[0]);
    }

    /** {z = sin(lat), cos(lat), lon in [0, 2 pi)}. */
    private static double[] unprojectToZCosLatLon(int face, double faceX, double faceY) {
        // Ring coordinate: 0 at the north pole, 4 at the south pole, in units of nside.
        double ring = FACE_RING[face] - faceX - faceY;
        double z;
        double cosLat;
        double ringFromPole;
        if (ring < 1.0) {
            ringFromPole = ring;
            z = 1.0 - ring * ring / 3.0;
            cosLat = ring * Math.sqrt((2.0 - ring * ring / 3.0) / 3.0);
        } else if (ring > 3.0) {
            ringFromPole = 4.0 - ring;
            z = -(1.0 - ringFromPole * ringFromPole / 3.0);
            cosLat = ringFromPole * Math.sqrt((2.0 - ringFromPole * ringFromPole / 3.0) / 3.0);
        } else {
            ringFromPole = 1.0;
            z = (2.0 - ring) * TWO_THIRDS;
            cosLat = Math.sqrt((1.0 - z) * (1.0 + z));
        }
        double lonQuarterPi = FACE_LONGITUDE[face];
        if (ringFromPole > 0.0) {
            lonQuarterPi += (faceX - faceY) / ringFromPole;
        }
        return new double[] {z, cosLat, Angles.normalizeLongitudeRad(lonQuarterPi * QUARTER_PI)};
    }
}
