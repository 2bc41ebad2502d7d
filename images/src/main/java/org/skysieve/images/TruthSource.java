package org.skysieve.images;

/**
 * A true source as the image simulator needs it. Magnitudes per band of the survey being drawn (NaN: no magnitude).
 *
 * @param raDeg                 right ascension at the survey's epoch, degrees
 * @param decDeg                declination at the survey's epoch, degrees
 * @param galaxy                extended (a galaxy) rather than a point source
 * @param halfLightRadiusArcsec galaxy half-light radius (0 for point sources)
 * @param ellipticity           1 - b/a (0 for point sources)
 * @param positionAngleDeg      major axis, east of north
 * @param magnitudes            AB magnitude in each band of the survey, in the survey's band order
 */
record TruthSource(double raDeg, double decDeg, boolean galaxy, double halfLightRadiusArcsec, double ellipticity,
        double positionAngleDeg, float[] magnitudes) {
}
