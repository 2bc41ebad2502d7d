package org.skysieve.catalog.ingest;

import java.util.Locale;

/** What an ingest does with a row that fails validation. Declared per table in the survey descriptor. */
public enum BadRowPolicy {
    /** Stop at the first bad row with an {@link IngestException} naming its file, row and column; publish nothing. */
    REJECT,
    /** Drop bad rows, count them, and publish the rest. */
    SKIP,
    /**
     * Keep bad rows with the invalid values set to null and the reason in the {@code ingest_flags} column
     * ({@link IngestFlags}). Rows whose position is unusable cannot be placed on the sky: they are dropped and
     * counted as rejected, as with {@link #SKIP}.
     */
    FLAG;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BadRowPolicy fromWord(String word) {
        for (BadRowPolicy policy : values()) {
            if (policy.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Expected one of reject, skip, flag. Actual: " + word);
    }
}
