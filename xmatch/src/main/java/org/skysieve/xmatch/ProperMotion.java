package org.skysieve.xmatch;

/**
 * Moves positions along their proper motions from one epoch to another: a linear step on the tangent plane (east and
 * north unit vectors), then back to the sphere. Parallax and radial velocity are ignored (sub-mas over decades for
 * the stars of a survey). Rows whose proper motion is NaN keep their position.
 */
public final class ProperMotion {
    private static final double MAS_TO_RAD = Math.PI / (180.0 * 3600.0 * 1000.0);

    private ProperMotion() {
    }

    /**
     * The positions at {@code toEpochYear}, in new arrays [ra, dec] in degrees.
     *
     * @param pmraMasPerYear   proper motion in RA times cos(dec), mas/yr
     * @param pmdecMasPerYear  proper motion in Dec, mas/yr
     */
    public static double[][] propagate(double[] raDeg, double[] decDeg, double[] pmraMasPerYear, double[] pmdecMasPerYear,
            double fromEpochYear, double toEpochYear) {
        int n = raDeg.length;
        if (decDeg.length != n || pmraMasPerYear.length != n || pmdecMasPerYear.length != n) {
            throw new IllegalArgumentException("Expected ra, dec, pmra and pmdec of the same length " + n + ". Actual: "
                    + decDeg.length + ", " + pmraMasPerYear.length + ", " + pmdecMasPerYear.length);
        }
        double years = toEpochYear - fromEpochYear;
        double[] ra = new double[n];
        double[] dec = new double[n];
        for (int i = 0; i < n; i++) {
            double pmra = pmraMasPerYear[i];
            double pmdec = pmdecMasPerYear[i];
            if (Double.isNaN(pmra) || Double.isNaN(pmdec) || Double.isNaN(raDeg[i]) || Double.isNaN(decDeg[i])) {
                ra[i] = raDeg[i];
                dec[i] = decDeg[i];
                continue;
            }
            double lon = Math.toRadians(raDeg[i]);
            double lat = Math.toRadians(decDeg[i]);
            double sinLon = Math.sin(lon);
            double cosLon = Math.cos(lon);
            double sinLat = Math.sin(lat);
            double cosLat = Math.cos(lat);
            double east = pmra * years * MAS_TO_RAD;
            double north = pmdec * years * MAS_TO_RAD;
            double x = cosLat * cosLon - east * sinLon - north * sinLat * cosLon;
            double y = cosLat * sinLon + east * cosLon - north * sinLat * sinLon;
            double z = sinLat + north * cosLat;
            double newLon = Math.toDegrees(Math.atan2(y, x));
            ra[i] = newLon < 0 ? newLon + 360.0 : newLon;
            // atan2, not asin: asin loses precision near the poles
            dec[i] = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        }
        return new double[][] {ra, dec};
    }
}
