package org.skysieve.sky.fits;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes a FITS file made of an empty primary HDU and one binary table (FITS 4.0 standard, section 7.3): just what
 * MOCs and HEALPix maps need, with no dependency. Stateless and thread-safe.
 */
public final class FitsBinaryTableWriter {
    private static final int BLOCK = 2880;
    private static final int CARD = 80;

    private FitsBinaryTableWriter() {
    }

    /** A header keyword: a string (quoted), an integer, a boolean or a double, with an optional comment. */
    public record Keyword(String name, Object value, String comment) {
        public Keyword {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            if (name.length() > 8) {
                throw new IllegalArgumentException("Expected a FITS keyword of at most 8 characters. Actual: " + name);
            }
        }

        public static Keyword of(String name, Object value) {
            return new Keyword(name, value, null);
        }
    }

    /** Writes the file to {@code out} (not closed). All columns must have the same number of rows. */
    public static void write(OutputStream out, List<FitsColumn> columns, List<Keyword> keywords) throws IOException {
        requireNonNull(out, "out is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(keywords, "keywords is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one column");
        }
        int rows = columns.get(0).rowCount();
        int rowWidth = 0;
        for (FitsColumn column : columns) {
            if (column.rowCount() != rows) {
                throw new IllegalArgumentException("Expected " + rows + " rows in column " + column.name() + ". Actual: " + column.rowCount());
            }
            rowWidth += column.width();
        }
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        StringBuilder primary = new StringBuilder();
        card(primary, "SIMPLE", true, "conforms to FITS standard");
        card(primary, "BITPIX", 8, null);
        card(primary, "NAXIS", 0, null);
        card(primary, "EXTEND", true, null);
        writeHeader(data, primary);

        StringBuilder table = new StringBuilder();
        card(table, "XTENSION", "BINTABLE", "binary table extension");
        card(table, "BITPIX", 8, null);
        card(table, "NAXIS", 2, null);
        card(table, "NAXIS1", rowWidth, "bytes per row");
        card(table, "NAXIS2", rows, "rows");
        card(table, "PCOUNT", 0, null);
        card(table, "GCOUNT", 1, null);
        card(table, "TFIELDS", columns.size(), null);
        for (int c = 0; c < columns.size(); c++) {
            FitsColumn column = columns.get(c);
            card(table, "TTYPE" + (c + 1), column.name(), null);
            card(table, "TFORM" + (c + 1), column.form(), null);
            if (column.unit() != null) {
                card(table, "TUNIT" + (c + 1), column.unit(), null);
            }
        }
        for (Keyword keyword : keywords) {
            card(table, keyword.name(), keyword.value(), keyword.comment());
        }
        writeHeader(data, table);
        for (int row = 0; row < rows; row++) {
            for (FitsColumn column : columns) {
                if (column.longs() != null) {
                    data.writeLong(column.longs()[row]);
                } else {
                    data.writeFloat(column.floats()[row]);
                }
            }
        }
        long dataBytes = (long) rows * rowWidth;
        data.write(new byte[(int) ((BLOCK - dataBytes % BLOCK) % BLOCK)]);
        data.flush();
    }

    private static void writeHeader(DataOutputStream out, StringBuilder cards) throws IOException {
        cards.append(String.format(Locale.ROOT, "%-80s", "END"));
        while (cards.length() % BLOCK != 0) {
            cards.append(' ');
        }
        out.write(cards.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void card(StringBuilder cards, String name, Object value, String comment) {
        String text;
        if (value instanceof String string) {
            text = String.format(Locale.ROOT, "'%-8s'", string.replace("'", "''"));
        } else if (value instanceof Boolean bool) {
            text = String.format(Locale.ROOT, "%20s", bool ? "T" : "F");
        } else if (value instanceof Double number) {
            text = String.format(Locale.ROOT, "%20s", Double.toString(number).replace('e', 'E'));
        } else {
            text = String.format(Locale.ROOT, "%20s", value);
        }
        String line = String.format(Locale.ROOT, "%-8s= %s", name, text) + (comment == null ? "" : " / " + comment);
        if (line.length() > CARD) {
            line = line.substring(0, CARD);
        }
        cards.append(String.format(Locale.ROOT, "%-80s", line));
    }
}
