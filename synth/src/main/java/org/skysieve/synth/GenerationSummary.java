package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a generation produced and how long it took.
 *
 * @param scale            the scale generated
 * @param seed             the seed
 * @param trueSourceCount  number of true sources (rows of truth/sources.parquet)
 * @param surveys          rows written per survey
 * @param phases           wall-clock seconds per phase, in execution order
 * @param totalSeconds     wall-clock seconds of the whole generation
 */
public record GenerationSummary(SkyScale scale, long seed, long trueSourceCount, List<SurveyRows> surveys, List<PhaseTime> phases,
                                double totalSeconds) {
    public GenerationSummary {
        requireNonNull(scale, "scale is null");
        surveys = List.copyOf(requireNonNull(surveys, "surveys is null"));
        phases = List.copyOf(requireNonNull(phases, "phases is null"));
    }

    /**
     * @param survey          survey name
     * @param catalogueRows   rows in its catalogue (including spurious ones)
     * @param spuriousRows    rows with no true source
     */
    public record SurveyRows(String survey, long catalogueRows, long spuriousRows) {
        public SurveyRows {
            requireNonNull(survey, "survey is null");
        }
    }

    /** @param phase phase name; @param seconds wall-clock seconds */
    public record PhaseTime(String phase, double seconds) {
        public PhaseTime {
            requireNonNull(phase, "phase is null");
        }
    }

    /** The same as {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }

    /** A few human-readable lines: counts and timings. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(java.util.Locale.ROOT, "Generated the %s sky (seed %d): %,d true sources in %.1f s%n",
                scale.name().toLowerCase(java.util.Locale.ROOT), seed, trueSourceCount, totalSeconds));
        for (SurveyRows rows : surveys) {
            text.append(String.format(java.util.Locale.ROOT, "  %-14s %,12d rows (%,d spurious)%n", rows.survey(), rows.catalogueRows(), rows.spuriousRows()));
        }
        for (PhaseTime phase : phases) {
            text.append(String.format(java.util.Locale.ROOT, "  phase %-12s %8.2f s%n", phase.phase(), phase.seconds()));
        }
        return text.toString();
    }
}
