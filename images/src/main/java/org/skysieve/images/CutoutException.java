package org.skysieve.images;

/** A cutout that cannot be made: outside every plate, an unknown survey or band, a size out of range. */
public final class CutoutException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why: NOT_FOUND (no plate there, unknown survey/band) or BAD_REQUEST (a size or position out of range). */
    public enum Reason { NOT_FOUND, BAD_REQUEST }

    private final Reason reason;

    public CutoutException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
