package org.skysieve.formats;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A FITS header being built: 80-character cards in fixed format (FITS 4.0, section 4.2), padded with blanks to a
 * multiple of 2880 bytes by {@link #writeTo}. String values longer than a card holds are cut (no CONTINUE
 * convention); characters outside printable ASCII become {@code ?}. Not thread-safe.
 */
final class FitsHeader {
    static final int BLOCK = 2880;
    private final StringBuilder cards = new StringBuilder(BLOCK * 2);

    FitsHeader logical(String keyword, boolean value, String comment) {
        return card(keyword, String.format("%20s", value ? "T" : "F"), comment);
    }

    FitsHeader integer(String keyword, long value, String comment) {
        return card(keyword, String.format("%20d", value), comment);
    }

    FitsHeader string(String keyword, String value, String comment) {
        String quoted = printable(value).replace("'", "''");
        if (quoted.length() > 66) {
            quoted = quoted.substring(0, 66);
            if (quoted.endsWith("'") && !quoted.endsWith("''")) {
                quoted = quoted.substring(0, 65);
            }
        }
        StringBuilder padded = new StringBuilder(quoted);
        while (padded.length() < 8) {
            padded.append(' ');
        }
        return card(keyword, "'" + padded + "'", comment);
    }

    /** {@code COMMENT} cards holding {@code text}, wrapped at word boundaries into 72-character card bodies. */
    FitsHeader comment(String text) {
        String rest = printable(text).strip();
        while (!rest.isEmpty()) {
            int cut = rest.length();
            if (cut > 72) {
                cut = rest.lastIndexOf(' ', 72);
                cut = cut <= 0 ? 72 : cut;
            }
            cards.append(pad("COMMENT " + rest.substring(0, cut)));
            rest = rest.substring(cut).strip();
        }
        return this;
    }

    FitsHeader end() {
        cards.append(pad("END"));
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder block = new StringBuilder(cards);
        while (block.length() % BLOCK != 0) {
            block.append(' ');
        }
        out.write(block.toString().getBytes(US_ASCII));
    }

    private FitsHeader card(String keyword, String value, String comment) {
        if (keyword.length() > 8) {
            throw new IllegalArgumentException("Expected a FITS keyword of at most 8 characters. Actual: " + keyword);
        }
        StringBuilder card = new StringBuilder(80);
        card.append(String.format("%-8s= ", keyword)).append(value);
        if (!comment.isEmpty() && card.length() < 77) {
            card.append(" / ").append(printable(comment));
        }
        cards.append(pad(card.toString()));
        return this;
    }

    private static String pad(String card) {
        String cut = card.length() > 80 ? card.substring(0, 80) : card;
        return String.format("%-80s", cut);
    }

    private static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return clean.toString();
    }
}
