package org.skysieve.catalog.hats;

/**
 * A HATS catalogue cannot be written or read: invalid input (the message names the column, row or file and says
 * what was expected and what was found) or a folder that is not a readable HATS catalogue.
 */
public class HatsException extends RuntimeException {
    public HatsException(String message) {
        super(message);
    }

    public HatsException(String message, Throwable cause) {
        super(message, cause);
    }
}
