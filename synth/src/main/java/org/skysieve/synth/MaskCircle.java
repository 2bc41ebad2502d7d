package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

/**
 * A circular mask: every band of the survey has no measurement inside it.
 *
 * @param raDeg        centre RA, degrees (ICRS, epoch of the survey's catalogue)
 * @param decDeg       centre Dec, degrees
 * @param radiusArcsec radius, arcsec
 * @param reason       {@code bright_star} or {@code bad_region}
 */
public record MaskCircle(double raDeg, double decDeg, double radiusArcsec, String reason) {
    public static final String BRIGHT_STAR = "bright_star";
    public static final String BAD_REGION = "bad_region";

    public MaskCircle {
        requireNonNull(reason, "reason is null");
        if (!(radiusArcsec > 0)) {
            throw new IllegalArgumentException("Expected a positive mask radius. Actual: " + radiusArcsec);
        }
    }
}
