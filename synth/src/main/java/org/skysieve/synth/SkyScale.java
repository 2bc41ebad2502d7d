package org.skysieve.synth;

/**
 * How much sky a synthetic universe covers. Every scale is centred on RA 0 (so that it straddles RA 0/360) and
 * Dec -10 (galactic latitude about -69: high-latitude star and galaxy counts).
 *
 * <ul>
 *   <li>{@code TINY}: about 0.05 deg2, a few thousand true sources, for unit tests (seconds);</li>
 *   <li>{@code SMALL}: about 1.4 deg2, the demo (under a minute);</li>
 *   <li>{@code MEDIUM}: about 25 deg2, 1-3 million rows in the deep survey;</li>
 *   <li>{@code LARGE}: about 170 deg2, 10 million rows or more in the deep survey.</li>
 * </ul>
 * Survey tiles are scaled with the sky ({@link #tileScale()}) so that even the tiny sky has several tiles, gaps
 * between them and partial band coverage.
 */
public enum SkyScale {
    TINY(0.12, 0.10, 0.1),
    SMALL(0.60, 0.60, 0.5),
    MEDIUM(2.50, 2.50, 1.0),
    LARGE(6.50, 6.50, 1.0);

    private static final double RA_CENTRE_DEG = 0.0;
    private static final double DEC_CENTRE_DEG = -10.0;

    private final double raHalfWidthDeg;
    private final double decHalfHeightDeg;
    private final double tileScale;

    SkyScale(double raHalfWidthDeg, double decHalfHeightDeg, double tileScale) {
        this.raHalfWidthDeg = raHalfWidthDeg;
        this.decHalfHeightDeg = decHalfHeightDeg;
        this.tileScale = tileScale;
    }

    /** The sky region the universe fills. */
    public SkyRegion region() {
        return new SkyRegion(RA_CENTRE_DEG, DEC_CENTRE_DEG, raHalfWidthDeg, decHalfHeightDeg);
    }

    /** Factor applied to every survey's tile size, gap and bad-region size (1 = the real survey's tiles). */
    public double tileScale() {
        return tileScale;
    }

    /** Parses {@code tiny}, {@code small}, {@code medium} or {@code large} (any case). */
    public static SkyScale fromName(String name) {
        for (SkyScale scale : values()) {
            if (scale.name().equalsIgnoreCase(name.trim())) {
                return scale;
            }
        }
        throw new IllegalArgumentException("Expected a scale among tiny, small, medium, large. Actual: " + name);
    }
}
