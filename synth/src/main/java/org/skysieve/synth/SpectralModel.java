package org.skysieve.synth;

import java.util.List;

/**
 * Simple spectral shapes that turn a true r magnitude into true AB magnitudes in all {@link Passband}s.
 *
 * <p>Every band is sampled at its effective wavelength (no filter curves), and magnitudes are AB:
 * {@code m_b - m_r = -2.5 log10(f_nu(lambda_b) / f_nu(lambda_r))}. The shapes, in f_nu:
 * <ul>
 *   <li>stars: a black body at the effective temperature, {@code f_nu ~ lambda^-3 / (exp(hc / lambda k T) - 1)};</li>
 *   <li>galaxies, in the rest frame: a power law {@code lambda^beta} (red for ellipticals, flat for starbursts) times
 *       a smooth 4000 A break of strength {@code breakMag}, falling as {@code lambda^-2} beyond 1.6 micron (the
 *       stellar bump), dimmed 3 mag below the Lyman limit; observed at {@code lambda / (1 + z)};</li>
 *   <li>quasars: {@code f_nu ~ nu^-0.5} (so W1-W2 is red, as WISE selects them), with the Lyman-alpha forest
 *       dimming light emitted below 121.6 nm (more at higher redshift) and nothing below 91.2 nm.</li>
 * </ul>
 * Enough for stars, galaxies and quasars to separate in colour-colour plots; not a stellar-population model.
 * Stateless and thread-safe.
 */
final class SpectralModel {
    private static final double HC_OVER_K_MICRON_KELVIN = 14387.77;
    private static final List<Passband> BANDS = Passband.all();
    private static final double R_WAVELENGTH = Passband.R.wavelengthMicron();

    /** The three galaxy templates: power-law slope beta and 4000 A break strength (mag). */
    enum GalaxyType {
        ELLIPTICAL(2.2, 1.2),
        SPIRAL(1.3, 0.6),
        STARBURST(0.4, 0.15);

        final double beta;
        final double breakMag;

        GalaxyType(double beta, double breakMag) {
            this.beta = beta;
            this.breakMag = breakMag;
        }
    }

    private SpectralModel() {
    }

    /** {@code m_b - m_r} for every band of a black body at {@code temperatureK}. */
    static double[] starOffsets(double temperatureK) {
        double[] offsets = new double[BANDS.size()];
        double reference = blackBody(R_WAVELENGTH, temperatureK);
        for (Passband band : BANDS) {
            offsets[band.ordinal()] = -2.5 * Math.log10(blackBody(band.wavelengthMicron(), temperatureK) / reference);
        }
        return offsets;
    }

    private static double blackBody(double wavelengthMicron, double temperatureK) {
        return 1.0 / (Math.pow(wavelengthMicron, 3) * Math.expm1(HC_OVER_K_MICRON_KELVIN / (wavelengthMicron * temperatureK)));
    }

    /** {@code m_b - m_r} for every band of a galaxy of this template with jittered slope and break, at redshift z. */
    static double[] galaxyOffsets(GalaxyType type, double betaJitter, double breakJitterMag, double redshift) {
        double beta = type.beta + betaJitter;
        double breakMag = Math.max(0, type.breakMag + breakJitterMag);
        double[] offsets = new double[BANDS.size()];
        double reference = galaxyRestFrame(R_WAVELENGTH / (1 + redshift), beta, breakMag);
        for (Passband band : BANDS) {
            double flux = galaxyRestFrame(band.wavelengthMicron() / (1 + redshift), beta, breakMag);
            offsets[band.ordinal()] = -2.5 * Math.log10(flux / reference);
        }
        return offsets;
    }

    private static double galaxyRestFrame(double restMicron, double beta, double breakMag) {
        double powerLaw = restMicron <= 1.6
                ? Math.pow(restMicron, beta)
                : Math.pow(1.6, beta) * Math.pow(restMicron / 1.6, -2);
        double blueSide = 1.0 / (1.0 + Math.exp((restMicron - 0.40) / 0.015));
        double dimmingMag = breakMag * blueSide + (restMicron < 0.0912 ? 3.0 : 0.0);
        return powerLaw * Math.pow(10, -0.4 * dimmingMag);
    }

    /** {@code m_b - m_r} for every band of a quasar at redshift z. */
    static double[] quasarOffsets(double redshift) {
        double[] offsets = new double[BANDS.size()];
        double reference = quasarRestFrame(R_WAVELENGTH / (1 + redshift), redshift);
        for (Passband band : BANDS) {
            double flux = quasarRestFrame(band.wavelengthMicron() / (1 + redshift), redshift);
            offsets[band.ordinal()] = -2.5 * Math.log10(flux / reference);
        }
        return offsets;
    }

    private static double quasarRestFrame(double restMicron, double redshift) {
        double flux = Math.sqrt(restMicron);
        if (restMicron < 0.0912) {
            flux *= Math.pow(10, -0.4 * 6.0);
        } else if (restMicron < 0.1216) {
            flux *= Math.pow(10, -0.4 * Math.min(3.0, 0.3 + 0.5 * redshift));
        }
        return flux;
    }
}
