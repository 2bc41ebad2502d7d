package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

/**
 * How a simulated survey observes one band.
 *
 * @param name             the band's name in the survey ({@code r}, {@code Z}, {@code W1}, {@code G})
 * @param columnKey        the lower-case key used in column names ({@code r}, {@code z}, {@code w1}, {@code g})
 * @param truthBand        the true magnitude the band measures
 * @param medianDepthMag   median 5-sigma point-source limiting magnitude (AB)
 * @param coverageFraction share of the survey's tiles observed in this band, in (0, 1]
 * @param psfFwhmArcsec    seeing / PSF full width at half maximum, arcsec
 * @param saturationMag    sources brighter than this (AB) saturate
 * @param detection        whether a detection in this band makes a catalogue row
 */
record SurveyBandSpec(
        String name,
        String columnKey,
        Passband truthBand,
        double medianDepthMag,
        double coverageFraction,
        double psfFwhmArcsec,
        double saturationMag,
        boolean detection) {
    SurveyBandSpec {
        requireNonNull(name, "name is null");
        requireNonNull(columnKey, "columnKey is null");
        requireNonNull(truthBand, "truthBand is null");
        if (!(coverageFraction > 0 && coverageFraction <= 1)) {
            throw new IllegalArgumentException("Expected coverageFraction in (0, 1]. Actual: " + coverageFraction);
        }
    }
}
