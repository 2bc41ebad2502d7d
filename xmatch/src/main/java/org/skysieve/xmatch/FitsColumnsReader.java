package org.skysieve.xmatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.skysieve.sky.fits.FitsCards;

/**
 * Reads the first binary table of a FITS file column by column into primitive arrays, from a memory map: no boxing of
 * cells, each column decoded by a tight loop (columns in parallel). Handles scalar columns of TFORM {@code L B I J K E D}
 * and strings {@code nA}; integer columns honour {@code TNULLn} (null flag) and integral {@code TZEROn} (unsigned
 * forms), floating columns {@code TSCALn}/{@code TZEROn}. Logical columns become text {@code true}/{@code false}
 * (blank: null), as STIL reports them.
 *
 * <p>{@link #read(Path)} returns empty when the table holds anything else (vectors, variable-length arrays, bits,
 * complex numbers, scaled integers, a table over 2 GB, no binary table): the caller then reads the file through STIL.
 * Stateless.
 */
final class FitsColumnsReader {
    private static final int BLOCK = FitsCards.BLOCK;
    private static final int CARD = FitsCards.CARD;

    private FitsColumnsReader() {
    }

    /** The table's columns, or empty when this reader does not handle the file (see the class comment). */
    static Optional<LoadedTable> read(Path file) throws IOException {
        try {
            return readMapped(file);
        } catch (NumberFormatException e) {
            // a keyword this reader cannot parse: STIL reads the file and reports what is wrong
            return Optional.empty();
        }
    }

    private static Optional<LoadedTable> readMapped(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long offset = 0;
            boolean primary = true;
            while (offset < size) {
                Map<String, String> header = new HashMap<>();
                long dataStart = readHeader(channel, offset, header, primary);
                if (dataStart < 0) {
                    return Optional.empty();
                }
                long dataBytes = dataSize(header);
                if (dataBytes < 0) {
                    return Optional.empty();
                }
                if ("BINTABLE".equals(header.get("XTENSION"))) {
                    long rowWidth = integer(header, "NAXIS1");
                    long rows = integer(header, "NAXIS2");
                    if (rowWidth * rows > Integer.MAX_VALUE || dataStart + rowWidth * rows > size || rows > Integer.MAX_VALUE) {
                        return Optional.empty();
                    }
                    MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart, rowWidth * rows);
                    return columns(file.getFileName().toString(), header, data, (int) rowWidth, (int) rows);
                }
                offset = dataStart + (dataBytes + BLOCK - 1) / BLOCK * BLOCK;
                primary = false;
            }
            return Optional.empty();
        }
    }

    private record Layout(String name, char type, int repeat, int offset, Long nullValue, double scale, double zero) {
    }

    private static Optional<LoadedTable> columns(String source, Map<String, String> header, ByteBuffer data, int rowWidth, int rows) {
        int fields = (int) integer(header, "TFIELDS");
        List<Layout> layouts = new ArrayList<>();
        int offset = 0;
        for (int c = 1; c <= fields; c++) {
            String form = header.get("TFORM" + c);
            if (form == null) {
                return Optional.empty();
            }
            form = form.strip();
            int digits = 0;
            while (digits < form.length() && Character.isDigit(form.charAt(digits))) {
                digits++;
            }
            if (digits == form.length()) {
                return Optional.empty();
            }
            int repeat = digits == 0 ? 1 : Integer.parseInt(form.substring(0, digits));
            char type = form.charAt(digits);
            int width = switch (type) {
                case 'L', 'B', 'A' -> 1;
                case 'I' -> 2;
                case 'J', 'E' -> 4;
                case 'K', 'D' -> 8;
                default -> -1;
            };
            double scale = header.containsKey("TSCAL" + c) ? Double.parseDouble(header.get("TSCAL" + c)) : 1.0;
            double zero = header.containsKey("TZERO" + c) ? Double.parseDouble(header.get("TZERO" + c)) : 0.0;
            boolean integerType = type == 'B' || type == 'I' || type == 'J' || type == 'K';
            if (width < 0 || (type != 'A' && repeat != 1) || (integerType && (scale != 1.0 || zero != Math.rint(zero)))
                    || (type == 'K' && zero != 0) || (type == 'A' && zero != 0)) {
                return Optional.empty();
            }
            Long nullValue = header.containsKey("TNULL" + c) ? integer(header, "TNULL" + c) : null;
            String name = header.getOrDefault("TTYPE" + c, "col" + c);
            layouts.add(new Layout(name, type, repeat, offset, nullValue, scale, zero));
            offset += repeat * width;
        }
        if (offset != rowWidth) {
            return Optional.empty();
        }
        Column[] columns = new Column[fields];
        IntStream.range(0, fields).parallel().forEach(c -> columns[c] = decode(layouts.get(c), data.duplicate(), rowWidth, rows));
        return Optional.of(new LoadedTable(source, List.of(columns)));
    }

    private static Column decode(Layout layout, ByteBuffer data, int rowWidth, int rows) {
        int at = layout.offset;
        switch (layout.type) {
            case 'D', 'E' -> {
                double[] values = new double[rows];
                if (layout.type == 'D') {
                    for (int row = 0; row < rows; row++, at += rowWidth) {
                        values[row] = data.getDouble(at);
                    }
                } else {
                    for (int row = 0; row < rows; row++, at += rowWidth) {
                        values[row] = data.getFloat(at);
                    }
                }
                if (layout.scale != 1.0 || layout.zero != 0.0) {
                    for (int row = 0; row < rows; row++) {
                        values[row] = values[row] * layout.scale + layout.zero;
                    }
                }
                return new Column.DoubleColumn(layout.name, values);
            }
            case 'B', 'I', 'J', 'K' -> {
                long[] values = new long[rows];
                boolean[] nulls = new boolean[rows];
                long zero = (long) layout.zero;
                boolean hasNull = layout.nullValue != null;
                long nullValue = hasNull ? layout.nullValue : 0;
                for (int row = 0; row < rows; row++, at += rowWidth) {
                    long raw = switch (layout.type) {
                        case 'B' -> data.get(at) & 0xFF;
                        case 'I' -> data.getShort(at);
                        case 'J' -> data.getInt(at);
                        default -> data.getLong(at);
                    };
                    if (hasNull && raw == nullValue) {
                        nulls[row] = true;
                    } else {
                        values[row] = raw + zero;
                    }
                }
                return new Column.LongColumn(layout.name, values, nulls);
            }
            case 'L' -> {
                String[] values = new String[rows];
                for (int row = 0; row < rows; row++, at += rowWidth) {
                    byte value = data.get(at);
                    values[row] = value == 'T' ? "true" : value == 'F' ? "false" : null;
                }
                return new Column.TextColumn(layout.name, values);
            }
            default -> {
                String[] values = new String[rows];
                byte[] bytes = new byte[layout.repeat];
                for (int row = 0; row < rows; row++, at += rowWidth) {
                    data.get(at, bytes);
                    int end = 0;
                    while (end < bytes.length && bytes[end] != 0) {
                        end++;
                    }
                    while (end > 0 && bytes[end - 1] == ' ') {
                        end--;
                    }
                    values[row] = end == 0 ? null : new String(bytes, 0, end, StandardCharsets.US_ASCII);
                }
                return new Column.TextColumn(layout.name, values);
            }
        }
    }

    /** Reads the header at {@code start} into {@code header}; returns where its data start, or -1 when it is not FITS. */
    private static long readHeader(FileChannel channel, long start, Map<String, String> header, boolean primary) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long offset = start;
        while (true) {
            block.clear();
            int read = 0;
            while (block.hasRemaining()) {
                int n = channel.read(block, offset + read);
                if (n < 0) {
                    return -1;
                }
                read += n;
            }
            offset += BLOCK;
            for (int card = 0; card < BLOCK / CARD; card++) {
                String text = new String(block.array(), card * CARD, CARD, StandardCharsets.US_ASCII);
                if (primary && offset - BLOCK == start && card == 0 && !FitsCards.isSimple(text)) {
                    return -1;
                }
                if (FitsCards.isEnd(text)) {
                    return offset;
                }
                FitsCards.addTo(header, text);
            }
        }
    }

    /** Data bytes of an HDU (without padding), or -1 when the header lacks what it takes to know. */
    private static long dataSize(Map<String, String> header) {
        try {
            long naxis = header.containsKey("NAXIS") ? integer(header, "NAXIS") : 0;
            if (naxis == 0) {
                return 0;
            }
            long size = Math.abs(integer(header, "BITPIX")) / 8;
            for (int axis = 1; axis <= naxis; axis++) {
                size *= integer(header, "NAXIS" + axis);
            }
            long pcount = header.containsKey("PCOUNT") ? integer(header, "PCOUNT") : 0;
            long gcount = header.containsKey("GCOUNT") ? integer(header, "GCOUNT") : 1;
            return (size + pcount) * gcount;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long integer(Map<String, String> header, String keyword) {
        String text = header.get(keyword);
        if (text == null) {
            throw new NumberFormatException("no " + keyword);
        }
        return Long.parseLong(text.strip());
    }
}
