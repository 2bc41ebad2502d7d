package org.skysieve.server.http;

/** What kind of failure a {@link ServiceException} is; {@link ErrorResponses} maps each to an HTTP status. */
public enum ErrorCategory {
    /** A parameter or query the client sent is wrong (400). */
    BAD_REQUEST(400),
    /** The named resource (a job, a table) does not exist (404). */
    NOT_FOUND(404),
    /** The request is valid but not in the resource's current state (a UWS job no longer PENDING) (409). */
    WRONG_STATE(409),
    /** A configured limit was exceeded (upload size) (413). */
    TOO_LARGE(413),
    /** The server cannot do this now (no query engine, shutting down) (503). */
    UNAVAILABLE(503),
    /** A failure inside the server (500); the log has the details. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCategory(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
