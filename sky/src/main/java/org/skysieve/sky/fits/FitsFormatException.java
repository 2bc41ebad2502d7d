package org.skysieve.sky.fits;

/** A file that is not the FITS binary table expected; the message names the file, the keyword or the row. */
public final class FitsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FitsFormatException(String message) {
        super(message);
    }
}
