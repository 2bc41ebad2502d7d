package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

/**
 * A photometric band of a survey.
 *
 * @param name                     band name as used in column names, e.g. {@code r}, {@code Ks}, {@code W1}
 * @param effectiveWavelengthMicron effective wavelength, micrometres
 * @param pixelScaleArcsec         image pixel scale, arcsec per pixel; NaN when the survey has no images
 * @param medianDepthMag           median 5-sigma limiting magnitude (AB for optical, Vega where the survey uses it)
 * @param magnitudeSystem          {@code AB} or {@code Vega}
 */
public record Band(
        String name,
        double effectiveWavelengthMicron,
        double pixelScaleArcsec,
        double medianDepthMag,
        String magnitudeSystem) {
    public Band {
        requireNonNull(name, "name is null");
        requireNonNull(magnitudeSystem, "magnitudeSystem is null");
        if (!(effectiveWavelengthMicron > 0)) {
            throw new IllegalArgumentException("Expected a positive wavelength for band " + name + ". Actual: " + effectiveWavelengthMicron);
        }
    }
}
