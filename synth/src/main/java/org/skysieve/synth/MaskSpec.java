package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

/**
 * How a survey masks its data.
 *
 * @param maskBand                 the true band deciding which bright stars are masked
 * @param thresholdMag             stars brighter than this in {@code maskBand} get a circular mask
 * @param radiusAtThresholdArcsec  mask radius of a star at the threshold; it grows by 10^(0.2 (threshold - m))
 * @param badRegionsPerSquareDeg   mean number of bad regions (satellite trails, ghosts, bad detectors) per deg2
 * @param badRegionRadiusArcsec    typical bad-region radius at full tile scale, arcsec
 */
record MaskSpec(
        Passband maskBand,
        double thresholdMag,
        double radiusAtThresholdArcsec,
        double badRegionsPerSquareDeg,
        double badRegionRadiusArcsec) {
    MaskSpec {
        requireNonNull(maskBand, "maskBand is null");
    }

    /** Mask radius around a star of magnitude {@code mag} in the mask band, arcsec. */
    double radiusArcsec(double mag) {
        return radiusAtThresholdArcsec * Math.pow(10, 0.2 * (thresholdMag - mag));
    }
}
