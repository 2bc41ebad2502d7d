package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

/**
 * A survey's tile grid and depth pattern, at the real survey's scale (multiplied by {@link SkyScale#tileScale()}).
 *
 * @param tileSizeDeg              side of a square tile on the sky, degrees
 * @param gapDeg                   gap between neighbouring tiles, degrees (0 for contiguous coverage)
 * @param missingFraction          share of grid positions left without a tile
 * @param gridPhaseDeg             offset of the grid, so that the surveys' grids differ
 * @param tileDepthSigmaMag        scatter of the per-tile, per-band depth offsets, mag
 * @param smoothDepthAmplitudeMag  amplitude of the smooth depth variation across the sky, mag
 * @param tilePrefix               prefix of tile ids
 */
record TilingSpec(
        double tileSizeDeg,
        double gapDeg,
        double missingFraction,
        double gridPhaseDeg,
        double tileDepthSigmaMag,
        double smoothDepthAmplitudeMag,
        String tilePrefix) {
    TilingSpec {
        requireNonNull(tilePrefix, "tilePrefix is null");
        if (!(tileSizeDeg > 0) || gapDeg < 0 || missingFraction < 0 || missingFraction >= 1) {
            throw new IllegalArgumentException("Expected tileSizeDeg > 0, gapDeg >= 0, missingFraction in [0, 1). Actual: "
                    + tileSizeDeg + ", " + gapDeg + ", " + missingFraction);
        }
    }

    TilingSpec scaled(double factor) {
        return new TilingSpec(tileSizeDeg * factor, gapDeg * factor, missingFraction, gridPhaseDeg * factor,
                tileDepthSigmaMag, smoothDepthAmplitudeMag, tilePrefix);
    }
}
