package org.skysieve.benchmarks;

import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The RA/Dec box around a coverage MOC, padded by a quarter on each side, so that benchmark positions fall inside,
 * near and outside the coverage. RA bounds may be negative (the box wraps through 0).
 */
record CoverageBox(double raMinDeg, double raMaxDeg, double decMinDeg, double decMaxDeg) {

    static CoverageBox around(SpatialMoc coverage) {
        long[] bounds = coverage.rangeBounds();
        double raMin = Double.MAX_VALUE;
        double raMax = -Double.MAX_VALUE;
        double decMin = 90;
        double decMax = -90;
        for (int i = 0; i < bounds.length; i += 2) {
            for (long hash : new long[] {bounds[i], bounds[i + 1] - 1}) {
                LonLat centre = HealpixNested.center(HealpixNested.MAX_DEPTH, hash);
                double ra = centre.lonDeg() > 180 ? centre.lonDeg() - 360 : centre.lonDeg();
                raMin = Math.min(raMin, ra);
                raMax = Math.max(raMax, ra);
                decMin = Math.min(decMin, centre.latDeg());
                decMax = Math.max(decMax, centre.latDeg());
            }
        }
        double raPad = 0.25 * (raMax - raMin);
        double decPad = 0.25 * (decMax - decMin);
        return new CoverageBox(raMin - raPad, raMax + raPad, decMin - decPad, decMax + decPad);
    }
}
