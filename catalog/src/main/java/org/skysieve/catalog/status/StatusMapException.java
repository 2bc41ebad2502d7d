package org.skysieve.catalog.status;

import static java.util.Objects.requireNonNull;

/**
 * A status look-up that cannot be answered; the message names the survey, band, position or file. The category says
 * whose fault it is (mapped to HTTP in the server's one error mapper).
 */
public final class StatusMapException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Whose fault. */
    public enum Category {
        /** An unknown survey or band, or a survey without maps: the caller asked for something that is not there. */
        NOT_FOUND,
        /** A position out of range, mismatched arrays: the caller's input. */
        BAD_INPUT,
        /** A map file of the archive that cannot be read: the archive's fault. */
        BAD_MAP
    }

    private final Category category;

    public StatusMapException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public StatusMapException(Category category, String message) {
        this(category, message, null);
    }

    public Category category() {
        return category;
    }
}
