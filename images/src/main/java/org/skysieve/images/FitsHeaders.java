package org.skysieve.images;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;

/** nom-tam-fits headers as the keyword to value-text map {@link org.skysieve.sky.wcs.WcsHeaderParser} reads. */
public final class FitsHeaders {
    private FitsHeaders() {
    }

    /** Every card with a value; strings without quotes; the first occurrence of a keyword wins. */
    public static Map<String, String> cards(Header header) {
        Map<String, String> cards = new LinkedHashMap<>();
        for (Cursor<String, HeaderCard> cursor = header.iterator(); cursor.hasNext();) {
            HeaderCard card = cursor.next();
            String key = card.getKey();
            if (key == null || key.isBlank() || !card.isKeyValuePair() || cards.containsKey(key)) {
                continue;
            }
            String value = card.getValue();
            cards.put(key, value == null ? "" : value.trim());
        }
        return Collections.unmodifiableMap(cards);
    }
}
