package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

/**
 * One documented bit of a quality-flag column.
 *
 * @param bit         bit position, 0 = least significant; in [0, 63]
 * @param name        short machine name, e.g. {@code SATURATED}
 * @param description what it means for a user deciding whether to trust the row
 */
public record FlagBit(int bit, String name, String description) {
    public FlagBit {
        if (bit < 0 || bit > 63) {
            throw new IllegalArgumentException("Expected flag bit in [0, 63]. Actual: " + bit);
        }
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
    }

    /** The value of this bit alone ({@code 1L << bit}). */
    public long mask() {
        return 1L << bit;
    }
}
