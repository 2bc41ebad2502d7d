package org.skysieve.sky.fits;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first binary-table extension of a FITS file, read whole into memory: its header keywords and scalar numeric
 * columns (TFORM {@code B I J K E D}, repeat 1). Just what MOCs and HEALPix maps need, with no dependency; malformed
 * files throw {@link FitsFormatException} naming the file and what is wrong. Immutable after reading.
 */
public final class FitsBinaryTable {
    private static final int BLOCK = FitsCards.BLOCK;
    private static final int CARD = FitsCards.CARD;

    private final String source;
    private final Map<String, String> keywords;
    private final ByteBuffer data;
    private final int rowWidth;
    private final int rows;

    private FitsBinaryTable(String source, Map<String, String> keywords, ByteBuffer data, int rowWidth, int rows) {
        this.source = source;
        this.keywords = keywords;
        this.data = data;
        this.rowWidth = rowWidth;
        this.rows = rows;
    }

    /** Reads the first BINTABLE extension of {@code file}. */
    public static FitsBinaryTable read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads the first BINTABLE extension from {@code in} (not closed); {@code source} names it in error messages. */
    public static FitsBinaryTable read(InputStream in, String source) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(source, "source is null");
        byte[] bytes = in.readAllBytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int offset = 0;
        boolean primary = true;
        while (offset < bytes.length) {
            Map<String, String> header = new LinkedHashMap<>();
            offset = readHeader(bytes, offset, header, source, primary);
            String extension = header.getOrDefault("XTENSION", primary ? "PRIMARY" : "");
            long dataBytes = dataSize(header, source);
            if ("BINTABLE".equals(extension)) {
                int rowWidth = (int) integer(header, "NAXIS1", source);
                int rows = (int) integer(header, "NAXIS2", source);
                if (offset + (long) rowWidth * rows > bytes.length) {
                    throw new FitsFormatException(source + ": the binary table declares " + rows + " rows of " + rowWidth
                            + " bytes but the file ends after " + (bytes.length - offset) + " data bytes");
                }
                return new FitsBinaryTable(source, header, buffer.slice(offset, rowWidth * rows), rowWidth, rows);
            }
            offset += (int) ((dataBytes + BLOCK - 1) / BLOCK * BLOCK);
            primary = false;
        }
        throw new FitsFormatException(source + ": expected a FITS binary table extension (XTENSION = 'BINTABLE'). Actual: none");
    }

    private static int readHeader(byte[] bytes, int start, Map<String, String> header, String source, boolean primary) {
        int offset = start;
        while (true) {
            if (offset + CARD > bytes.length) {
                throw new FitsFormatException(source + ": expected an END card in the header starting at byte " + start
                        + ". Actual: end of file");
            }
            String card = new String(bytes, offset, CARD, StandardCharsets.US_ASCII);
            offset += CARD;
            if (offset - start == CARD && primary && !FitsCards.isSimple(card)) {
                throw new FitsFormatException(source + ": expected a FITS file starting with SIMPLE = T. Actual: '"
                        + card.substring(0, Math.min(30, card.length())).strip() + "'");
            }
            if (FitsCards.isEnd(card)) {
                return start + (offset - start + BLOCK - 1) / BLOCK * BLOCK;
            }
            FitsCards.addTo(header, card);
        }
    }

    private static long dataSize(Map<String, String> header, String source) {
        long naxis = header.containsKey("NAXIS") ? integer(header, "NAXIS", source) : 0;
        if (naxis == 0) {
            return 0;
        }
        long size = Math.abs(integer(header, "BITPIX", source)) / 8;
        for (int axis = 1; axis <= naxis; axis++) {
            size *= integer(header, "NAXIS" + axis, source);
        }
        long pcount = header.containsKey("PCOUNT") ? integer(header, "PCOUNT", source) : 0;
        long gcount = header.containsKey("GCOUNT") ? integer(header, "GCOUNT", source) : 1;
        return (size + pcount) * gcount;
    }

    private static long integer(Map<String, String> header, String keyword, String source) {
        String text = header.get(keyword);
        if (text == null) {
            throw new FitsFormatException(source + ": expected the keyword " + keyword + ". Actual: absent");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FitsFormatException(source + ": expected an integer for keyword " + keyword + ". Actual: '" + text + "'");
        }
    }

    /** The value of a header keyword (strings unquoted, trailing blanks removed), if present. */
    public Optional<String> keyword(String name) {
        return Optional.ofNullable(keywords.get(name.toUpperCase(Locale.ROOT)));
    }

    /** An integer keyword, or {@code defaultValue} when absent. */
    public long integerKeyword(String name, long defaultValue) {
        return keywords.containsKey(name) ? integer(keywords, name, source) : defaultValue;
    }

    /** The number of rows. */
    public int rowCount() {
        return rows;
    }

    /** The 1-based index of the column named {@code name} (TTYPEn, case-insensitive), or empty. */
    public Optional<Integer> columnIndex(String name) {
        long fields = integerKeyword("TFIELDS", 0);
        for (int c = 1; c <= fields; c++) {
            if (name.equalsIgnoreCase(keywords.getOrDefault("TTYPE" + c, ""))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The number of columns (TFIELDS). */
    public int columnCount() {
        return (int) integerKeyword("TFIELDS", 0);
    }

    /** Column {@code column} (1-based), which must hold integers (B, I, J or K; TZERO/TSCAL ignored). */
    public long[] longColumn(int column) {
        Layout layout = layout(column);
        long[] values = new long[rows];
        for (int row = 0; row < rows; row++) {
            int at = row * rowWidth + layout.offset;
            values[row] = switch (layout.type) {
                case 'B' -> data.get(at) & 0xFF;
                case 'I' -> data.getShort(at);
                case 'J' -> data.getInt(at);
                case 'K' -> data.getLong(at);
                default -> throw new FitsFormatException(source + ": expected an integer column (TFORM B, I, J or K) for column "
                        + column + ". Actual: " + layout.type);
            };
        }
        return values;
    }

    /** Column {@code column} (1-based) as doubles (any numeric type). */
    public double[] doubleColumn(int column) {
        Layout layout = layout(column);
        if (layout.type != 'E' && layout.type != 'D') {
            long[] longs = longColumn(column);
            double[] values = new double[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = longs[row];
            }
            return values;
        }
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            int at = row * rowWidth + layout.offset;
            values[row] = layout.type == 'E' ? data.getFloat(at) : data.getDouble(at);
        }
        return values;
    }

    private record Layout(int offset, char type) {
    }

    private Layout layout(int column) {
        int fields = columnCount();
        if (column < 1 || column > fields) {
            throw new FitsFormatException(source + ": expected a column in [1, " + fields + "]. Actual: " + column);
        }
        int offset = 0;
        for (int c = 1; c <= column; c++) {
            String form = keywords.get("TFORM" + c);
            if (form == null) {
                throw new FitsFormatException(source + ": expected the keyword TFORM" + c + ". Actual: absent");
            }
            String digits = form.replaceAll("[^0-9].*$", "");
            int repeat = digits.isEmpty() ? 1 : Integer.parseInt(digits);
            char type = form.charAt(digits.length());
            int width = switch (type) {
                case 'L', 'B', 'A', 'X' -> 1;
                case 'I' -> 2;
                case 'J', 'E' -> 4;
                case 'K', 'D', 'C', 'P' -> 8;
                case 'M', 'Q' -> 16;
                default -> throw new FitsFormatException(source + ": expected a FITS column type in TFORM" + c + ". Actual: '" + form + "'");
            };
            if (c == column) {
                if (repeat != 1) {
                    throw new FitsFormatException(source + ": expected a scalar column (repeat 1) in TFORM" + c + ". Actual: '" + form + "'");
                }
                return new Layout(offset, type);
            }
            offset += (type == 'X' ? (repeat + 7) / 8 : repeat * width);
        }
        throw new IllegalStateException("unreachable");
    }
}
