package org.skysieve.synth;

import java.util.List;

/**
 * The fourteen bands in which every true source has a true magnitude.
 *
 * <p>Simplification (documented in {@link SpectralModel}): a band is represented by a single effective wavelength, and
 * every true magnitude is on the AB system. The order is fixed: it indexes the magnitude arrays of {@link SourceBatch}.
 */
public enum Passband {
    U("u", 0.355, "em.opt.U"),
    G("g", 0.475, "em.opt.B"),
    R("r", 0.622, "em.opt.R"),
    I("i", 0.763, "em.opt.I"),
    Z("z", 0.890, "em.opt.I"),
    Y("Y", 1.020, "em.IR.J"),
    J("J", 1.250, "em.IR.J"),
    H("H", 1.650, "em.IR.H"),
    KS("Ks", 2.150, "em.IR.K"),
    GAIA_G("G", 0.640, "em.opt"),
    GAIA_BP("BP", 0.510, "em.opt.B"),
    GAIA_RP("RP", 0.780, "em.opt.I"),
    W1("W1", 3.400, "em.IR.3-4um"),
    W2("W2", 4.600, "em.IR.4-8um");

    private static final List<Passband> ALL = List.of(values());

    private final String label;
    private final double wavelengthMicron;
    private final String ucdBandWord;

    Passband(String label, double wavelengthMicron, String ucdBandWord) {
        this.label = label;
        this.wavelengthMicron = wavelengthMicron;
        this.ucdBandWord = ucdBandWord;
    }

    /** The band's name as written in the truth tables ({@code u}, {@code Ks}, {@code BP}, ...). */
    public String label() {
        return label;
    }

    /** Effective wavelength, micrometres. */
    public double wavelengthMicron() {
        return wavelengthMicron;
    }

    /** The UCD1+ {@code em.*} word of the band's spectral range. */
    public String ucdBandWord() {
        return ucdBandWord;
    }

    /** All bands in index order (immutable). */
    public static List<Passband> all() {
        return ALL;
    }

    /**
     * The truth-table column holding this band's true magnitude: {@code mag_} and the lower-case label, with
     * {@code gaia_} before the Gaia bands (column names are case-insensitive, so G must not clash with g).
     */
    public String truthColumn() {
        String key = label.toLowerCase(java.util.Locale.ROOT);
        return name().startsWith("GAIA_") ? "mag_gaia_" + key : "mag_" + key;
    }
}
