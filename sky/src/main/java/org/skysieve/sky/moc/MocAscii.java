package org.skysieve.sky.moc;

import static java.util.Objects.requireNonNull;


/**
 * The MOC 2.0 ASCII serialisation of a spatial MOC (section 4.3.2): {@code order/cell cell first-last ...} per order,
 * e.g. {@code 3/3 10 4/16-18 22 5/19-20 29/}; an order with no cell, written last, declares the maximum order.
 * Stateless and thread-safe.
 */
public final class MocAscii {
    private MocAscii() {
    }

    /** The normalised MOC's cells, by increasing order, with ranges of consecutive cells; then {@code maxOrder/} if empty. */
    public static String format(SpatialMoc moc) {
        requireNonNull(moc, "moc is null");
        long[][] perOrder = moc.cellsPerOrder();
        StringBuilder text = new StringBuilder();
        for (int order = 0; order <= SpatialMoc.MAX_ORDER; order++) {
            long[] cells = perOrder[order];
            if (cells.length == 0) {
                continue;
            }
            text.append(text.length() == 0 ? "" : " ").append(order).append('/');
            for (int i = 0; i < cells.length; ) {
                int j = i;
                while (j + 1 < cells.length && cells[j + 1] == cells[j] + 1) {
                    j++;
                }
                text.append(i == 0 ? "" : " ").append(cells[i]);
                if (j > i) {
                    text.append('-').append(cells[j]);
                }
                i = j + 1;
            }
        }
        if (perOrder[moc.maxOrder()].length == 0) {
            text.append(text.length() == 0 ? "" : " ").append(moc.maxOrder()).append('/');
        }
        return text.toString();
    }

    /**
     * Parses the ASCII serialisation. The maximum order is the deepest order written (with or without cells).
     *
     * @param source names the text in error messages (a file name, "request body")
     * @throws MocFormatException naming the token and its position when the text is not a MOC
     */
    public static SpatialMoc parse(String text, String source) {
        requireNonNull(text, "text is null");
        requireNonNull(source, "source is null");
        LongList bounds = new LongList();
        int order = -1;
        int maxOrder = -1;
        int position = 0;
        int length = text.length();
        while (position < length) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c) || c == ',') {
                position++;
                continue;
            }
            int tokenStart = position;
            while (position < length && !Character.isWhitespace(text.charAt(position)) && text.charAt(position) != ',') {
                position++;
            }
            String token = text.substring(tokenStart, position);
            String cells = token;
            int slash = token.indexOf('/');
            if (slash >= 0) {
                order = number(token.substring(0, slash), source, tokenStart, "an order");
                if (order > SpatialMoc.MAX_ORDER) {
                    throw new MocFormatException(source + ": expected an order in [0, 29] at character " + tokenStart + ". Actual: " + order);
                }
                maxOrder = Math.max(maxOrder, order);
                cells = token.substring(slash + 1);
                if (cells.isEmpty()) {
                    continue;
                }
            }
            if (order < 0) {
                throw new MocFormatException(source + ": expected 'order/' before the first cell at character " + tokenStart
                        + ". Actual: '" + token + "'");
            }
            int dash = cells.indexOf('-');
            long first = numberLong(dash < 0 ? cells : cells.substring(0, dash), source, tokenStart, "a cell index");
            long last = dash < 0 ? first : numberLong(cells.substring(dash + 1), source, tokenStart, "a cell index");
            long cellCount = 12L << (2 * order);
            if (last < first || last >= cellCount) {
                throw new MocFormatException(source + ": expected cells in [0, " + (cellCount - 1) + "] at order " + order
                        + " (first <= last) at character " + tokenStart + ". Actual: '" + cells + "'");
            }
            int shift = 2 * (SpatialMoc.MAX_ORDER - order);
            bounds.add(first << shift, (last + 1) << shift);
        }
        if (maxOrder < 0) {
            throw new MocFormatException(source + ": expected a MOC in ASCII ('order/cells ...'). Actual: "
                    + (text.isBlank() ? "empty text" : "'" + text.strip().substring(0, Math.min(40, text.strip().length())) + "'"));
        }
        return SpatialMoc.ofRangeBounds(maxOrder, bounds.toArray());
    }

    private static int number(String text, String source, int at, String what) {
        long value = numberLong(text, source, at, what);
        if (value > Integer.MAX_VALUE) {
            throw new MocFormatException(source + ": expected " + what + " at character " + at + ". Actual: '" + text + "'");
        }
        return (int) value;
    }

    private static long numberLong(String text, String source, int at, String what) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MocFormatException(source + ": expected " + what + " (a non-negative integer) at character " + at
                    + ". Actual: '" + text + "'");
        }
    }
}
