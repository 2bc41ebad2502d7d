package org.skysieve.sky.moc;

/** A MOC file or text that does not follow MOC 2.0; the message names the source and what is wrong where. */
public final class MocFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MocFormatException(String message) {
        super(message);
    }

    public MocFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
