package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The image cutouts of a dataset: one square stamp per object and band.
 *
 * @param survey            the survey whose plates are cut
 * @param bands             its bands, in tensor order (at least one, no repeats)
 * @param sizePixels        the stamp side in pixels (at least 1)
 * @param pixelScaleArcsec  the common grid's pixel scale, or empty for the survey's native pixels
 */
public record CutoutSpec(String survey, List<String> bands, int sizePixels, Optional<Double> pixelScaleArcsec) {
    public CutoutSpec {
        requireNonNull(survey, "survey is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        requireNonNull(pixelScaleArcsec, "pixelScaleArcsec is null");
    }
}
