package org.skysieve.sky.wcs;

/** A header that does not describe a celestial WCS we support; the message names the keyword and the value received. */
public final class WcsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WcsException(String message) {
        super(message);
    }
}
