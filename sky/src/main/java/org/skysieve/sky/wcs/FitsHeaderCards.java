package org.skysieve.sky.wcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FITS header cards as a keyword to value map: the value text of every {@code KEYWORD = value / comment} card, strings
 * without their quotes (doubled quotes undone, trailing blanks dropped), numbers and logicals as written. Cards without a
 * value (COMMENT, HISTORY, blank) are skipped; reading stops at END. The first occurrence of a keyword wins, as in
 * WCSLIB. Static functions; thread-safe.
 */
public final class FitsHeaderCards {
    private static final int CARD_LENGTH = 80;
    private static final int BLOCK_LENGTH = 2880;

    private FitsHeaderCards() {
    }

    /** Parses header text: 80-character cards, concatenated or one per line. */
    public static Map<String, String> parse(String text) {
        Map<String, String> cards = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            for (int start = 0; start < line.length(); start += CARD_LENGTH) {
                String card = line.substring(start, Math.min(line.length(), start + CARD_LENGTH));
                if (card.startsWith("END") && card.substring(3).isBlank()) {
                    return Collections.unmodifiableMap(cards);
                }
                addCard(card, cards);
            }
        }
        return Collections.unmodifiableMap(cards);
    }

    /** Reads the primary header of a FITS stream (the caller decompresses), up to its END card. */
    public static Map<String, String> readPrimaryHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] block = new byte[BLOCK_LENGTH];
        while (true) {
            int read = in.readNBytes(block, 0, BLOCK_LENGTH);
            if (read < BLOCK_LENGTH) {
                throw new WcsException("Expected a FITS header ending with an END card. Actual: the data ended after "
                        + (header.size() + read) + " bytes without one");
            }
            header.write(block, 0, read);
            String text = new String(block, StandardCharsets.US_ASCII);
            for (int start = 0; start < BLOCK_LENGTH; start += CARD_LENGTH) {
                String card = text.substring(start, start + CARD_LENGTH);
                if (card.startsWith("END") && card.substring(3).isBlank()) {
                    return parse(header.toString(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    private static void addCard(String card, Map<String, String> cards) {
        if (card.length() < 10 || card.charAt(8) != '=' || card.charAt(9) != ' ') {
            return;
        }
        String keyword = card.substring(0, 8).trim();
        if (keyword.isEmpty() || cards.containsKey(keyword)) {
            return;
        }
        String rest = card.substring(10).trim();
        String value;
        if (rest.startsWith("'")) {
            StringBuilder text = new StringBuilder();
            int index = 1;
            while (index < rest.length()) {
                char character = rest.charAt(index);
                if (character == '\'') {
                    if (index + 1 < rest.length() && rest.charAt(index + 1) == '\'') {
                        text.append('\'');
                        index += 2;
                        continue;
                    }
                    break;
                }
                text.append(character);
                index++;
            }
            value = text.toString().stripTrailing();
        } else {
            int slash = rest.indexOf('/');
            value = (slash >= 0 ? rest.substring(0, slash) : rest).trim();
        }
        cards.put(keyword, value);
    }
}
