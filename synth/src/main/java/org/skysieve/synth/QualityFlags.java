package org.skysieve.synth;

import java.util.List;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;

/** The quality-flag bits every simulated survey sets, and their documentation. */
final class QualityFlags {
    static final int SATURATED = 1;
    static final int BLENDED = 1 << 1;
    static final int NEAR_BRIGHT_STAR = 1 << 2;
    static final int EDGE_OF_TILE = 1 << 3;
    static final int SINGLE_BAND_LOW_SN = 1 << 4;

    static final FlagDictionary DICTIONARY = new FlagDictionary(List.of(
            new FlagBit(0, "SATURATED", "At least one detected band is brighter than the band's saturation limit: its"
                    + " magnitude is biased faint and its error inflated."),
            new FlagBit(1, "BLENDED", "Two or more true sources closer than the survey's resolution were measured as this"
                    + " one row: fluxes are summed, the position is a flux-weighted mean."),
            new FlagBit(2, "NEAR_BRIGHT_STAR", "Outside every mask but within twice the mask radius of a bright star:"
                    + " photometry may be contaminated by its halo."),
            new FlagBit(3, "EDGE_OF_TILE", "Close to the edge of its tile, where fewer exposures overlap: shallower"
                    + " depth and larger errors."),
            new FlagBit(4, "SINGLE_BAND_LOW_SN", "Detected in one band only, with a signal-to-noise ratio below 7:"
                    + " prone to be spurious.")));

    private QualityFlags() {
    }
}
