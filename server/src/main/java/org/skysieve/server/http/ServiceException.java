package org.skysieve.server.http;

import static java.util.Objects.requireNonNull;

/**
 * A failure to report to the client, with its category; the message is written for the user (what was expected,
 * what was received, which parameter). {@link ErrorResponses} turns it into the protocol's error form.
 */
public class ServiceException extends RuntimeException {
    private final ErrorCategory category;

    public ServiceException(ErrorCategory category, String message) {
        super(requireNonNull(message, "message is null"));
        this.category = requireNonNull(category, "category is null");
    }

    public ServiceException(ErrorCategory category, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.category = requireNonNull(category, "category is null");
    }

    public ErrorCategory category() {
        return category;
    }
}
