package org.skysieve.sky.moc;

import static java.util.Objects.requireNonNull;

/**
 * The MOC 2.0 JSON serialisation of a spatial MOC (section 4.3.3): an object whose keys are orders and whose values are
 * arrays of cell indices, e.g. {@code {"3":[3,10],"4":[16,17,18,22],"29":[]}}; an empty array declares the maximum
 * order. Stateless and thread-safe.
 */
public final class MocJson {
    private MocJson() {
    }

    /** The normalised MOC's cells by increasing order, then {@code "maxOrder":[]} when that order has no cell. */
    public static String format(SpatialMoc moc) {
        requireNonNull(moc, "moc is null");
        long[][] perOrder = moc.cellsPerOrder();
        StringBuilder text = new StringBuilder("{");
        for (int order = 0; order <= SpatialMoc.MAX_ORDER; order++) {
            if (perOrder[order].length == 0 && order != moc.maxOrder()) {
                continue;
            }
            text.append(text.length() == 1 ? "" : ",\n").append('"').append(order).append("\":[");
            long[] cells = perOrder[order];
            for (int i = 0; i < cells.length; i++) {
                text.append(i == 0 ? "" : ",").append(cells[i]);
            }
            text.append(']');
        }
        return text.append("}\n").toString();
    }

    /**
     * Parses the JSON serialisation. The maximum order is the deepest key.
     *
     * @param source names the text in error messages
     * @throws MocFormatException naming the character position and what was expected there
     */
    public static SpatialMoc parse(String text, String source) {
        requireNonNull(text, "text is null");
        requireNonNull(source, "source is null");
        Cursor cursor = new Cursor(text, source);
        LongList bounds = new LongList();
        int maxOrder = -1;
        cursor.expect('{');
        if (cursor.peek() == '}') {
            throw cursor.error("at least one order key (an empty MOC is written {\"order\":[]})");
        }
        while (true) {
            cursor.expect('"');
            int keyAt = cursor.position;
            long order = cursor.integer("an order");
            if (order > SpatialMoc.MAX_ORDER) {
                throw new MocFormatException(source + ": expected an order in [0, 29] at character " + keyAt + ". Actual: " + order);
            }
            cursor.expect('"');
            cursor.expect(':');
            cursor.expect('[');
            maxOrder = Math.max(maxOrder, (int) order);
            int shift = 2 * (SpatialMoc.MAX_ORDER - (int) order);
            if (cursor.peek() != ']') {
                while (true) {
                    int cellAt = cursor.position;
                    long cell = cursor.integer("a cell index");
                    if (cell >= 12L << (2 * order)) {
                        throw new MocFormatException(source + ": expected a cell index in [0, " + ((12L << (2 * order)) - 1)
                                + "] at order " + order + " at character " + cellAt + ". Actual: " + cell);
                    }
                    bounds.add(cell << shift, (cell + 1) << shift);
                    if (cursor.peek() == ']') {
                        break;
                    }
                    cursor.expectEither(',', ']');
                }
            }
            cursor.expect(']');
            if (cursor.peek() == '}') {
                break;
            }
            cursor.expectEither(',', '}');
        }
        cursor.expect('}');
        cursor.expectEnd();
        return SpatialMoc.ofRangeBounds(maxOrder, bounds.toArray());
    }

    /** Position in the text, skipping white space. */
    private static final class Cursor {
        private final String text;
        private final String source;
        private int position;

        Cursor(String text, String source) {
            this.text = text;
            this.source = source;
        }

        char peek() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position < text.length() ? text.charAt(position) : '\0';
        }

        void expect(char expected) {
            char actual = peek();
            if (actual != expected) {
                throw error("'" + expected + "'");
            }
            position++;
        }

        void expectEither(char expected, char alternative) {
            if (peek() != expected) {
                throw error("'" + expected + "' or '" + alternative + "'");
            }
            position++;
        }

        void expectEnd() {
            if (peek() != '\0') {
                throw error("the end of the text");
            }
        }

        long integer(String what) {
            peek();
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            try {
                return Long.parseLong(text.substring(start, position));
            } catch (NumberFormatException e) {
                position = start;
                throw error(what + " (a non-negative integer)");
            }
        }

        MocFormatException error(String expected) {
            String actual = position >= text.length() ? "end of text"
                    : "'" + text.substring(position, Math.min(text.length(), position + 20)) + "'";
            return new MocFormatException(source + ": expected " + expected + " at character " + position + " of the JSON MOC. Actual: " + actual);
        }
    }
}
