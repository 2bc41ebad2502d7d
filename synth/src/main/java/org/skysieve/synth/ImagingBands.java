package org.skysieve.synth;

import java.util.List;
import java.util.Optional;

/**
 * What an image simulator needs to know of the synthetic imaging surveys' bands (deep_optical, near_infrared,
 * wide_infrared; the astrometric survey has no images): the truth magnitude column each band measures, its PSF and
 * its saturation. Depths and tiles are in each survey's {@link FootprintDescription}. Static; thread-safe.
 */
public final class ImagingBands {
    private ImagingBands() {
    }

    /**
     * One band of an imaging survey.
     *
     * @param band            the band's name in the survey ({@code r}, {@code Ks}, {@code W1})
     * @param truthColumn     the column of {@code truth/sources.parquet} holding the true AB magnitude in this band
     * @param psfFwhmArcsec   the PSF's full width at half maximum, arcsec
     * @param saturationMag   point sources brighter than this (AB) saturate
     */
    public record ImagingBand(String band, String truthColumn, double psfFwhmArcsec, double saturationMag) {
    }

    /**
     * The survey's epoch and bands, or empty for a survey without images (or unknown).
     *
     * @param epochYear the epoch of the survey's positions (the truth is at 2016.0)
     * @param bands     the bands, in the survey's order
     */
    public record ImagingSurvey(String survey, double epochYear, double pixelScaleArcsec, List<ImagingBand> bands) {
        public ImagingSurvey {
            bands = List.copyOf(bands);
        }
    }

    /** The imaging survey of that name, empty when it has no images. */
    public static Optional<ImagingSurvey> survey(String name) {
        for (SurveySpec survey : Surveys.all()) {
            if (survey.name().equals(name) && survey.style() != SurveyStyle.ASTROMETRIC) {
                List<ImagingBand> bands = survey.bands().stream().map(band -> new ImagingBand(band.name(),
                        band.truthBand().truthColumn(), band.psfFwhmArcsec(), band.saturationMag())).toList();
                return Optional.of(new ImagingSurvey(survey.name(), survey.epochYear(), survey.pixelScaleArcsec(), bands));
            }
        }
        return Optional.empty();
    }

    /** The names of the imaging surveys. */
    public static List<String> surveyNames() {
        return Surveys.all().stream().filter(survey -> survey.style() != SurveyStyle.ASTROMETRIC)
                .map(SurveySpec::name).toList();
    }
}
