package org.skysieve.sky.wcs;

import java.util.Map;

/** Numeric header values: FITS value text to double (D exponents accepted) and back. */
final class HeaderNumbers {
    private HeaderNumbers() {
    }

    /** The value of {@code keyword}, {@code absent} when the card is missing or blank; a {@link WcsException} naming it if not a number. */
    static double number(Map<String, String> cards, String keyword, double absent) {
        String text = cards.get(keyword);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Double.parseDouble(text.trim().replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw new WcsException("Expected a number in " + keyword + ". Actual: '" + text + "'");
        }
    }

    /** FITS value text of a number (round-trips exactly). */
    static String text(double value) {
        return Double.toString(value).replace('e', 'E');
    }
}
