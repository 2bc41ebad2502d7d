package org.skysieve.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link BatchFormat#FITS}: one file of three HDUs. Primary: the float32 cube, NAXIS1 = W, NAXIS2 = H, NAXIS3 = bands,
 * NAXIS4 = N, big-endian, NaN where no plate covers. Extension {@code MASK}: uint8 of the same axes (1 = no plate).
 * Extension {@code INDEX}: a binary table with the columns of {@link BatchIndex#writeCsv}. The pixels are written in
 * place as chunks arrive (the mask at its known offset after the cube), the index last.
 */
final class FitsCubeSink implements StampSink {
    private static final int BLOCK = 2880;
    private final FileChannel channel;
    private final BatchSpec spec;
    private final long cubeStart;
    private final long maskStart;
    private final long maskEnd;
    private long dataAt;
    private long maskAt;
    private ByteBuffer bytes = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.BIG_ENDIAN);

    FitsCubeSink(Path out, int positions, BatchSpec spec) throws IOException {
        this.spec = spec;
        channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        long values = (long) positions * spec.bands().size() * spec.stampPixels();
        StringBuilder primary = new StringBuilder();
        card(primary, "SIMPLE", "T");
        card(primary, "BITPIX", "-32");
        card(primary, "NAXIS", "4");
        card(primary, "NAXIS1", Integer.toString(spec.widthPixels()));
        card(primary, "NAXIS2", Integer.toString(spec.heightPixels()));
        card(primary, "NAXIS3", Integer.toString(spec.bands().size()));
        card(primary, "NAXIS4", Integer.toString(positions));
        card(primary, "EXTEND", "T");
        card(primary, "SURVEY", quote(spec.survey()));
        card(primary, "BANDS", quote(String.join(",", spec.bands())));
        card(primary, "RESAMPLE", quote(spec.grid().map(grid -> grid.method().keyword()).orElse("none")));
        spec.grid().ifPresent(grid -> card(primary, "GRIDSCAL", number(grid.scaleArcsec())));
        comment(primary, spec.grid().isPresent()
                ? "Stamp i: TAN north up, CRVAL = (ra, dec) of INDEX row i, CRPIX = stamp middle, scale GRIDSCAL arcsec"
                : "Stamp i, band b: the WCS of plate_b with CRPIX shifted by -first_x_b, -first_y_b (INDEX row i)");
        byte[] header = end(primary);
        cubeStart = header.length;
        NpySink.writeAll(channel, ByteBuffer.wrap(header), 0);
        long maskHeaderStart = cubeStart + padded(values * 4);
        StringBuilder mask = new StringBuilder();
        card(mask, "XTENSION", quote("IMAGE"));
        card(mask, "BITPIX", "8");
        card(mask, "NAXIS", "4");
        card(mask, "NAXIS1", Integer.toString(spec.widthPixels()));
        card(mask, "NAXIS2", Integer.toString(spec.heightPixels()));
        card(mask, "NAXIS3", Integer.toString(spec.bands().size()));
        card(mask, "NAXIS4", Integer.toString(positions));
        card(mask, "PCOUNT", "0");
        card(mask, "GCOUNT", "1");
        card(mask, "EXTNAME", quote("MASK"));
        comment(mask, "1 where no plate covers the pixel (NaN in the cube); NaN with 0 is a bad pixel of a plate");
        byte[] maskHeader = end(mask);
        NpySink.writeAll(channel, ByteBuffer.wrap(maskHeader), maskHeaderStart);
        maskStart = maskHeaderStart + maskHeader.length;
        maskEnd = maskStart + padded(values);
        dataAt = cubeStart;
        maskAt = maskStart;
    }

    @Override
    public void accept(StampChunk chunk) throws IOException {
        int needed = chunk.pixels.length * 4;
        if (bytes.capacity() < needed) {
            bytes = ByteBuffer.allocateDirect(needed).order(ByteOrder.BIG_ENDIAN);
        }
        bytes.clear();
        bytes.asFloatBuffer().put(chunk.pixels);
        bytes.limit(needed);
        NpySink.writeAll(channel, bytes, dataAt);
        dataAt += needed;
        NpySink.writeAll(channel, ByteBuffer.wrap(chunk.mask), maskAt);
        maskAt += chunk.mask.length;
    }

    @Override
    public void finish(BatchIndex index) throws IOException {
        // zero padding of both data blocks: write the last byte of each padded block
        fillZeros(dataAt, padded(dataAt - cubeStart) + cubeStart);
        fillZeros(maskAt, maskEnd);
        writeIndex(index, maskEnd);
    }

    private void fillZeros(long from, long to) throws IOException {
        if (to > from) {
            NpySink.writeAll(channel, ByteBuffer.allocate((int) (to - from)), from);
        }
    }

    private void writeIndex(BatchIndex index, long at) throws IOException {
        List<String[]> columns = new ArrayList<>(); // name, form, unit
        List<Integer> widths = new ArrayList<>();
        boolean ids = index.positions() > 0 && index.id(0).isPresent();
        int idWidth = 1;
        for (int row = 0; ids && row < index.positions(); row++) {
            idWidth = Math.max(idWidth, index.id(row).orElse("").getBytes(StandardCharsets.UTF_8).length);
        }
        int plateWidth = 1;
        for (String plate : index.plate) {
            plateWidth = Math.max(plateWidth, plate == null ? 0 : plate.getBytes(StandardCharsets.UTF_8).length);
        }
        add(columns, widths, "row", "1K", null, 8);
        if (ids) {
            add(columns, widths, "id", idWidth + "A", null, idWidth);
        }
        add(columns, widths, "ra", "1D", "deg", 8);
        add(columns, widths, "dec", "1D", "deg", 8);
        for (String band : index.bands()) {
            add(columns, widths, "status_" + band, "12A", null, 12);
            add(columns, widths, "plate_" + band, plateWidth + "A", null, plateWidth);
            add(columns, widths, "blank_" + band, "1J", "pixel", 4);
            add(columns, widths, "first_x_" + band, "1K", "pixel", 8);
            add(columns, widths, "first_y_" + band, "1K", "pixel", 8);
        }
        int rowWidth = widths.stream().mapToInt(Integer::intValue).sum();
        StringBuilder header = new StringBuilder();
        card(header, "XTENSION", quote("BINTABLE"));
        card(header, "BITPIX", "8");
        card(header, "NAXIS", "2");
        card(header, "NAXIS1", Integer.toString(rowWidth));
        card(header, "NAXIS2", Integer.toString(index.positions()));
        card(header, "PCOUNT", "0");
        card(header, "GCOUNT", "1");
        card(header, "TFIELDS", Integer.toString(columns.size()));
        for (int c = 0; c < columns.size(); c++) {
            card(header, "TTYPE" + (c + 1), quote(columns.get(c)[0]));
            card(header, "TFORM" + (c + 1), quote(columns.get(c)[1]));
            if (columns.get(c)[2] != null) {
                card(header, "TUNIT" + (c + 1), quote(columns.get(c)[2]));
            }
            if (columns.get(c)[0].startsWith("first_")) {
                card(header, "TNULL" + (c + 1), Long.toString(Long.MIN_VALUE));
            }
        }
        card(header, "EXTNAME", quote("INDEX"));
        byte[] head = end(header);
        NpySink.writeAll(channel, ByteBuffer.wrap(head), at);
        long position = at + head.length;
        ByteBuffer rows = ByteBuffer.allocate(Math.max(rowWidth, 1 << 16 / Math.max(1, rowWidth) * rowWidth))
                .order(ByteOrder.BIG_ENDIAN);
        int bandCount = index.bands().size();
        for (int row = 0; row < index.positions(); row++) {
            if (rows.remaining() < rowWidth) {
                rows.flip();
                position += write(rows, position);
                rows.clear();
            }
            rows.putLong(row);
            if (ids) {
                text(rows, index.id(row).orElse(""), idWidth);
            }
            rows.putDouble(index.raDeg(row));
            rows.putDouble(index.decDeg(row));
            for (int band = 0; band < bandCount; band++) {
                int stamp = row * bandCount + band;
                text(rows, index.status[stamp].word(), 12);
                text(rows, index.plate[stamp] == null ? "" : index.plate[stamp], plateWidth);
                rows.putInt(index.blank[stamp]);
                boolean placed = index.plate[stamp] != null && spec.grid().isEmpty();
                rows.putLong(placed ? index.firstX[stamp] : Long.MIN_VALUE);
                rows.putLong(placed ? index.firstY[stamp] : Long.MIN_VALUE);
            }
        }
        rows.flip();
        position += write(rows, position);
        long tableBytes = (long) rowWidth * index.positions();
        fillZeros(position, at + head.length + padded(tableBytes));
    }

    private int write(ByteBuffer buffer, long position) throws IOException {
        int count = buffer.remaining();
        NpySink.writeAll(channel, buffer, position);
        return count;
    }

    private static void add(List<String[]> columns, List<Integer> widths, String name, String form, String unit,
            int width) {
        columns.add(new String[] {name, form, unit});
        widths.add(width);
    }

    private static void text(ByteBuffer buffer, String value, int width) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < width; i++) {
            buffer.put(i < bytes.length ? bytes[i] : (byte) ' ');
        }
    }

    private static long padded(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void card(StringBuilder header, String keyword, String value) {
        String text = String.format(Locale.ROOT, "%-8s= %20s", keyword, value);
        if (text.length() > 80) {
            throw new IllegalArgumentException("Card too long for keyword " + keyword + ": " + value);
        }
        header.append(String.format(Locale.ROOT, "%-80s", text));
    }

    private static void comment(StringBuilder header, String text) {
        for (int start = 0; start < text.length(); start += 72) {
            header.append(String.format(Locale.ROOT, "%-80s", "COMMENT " + text.substring(start,
                    Math.min(text.length(), start + 72))));
        }
    }

    private static byte[] end(StringBuilder header) {
        header.append(String.format(Locale.ROOT, "%-80s", "END"));
        while (header.length() % BLOCK != 0) {
            header.append(' ');
        }
        return header.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String quote(String text) {
        return String.format(Locale.ROOT, "'%-8s'", text.replace("'", "''"));
    }

    private static String number(double value) {
        return Double.toString(value).replace('e', 'E');
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
