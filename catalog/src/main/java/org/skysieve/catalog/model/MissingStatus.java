package org.skysieve.catalog.model;

import java.util.Locale;

/**
 * Why a per-band measurement has, or lacks, a value.
 *
 * <p>The order is fixed: it is also the code stored in integer status columns
 * ({@code 0 = detected} ... {@code 3 = unobserved}).
 */
public enum MissingStatus {
    /** Observed and measured: the value is there. */
    DETECTED,
    /** Observed, outside masks, but fainter than the detection limit; the limit is given instead. */
    UNDETECTED,
    /** Observed but inside a mask (bright-star halo, bad pixels): no measurement. */
    MASKED,
    /** Outside the band's coverage: never observed. */
    UNOBSERVED;

    /** One sentence saying what the value means, for VOTable OPTIONs and column metadata. */
    public String meaning() {
        return switch (this) {
            case DETECTED -> "observed and measured: the value is there";
            case UNDETECTED -> "observed, outside masks, fainter than the limit: no value; the limiting magnitude is given beside it";
            case MASKED -> "observed but inside a mask (bright-star halo, bad region): no value";
            case UNOBSERVED -> "outside the band's coverage, never observed: no value";
        };
    }

    /**
     * Whether {@code column} is a per-band status column holding these words: a string column of a band whose UCD
     * starts with {@code meta.code.status}.
     */
    public static boolean isStatusColumn(ColumnDoc column) {
        return column.type() == ColumnType.STRING && column.band().isPresent() && column.ucd().startsWith("meta.code.status");
    }

    /** The lower-case word used in files and protocols ({@code detected}, ...). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MissingStatus fromWord(String word) {
        for (MissingStatus status : values()) {
            if (status.word().equalsIgnoreCase(word.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("Expected one of detected, undetected, masked, unobserved. Actual: " + word);
    }
}
