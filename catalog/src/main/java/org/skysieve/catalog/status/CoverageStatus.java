package org.skysieve.catalog.status;

import java.util.Locale;

/**
 * What a survey band's maps say of a position: observed (in coverage, outside masks), masked (in coverage, inside a
 * mask) or unobserved (outside coverage). With a catalogue row this becomes a {@code MissingStatus}: observed and
 * without a measurement is {@code undetected}.
 */
public enum CoverageStatus {
    OBSERVED,
    MASKED,
    UNOBSERVED;

    /** The lower-case word used in files and protocols ({@code observed}, {@code masked}, {@code unobserved}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
