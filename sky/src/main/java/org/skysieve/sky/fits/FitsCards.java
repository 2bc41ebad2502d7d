package org.skysieve.sky.fits;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The 80-character header cards of a FITS file (FITS 4.0 section 4.1): the keyword in columns 1-8, {@code "= "} in
 * columns 9-10 for a card with a value, the value after it. The one card parser of {@link FitsBinaryTable} and of the
 * column reader of the xmatch module. Stateless.
 */
public final class FitsCards {
    /** Bytes in a card. */
    public static final int CARD = 80;
    /** Bytes in a header or data block. */
    public static final int BLOCK = 2880;

    private FitsCards() {
    }

    /** The keyword of {@code card} (columns 1-8, without the blanks). */
    public static String keyword(String card) {
        return card.substring(0, 8).strip();
    }

    /** Whether {@code card} ends the header. */
    public static boolean isEnd(String card) {
        return "END".equals(keyword(card));
    }

    /** Whether {@code card} starts a primary header ({@code SIMPLE =}). */
    public static boolean isSimple(String card) {
        return card.startsWith("SIMPLE  =");
    }

    /**
     * Puts the keyword and value of a value card into {@code header}; a keyword seen before keeps its first value, a
     * card without a value (COMMENT, HISTORY, blank) is passed over.
     */
    public static void addTo(Map<String, String> header, String card) {
        requireNonNull(header, "header is null");
        if (card.startsWith("= ", 8)) {
            header.putIfAbsent(keyword(card), value(card.substring(10)));
        }
    }

    /**
     * The value in the text after {@code "= "}: a quoted string without its quotes ({@code ''} is one quote; trailing
     * blanks are not significant), else the text before any {@code /} comment, without blanks.
     */
    public static String value(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("'")) {
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c == '\'') {
                    if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i++;
                        continue;
                    }
                    break;
                }
                value.append(c);
            }
            return value.toString().stripTrailing();
        }
        int slash = trimmed.indexOf('/');
        return (slash >= 0 ? trimmed.substring(0, slash) : trimmed).strip();
    }
}
