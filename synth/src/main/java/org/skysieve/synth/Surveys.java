package org.skysieve.synth;

import java.util.List;

/**
 * The four simulated surveys. Depths are 5-sigma point-source AB magnitudes close to the real surveys they imitate;
 * tile sizes are the real ones (scaled by {@link SkyScale#tileScale()} when the sky is small).
 *
 * <ul>
 *   <li>{@code deep_optical}, like KiDS: u g r i, 0.2"/px, r ~ 24.6, 1 deg tiles with gaps, u on fewer tiles;</li>
 *   <li>{@code near_infrared}, like VIKING: Z Y J H Ks, 0.34"/px, J ~ 22, 1.2 deg tiles, H on fewer tiles;</li>
 *   <li>{@code astrometric}, like Gaia: G BP RP, no images, contiguous coverage, G ~ 20.9 detection limit,
 *       positions at 2016.0 with proper motions and parallaxes;</li>
 *   <li>{@code wide_infrared}, like (All)WISE: W1 W2, 1.375"/px, 6" PSF, W1 ~ 19.6, blends within 6".</li>
 * </ul>
 */
final class Surveys {
    /**
     * The astrometric survey's "PSF" for the extended-source noise penalty: Gaia's small windows and on-board
     * detection lose most of a galaxy's light, so only compact, bright galaxies are detected (a few percent of rows).
     */
    private static final double GAIA_WINDOW_ARCSEC = 0.1;
    private static final List<SurveySpec> ALL = List.of(deepOptical(), nearInfrared(), astrometric(), wideInfrared());

    private Surveys() {
    }

    static List<SurveySpec> all() {
        return ALL;
    }

    private static SurveySpec deepOptical() {
        return new SurveySpec(1, "deep_optical", "Deep Optical Survey (synthetic, KiDS-like)",
                "A synthetic deep optical imaging survey in u g r i modelled on the Kilo-Degree Survey: 1 deg2 tiles with gaps,"
                        + " u observed on fewer tiles, detection in any band, positions at epoch 2014.2.",
                "sources", 2014.2, SurveyStyle.IMAGING, 0.2,
                List.of(
                        new SurveyBandSpec("u", "u", Passband.U, 24.2, 0.7, 1.0, 16.5, true),
                        new SurveyBandSpec("g", "g", Passband.G, 25.1, 0.9, 0.85, 17.0, true),
                        new SurveyBandSpec("r", "r", Passband.R, 24.6, 1.0, 0.7, 17.0, true),
                        new SurveyBandSpec("i", "i", Passband.I, 23.6, 0.85, 0.8, 16.5, true)),
                new TilingSpec(1.0, 0.06, 0.1, 0.3, 0.12, 0.10, "DOS"),
                new MaskSpec(Passband.R, 15.0, 10.0, 1.0, 90.0),
                0, 150, 0.02, "DOS",
                new ColumnNaming("mag_%s", "magerr_%s", "flux_%s", "fluxerr_%s"),
                "id", "name", "flags");
    }

    private static SurveySpec nearInfrared() {
        return new SurveySpec(2, "near_infrared", "Near-Infrared Survey (synthetic, VIKING-like)",
                "A synthetic near-infrared imaging survey in Z Y J H Ks modelled on VISTA VIKING: 1.2 deg tiles with gaps,"
                        + " H observed on fewer tiles, sources closer than 0.8 arcsec blended, positions at epoch 2013.5.",
                "sources", 2013.5, SurveyStyle.IMAGING, 0.34,
                List.of(
                        new SurveyBandSpec("Z", "z", Passband.Z, 23.1, 0.9, 0.9, 13.0, true),
                        new SurveyBandSpec("Y", "y", Passband.Y, 22.3, 0.9, 0.9, 13.0, true),
                        new SurveyBandSpec("J", "j", Passband.J, 22.1, 1.0, 0.9, 12.5, true),
                        new SurveyBandSpec("H", "h", Passband.H, 21.5, 0.75, 0.9, 12.0, true),
                        new SurveyBandSpec("Ks", "ks", Passband.KS, 21.2, 1.0, 0.9, 12.0, true)),
                new TilingSpec(1.2, 0.08, 0.1, 0.55, 0.15, 0.10, "NIR"),
                new MaskSpec(Passband.J, 13.0, 8.0, 0.5, 60.0),
                0.8, 80, 0.03, "NIR",
                new ColumnNaming("%smag", "%smagerr", "%sflux", "%sfluxerr"),
                "sourceid", "name", "flags");
    }

    private static SurveySpec astrometric() {
        return new SurveySpec(3, "astrometric", "Astrometric Survey (synthetic, Gaia-like)",
                "A synthetic all-sky astrometric survey without images in G BP RP modelled on Gaia DR3: contiguous coverage"
                        + " with scanning-law depth patterns, detection in G only, positions at epoch 2016.0 with proper motions"
                        + " and parallaxes.",
                "source", 2016.0, SurveyStyle.ASTROMETRIC, Double.NaN,
                List.of(
                        new SurveyBandSpec("G", "g", Passband.GAIA_G, 20.9, 1.0, GAIA_WINDOW_ARCSEC, 3.0, true),
                        new SurveyBandSpec("BP", "bp", Passband.GAIA_BP, 20.6, 1.0, GAIA_WINDOW_ARCSEC, 3.0, false),
                        new SurveyBandSpec("RP", "rp", Passband.GAIA_RP, 20.2, 1.0, GAIA_WINDOW_ARCSEC, 3.0, false)),
                new TilingSpec(2.0, 0.0, 0.0, 0.0, 0.05, 0.15, "SCAN"),
                new MaskSpec(Passband.GAIA_G, 9.0, 4.0, 0.0, 0.0),
                0, 3, 0.0, "ASTRO DR1",
                new ColumnNaming("phot_%s_mean_mag", "phot_%s_mean_mag_error", "phot_%s_mean_flux", "phot_%s_mean_flux_error"),
                "source_id", "designation", "quality_flags");
    }

    private static SurveySpec wideInfrared() {
        return new SurveySpec(4, "wide_infrared", "Wide Infrared Survey (synthetic, WISE-like)",
                "A synthetic shallow wide-field mid-infrared survey in W1 W2 modelled on AllWISE: 1.56 deg atlas tiles,"
                        + " a 6 arcsec PSF so that sources closer than 6 arcsec blend into one row, positions at epoch 2010.5.",
                "sources", 2010.5, SurveyStyle.WIDE, 1.375,
                List.of(
                        new SurveyBandSpec("W1", "w1", Passband.W1, 19.6, 1.0, 6.1, 10.7, true),
                        new SurveyBandSpec("W2", "w2", Passband.W2, 19.2, 1.0, 6.4, 10.0, true)),
                new TilingSpec(1.56, 0.02, 0.05, 0.8, 0.10, 0.15, "WIR"),
                new MaskSpec(Passband.W1, 13.5, 25.0, 0.3, 120.0),
                6.0, 20, 0.05, "WIR",
                new ColumnNaming("%smpro", "%ssigmpro", "%sflux", "%ssigflux"),
                "cntr", "designation", "qual_flags");
    }
}
