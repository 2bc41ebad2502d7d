package org.skysieve.xmatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes primitive columns as a FITS file (an empty primary HDU and one BINTABLE), column by column into row blocks:
 * no boxing of cells. Forms: {@link Column.LongColumn} {@code 1K} (nulls as {@code TNULLn = -9223372036854775808},
 * declared only when the column has a null), {@link Column.DoubleColumn} {@code 1D} (null is NaN),
 * {@link Column.TextColumn} {@code nA} with n the longest value in UTF-8 bytes (null and empty are both blank).
 * Stateless.
 */
final class FitsColumnsWriter {
    private static final int BLOCK = 2880;
    private static final int ROWS_PER_WRITE = 16_384;

    private FitsColumnsWriter() {
    }

    static void write(List<Column> columns, Path file) throws IOException {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        int[] widths = new int[columns.size()];
        byte[][][] texts = new byte[columns.size()][][];
        int rowWidth = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column instanceof Column.TextColumn text) {
                texts[c] = new byte[rows][];
                int longest = 1;
                for (int row = 0; row < rows; row++) {
                    String value = text.values()[row];
                    texts[c][row] = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
                    longest = Math.max(longest, texts[c][row].length);
                }
                widths[c] = longest;
            } else {
                widths[c] = 8;
            }
            rowWidth += widths[c];
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            writeFully(channel, header(List.of(card("SIMPLE", "T"), card("BITPIX", "8"), card("NAXIS", "0"), card("EXTEND", "T"))));
            writeFully(channel, header(tableCards(columns, widths, rowWidth, rows)));
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(1, rowWidth) * Math.min(Math.max(rows, 1), ROWS_PER_WRITE));
            for (int first = 0; first < rows; first += ROWS_PER_WRITE) {
                int count = Math.min(ROWS_PER_WRITE, rows - first);
                buffer.clear();
                int offset = 0;
                for (int c = 0; c < columns.size(); c++) {
                    fill(buffer, columns.get(c), texts[c], widths[c], offset, rowWidth, first, count);
                    offset += widths[c];
                }
                buffer.limit(count * rowWidth);
                buffer.position(0);
                writeFully(channel, buffer);
            }
            long dataBytes = (long) rows * rowWidth;
            writeFully(channel, ByteBuffer.allocate((int) ((BLOCK - dataBytes % BLOCK) % BLOCK)));
        }
    }

    private static void fill(ByteBuffer buffer, Column column, byte[][] texts, int width, int offset, int rowWidth, int first, int count) {
        int at = offset;
        if (column instanceof Column.DoubleColumn doubles) {
            double[] values = doubles.values();
            for (int i = 0; i < count; i++, at += rowWidth) {
                buffer.putDouble(at, values[first + i]);
            }
        } else if (column instanceof Column.LongColumn longs) {
            long[] values = longs.values();
            boolean[] nulls = longs.nulls();
            for (int i = 0; i < count; i++, at += rowWidth) {
                buffer.putLong(at, nulls[first + i] ? Long.MIN_VALUE : values[first + i]);
            }
        } else {
            for (int i = 0; i < count; i++, at += rowWidth) {
                byte[] value = texts[first + i];
                buffer.put(at, value);
                for (int b = value.length; b < width; b++) {
                    buffer.put(at + b, (byte) ' ');
                }
            }
        }
    }

    private static List<String> tableCards(List<Column> columns, int[] widths, int rowWidth, int rows) {
        List<String> cards = new ArrayList<>(List.of(text("XTENSION", "BINTABLE"), card("BITPIX", "8"), card("NAXIS", "2"),
                card("NAXIS1", Integer.toString(rowWidth)), card("NAXIS2", Integer.toString(rows)), card("PCOUNT", "0"),
                card("GCOUNT", "1"), card("TFIELDS", Integer.toString(columns.size()))));
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            int n = c + 1;
            cards.add(text("TTYPE" + n, column.name()));
            if (column instanceof Column.DoubleColumn) {
                cards.add(text("TFORM" + n, "D"));
            } else if (column instanceof Column.LongColumn longs) {
                cards.add(text("TFORM" + n, "K"));
                for (boolean isNull : longs.nulls()) {
                    if (isNull) {
                        cards.add(card("TNULL" + n, Long.toString(Long.MIN_VALUE)));
                        break;
                    }
                }
            } else {
                cards.add(text("TFORM" + n, widths[c] + "A"));
            }
        }
        return cards;
    }

    /** A fixed-format card: the value right-aligned to column 30. */
    private static String card(String keyword, String value) {
        return String.format(Locale.ROOT, "%-8s= %20s", keyword, value);
    }

    /** A string card: the quoted value from column 11, at least 8 characters inside the quotes. */
    private static String text(String keyword, String value) {
        return String.format(Locale.ROOT, "%-8s= '%-8s'", keyword, value.replace("'", "''"));
    }

    private static ByteBuffer header(List<String> cards) {
        List<String> all = new ArrayList<>(cards);
        all.add("END");
        int blocks = (all.size() * 80 + BLOCK - 1) / BLOCK;
        byte[] bytes = new byte[blocks * BLOCK];
        java.util.Arrays.fill(bytes, (byte) ' ');
        for (int i = 0; i < all.size(); i++) {
            byte[] card = all.get(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(card, 0, bytes, i * 80, Math.min(80, card.length));
        }
        return ByteBuffer.wrap(bytes);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
