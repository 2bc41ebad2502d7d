package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A tile-compressed image (FITS 4.0 section 10, {@code ZIMAGE = T}): the binary table of compressed tiles is memory
 * mapped and only the tiles a read touches are decompressed, then kept in a bounded cache (least recently used; about
 * {@value #CACHE_BYTES} bytes of pixels per image). Supported: RICE_1 and GZIP_1 tiles (and the per-tile
 * GZIP_COMPRESSED_DATA / UNCOMPRESSED_DATA fallbacks), integer images (ZBITPIX 8, 16, 32; BLANK or ZBLANK as NaN,
 * BSCALE/BZERO applied) and quantized float images (ZBITPIX -32/-64 with ZSCALE/ZZERO columns, ZQUANTIZ NO_DITHER,
 * SUBTRACTIVE_DITHER_1 or SUBTRACTIVE_DITHER_2 with ZDITHER0, as CFITSIO dequantizes). Pixel (x, y) is 0-based, x along
 * ZNAXIS1. Thread-safe.
 */
final class CompressedImage {
    static final long CACHE_BYTES = 64L << 20;
    private static final int RANDOM_COUNT = 10_000;
    private static final float[] RANDOMS = randoms();
    private static final long NULL_VALUE = -2147483647L;
    private static final long ZERO_VALUE = -2147483646L;
    private static final Pattern TFORM = Pattern.compile("\\s*(\\d*)([LXBIJKAEDCMPQ])([A-Z]?).*");

    private final Path file;
    private final ByteBuffer table;
    private final int rowBytes;
    private final long heapStart;
    private final Map<String, Column> columns;
    private final int width;
    private final int height;
    private final int tileWidth;
    private final int tileHeight;
    private final int tilesAcross;
    private final int tileCount;
    private final String compression;
    private final int zbitpix;
    private final int blockSize;
    private final int bytePix;
    private final String quantization;
    private final long ditherSeed;
    private final Long blankKeyword;
    private final double bscale;
    private final double bzero;
    private final LinkedHashMap<Integer, float[]> cache;
    private final int cacheTiles;
    private final java.util.concurrent.atomic.AtomicInteger decodedTiles = new java.util.concurrent.atomic.AtomicInteger();

    private record Column(int offset, char type, char elementType) {
    }

    private CompressedImage(Path file, Map<String, String> cards, long dataOffset) throws IOException {
        this.file = file;
        rowBytes = integer(cards, "NAXIS1", -1);
        int rows = integer(cards, "NAXIS2", -1);
        long heapBytes = (long) integer(cards, "PCOUNT", 0);
        long tableBytes = (long) rowBytes * rows;
        heapStart = cards.containsKey("THEAP") ? integer(cards, "THEAP", 0) : tableBytes;
        long total = Math.max(tableBytes + heapBytes, heapStart + heapBytes);
        if (total > Integer.MAX_VALUE) {
            throw new IOException("Tile-compressed images of more than 2 GB are not supported yet: " + file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < dataOffset + total) {
                throw new IOException("Expected " + total + " bytes of compressed tiles in " + file + " from byte "
                        + dataOffset + ". Actual: the file ends at byte " + channel.size());
            }
            table = channel.map(FileChannel.MapMode.READ_ONLY, dataOffset, total).order(ByteOrder.BIG_ENDIAN);
        }
        columns = columns(cards, file);
        width = integer(cards, "ZNAXIS1", -1);
        height = integer(cards, "ZNAXIS2", -1);
        tileWidth = integer(cards, "ZTILE1", width);
        tileHeight = integer(cards, "ZTILE2", 1);
        tilesAcross = (width + tileWidth - 1) / tileWidth;
        tileCount = tilesAcross * ((height + tileHeight - 1) / tileHeight);
        if (tileCount != rows) {
            throw new IOException("Expected " + tileCount + " rows of tiles (ZNAXIS1/ZTILE1 x ZNAXIS2/ZTILE2) in "
                    + file + ". Actual: NAXIS2 = " + rows);
        }
        compression = cards.getOrDefault("ZCMPTYPE", "").trim();
        if (!compression.equals("RICE_1") && !compression.equals("GZIP_1")) {
            throw new IOException("Expected ZCMPTYPE 'RICE_1' or 'GZIP_1' in " + file + ". Actual: '" + compression
                    + "' (HCOMPRESS_1, PLIO_1 and GZIP_2 are not supported)");
        }
        zbitpix = integer(cards, "ZBITPIX", 0);
        if (zbitpix != 8 && zbitpix != 16 && zbitpix != 32 && zbitpix != -32 && zbitpix != -64) {
            throw new IOException("Expected ZBITPIX 8, 16, 32, -32 or -64 in " + file + ". Actual: " + zbitpix);
        }
        blockSize = (int) parameter(cards, "BLOCKSIZE", 32);
        bytePix = (int) parameter(cards, "BYTEPIX", zbitpix > 0 ? zbitpix / 8 : 4);
        quantization = cards.getOrDefault("ZQUANTIZ", "NO_DITHER").trim();
        ditherSeed = integer(cards, "ZDITHER0", 1);
        if (cards.containsKey("ZBLANK")) {
            blankKeyword = (long) integer(cards, "ZBLANK", 0);
        } else if (zbitpix > 0 && cards.containsKey("BLANK")) {
            blankKeyword = (long) integer(cards, "BLANK", 0);
        } else {
            blankKeyword = null;
        }
        bscale = zbitpix > 0 ? number(cards, "BSCALE", 1.0) : 1.0;
        bzero = zbitpix > 0 ? number(cards, "BZERO", 0.0) : 0.0;
        cacheTiles = (int) Math.max(4, CACHE_BYTES / (4L * tileWidth * tileHeight));
        cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * Opens the compressed image whose binary table (header {@code cards}, keyword to value text with strings unquoted)
     * starts at byte {@code dataOffset} of {@code file}. Errors name the file and the keyword.
     */
    static CompressedImage open(Path file, Map<String, String> cards, long dataOffset) throws IOException {
        requireNonNull(file, "file is null");
        try {
            return new CompressedImage(file, cards, dataOffset);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** How many tiles were decompressed so far (cache misses). */
    int decodedTiles() {
        return decodedTiles.get();
    }

    /** The value of pixel (x, y); the caller keeps it inside the image. */
    float value(int x, int y) {
        int tileX = x / tileWidth;
        int tileY = y / tileHeight;
        float[] tile = tile(tileY * tilesAcross + tileX);
        int thisTileWidth = Math.min(tileWidth, width - tileX * tileWidth);
        return tile[(y - tileY * tileHeight) * thisTileWidth + (x - tileX * tileWidth)];
    }

    /** As {@link PlatePixels#copy}: a rectangle inside the image into {@code out}, tile by tile. */
    void copy(int x0, int y0, int columns, int rows, float[] out, int outWidth, int outX, int outY) {
        for (int row = 0; row < rows; row++) {
            int y = y0 + row;
            int tileY = y / tileHeight;
            int column = 0;
            while (column < columns) {
                int x = x0 + column;
                int tileX = x / tileWidth;
                int thisTileWidth = Math.min(tileWidth, width - tileX * tileWidth);
                int inTile = x - tileX * tileWidth;
                int run = Math.min(columns - column, thisTileWidth - inTile);
                float[] tile = tile(tileY * tilesAcross + tileX);
                System.arraycopy(tile, (y - tileY * tileHeight) * thisTileWidth + inTile, out,
                        (outY + row) * outWidth + outX + column, run);
                column += run;
            }
        }
    }

    private float[] tile(int index) {
        synchronized (cache) {
            float[] cached = cache.get(index);
            if (cached != null) {
                return cached;
            }
        }
        float[] decoded = decode(index);
        decodedTiles.incrementAndGet();
        synchronized (cache) {
            cache.put(index, decoded);
            if (cache.size() > cacheTiles) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return decoded;
    }

    /** Decompresses tile {@code index} (0-based table row) into floats, row-major. */
    private float[] decode(int index) {
        int tileX = index % tilesAcross;
        int tileY = index / tilesAcross;
        int count = Math.min(tileWidth, width - tileX * tileWidth) * Math.min(tileHeight, height - tileY * tileHeight);
        float[] pixels = new float[count];
        long rowStart = (long) index * rowBytes;
        Double scale = scalar(rowStart, "ZSCALE");
        Double zero = scalar(rowStart, "ZZERO");
        Double blankColumn = scalar(rowStart, "ZBLANK");
        Long blank = blankColumn != null ? Long.valueOf(blankColumn.longValue()) : blankKeyword;
        byte[] compressed = array(rowStart, "COMPRESSED_DATA");
        try {
            if (compressed != null && compressed.length > 0) {
                boolean quantized = scale != null;
                int[] integers = new int[count];
                if (compression.equals("RICE_1")) {
                    RiceDecoder.decode(compressed, 0, compressed.length, bytePix, blockSize, integers, count);
                    if (bytePix == 1) {
                        for (int i = 0; i < count; i++) {
                            integers[i] &= 0xFF;
                        }
                    }
                } else if (!quantized && zbitpix < 0) {
                    return rawFloats(gunzip(compressed), count, zbitpix);
                } else {
                    readIntegers(gunzip(compressed), quantized ? 4 : zbitpix / 8, integers, count);
                }
                if (quantized) {
                    dequantize(integers, pixels, index + 1, scale, zero == null ? 0.0 : zero, blank);
                } else {
                    for (int i = 0; i < count; i++) {
                        pixels[i] = blank != null && integers[i] == blank ? Float.NaN
                                : (float) (integers[i] * bscale + bzero);
                    }
                }
                return pixels;
            }
            byte[] gzipped = array(rowStart, "GZIP_COMPRESSED_DATA");
            if (gzipped != null && gzipped.length > 0) {
                return rawFloats(gunzip(gzipped), count, zbitpix);
            }
            byte[] raw = array(rowStart, "UNCOMPRESSED_DATA");
            if (raw != null && raw.length > 0) {
                return rawFloats(raw, count, zbitpix);
            }
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException e) {
            throw new UncheckedIOException(new IOException("Could not decompress tile " + (index + 1) + " of " + file
                    + ": " + e.getMessage(), e));
        }
        throw new UncheckedIOException(new IOException("Expected data for tile " + (index + 1) + " of " + file
                + ". Actual: empty COMPRESSED_DATA and no fallback column"));
    }

    /** CFITSIO's unquantize: (q - r + 0.5) scale + zero with its dither sequence, NaN for the null value. */
    private void dequantize(int[] integers, float[] pixels, int row, double scale, double zero, Long blank) {
        boolean dither = quantization.startsWith("SUBTRACTIVE_DITHER");
        boolean zeroes = quantization.equals("SUBTRACTIVE_DITHER_2");
        long nullValue = blank != null ? blank : NULL_VALUE;
        int seedIndex = (int) ((row + ditherSeed - 2) % RANDOM_COUNT);
        int next = (int) (RANDOMS[seedIndex] * 500);
        for (int i = 0; i < integers.length; i++) {
            int q = integers[i];
            if (q == nullValue) {
                pixels[i] = Float.NaN;
            } else if (zeroes && q == ZERO_VALUE) {
                pixels[i] = 0.0f;
            } else if (dither) {
                pixels[i] = (float) (((double) q - RANDOMS[next] + 0.5) * scale + zero);
            } else {
                pixels[i] = (float) (q * scale + zero);
            }
            if (dither) {
                next++;
                if (next == RANDOM_COUNT) {
                    seedIndex = (seedIndex + 1) % RANDOM_COUNT;
                    next = (int) (RANDOMS[seedIndex] * 500);
                }
            }
        }
    }

    /** The FITS tiled-image convention's pseudo-random sequence (Park and Miller), as CFITSIO's fits_init_randoms. */
    private static float[] randoms() {
        float[] values = new float[RANDOM_COUNT];
        double a = 16807.0;
        double m = 2147483647.0;
        double seed = 1.0;
        for (int i = 0; i < RANDOM_COUNT; i++) {
            double product = a * seed;
            seed = product - m * (int) (product / m);
            values[i] = (float) (seed / m);
        }
        return values;
    }

    private static float[] rawFloats(byte[] bytes, int count, int bitpix) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        float[] pixels = new float[count];
        for (int i = 0; i < count; i++) {
            pixels[i] = switch (bitpix) {
                case -32 -> buffer.getFloat(i * 4);
                case -64 -> (float) buffer.getDouble(i * 8);
                case 8 -> buffer.get(i) & 0xFF;
                case 16 -> buffer.getShort(i * 2);
                default -> buffer.getInt(i * 4);
            };
        }
        return pixels;
    }

    private static void readIntegers(byte[] bytes, int size, int[] out, int count) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < count; i++) {
            out[i] = switch (size) {
                case 1 -> buffer.get(i) & 0xFF;
                case 2 -> buffer.getShort(i * 2);
                default -> buffer.getInt(i * 4);
            };
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** The bytes of a variable-length array cell, or null when the table has no such column. */
    private byte[] array(long rowStart, String name) {
        Column column = columns.get(name);
        if (column == null) {
            return null;
        }
        int cell = (int) (rowStart + column.offset());
        long count;
        long offset;
        if (column.type() == 'P') {
            count = table.getInt(cell) & 0xFFFFFFFFL;
            offset = table.getInt(cell + 4) & 0xFFFFFFFFL;
        } else {
            count = table.getLong(cell);
            offset = table.getLong(cell + 8);
        }
        int elementBytes = elementBytes(column.elementType());
        byte[] bytes = new byte[(int) (count * elementBytes)];
        table.get((int) (heapStart + offset), bytes);
        return bytes;
    }

    /** A numeric scalar cell, or null when the table has no such column. */
    private Double scalar(long rowStart, String name) {
        Column column = columns.get(name);
        if (column == null) {
            return null;
        }
        int cell = (int) (rowStart + column.offset());
        return switch (column.type()) {
            case 'D' -> table.getDouble(cell);
            case 'E' -> (double) table.getFloat(cell);
            case 'J' -> (double) table.getInt(cell);
            case 'K' -> (double) table.getLong(cell);
            case 'I' -> (double) table.getShort(cell);
            default -> null;
        };
    }

    private static Map<String, Column> columns(Map<String, String> cards, Path file) throws IOException {
        int fields = integer(cards, "TFIELDS", 0);
        Map<String, Column> columns = new HashMap<>();
        int offset = 0;
        for (int field = 1; field <= fields; field++) {
            String form = cards.getOrDefault("TFORM" + field, "");
            Matcher matcher = TFORM.matcher(form.toUpperCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IOException("Expected a binary table format in TFORM" + field + " of " + file + ". Actual: '"
                        + form + "'");
            }
            int repeat = matcher.group(1).isEmpty() ? 1 : Integer.parseInt(matcher.group(1));
            char type = matcher.group(2).charAt(0);
            char elementType = matcher.group(3).isEmpty() ? 'B' : matcher.group(3).charAt(0);
            String name = cards.getOrDefault("TTYPE" + field, "").trim().toUpperCase(Locale.ROOT);
            columns.put(name, new Column(offset, type, elementType));
            offset += type == 'X' ? (repeat + 7) / 8 : repeat * elementBytes(type);
        }
        if (!columns.containsKey("COMPRESSED_DATA")) {
            throw new IOException("Expected a COMPRESSED_DATA column in the tile-compressed image of " + file);
        }
        return columns;
    }

    private static int elementBytes(char type) {
        return switch (type) {
            case 'L', 'B', 'A' -> 1;
            case 'I' -> 2;
            case 'J', 'E' -> 4;
            case 'K', 'D', 'C', 'P' -> 8;
            case 'M', 'Q' -> 16;
            default -> 1;
        };
    }

    /** A ZNAMEi/ZVALi compression parameter by name, or the default. */
    private static double parameter(Map<String, String> cards, String name, double absent) {
        for (int i = 1; i < 100 && cards.containsKey("ZNAME" + i); i++) {
            if (cards.get("ZNAME" + i).trim().equalsIgnoreCase(name)) {
                return number(cards, "ZVAL" + i, absent);
            }
        }
        return absent;
    }

    private static int integer(Map<String, String> cards, String keyword, int absent) {
        double value = number(cards, keyword, absent);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Expected an integer " + keyword + ". Actual: '" + cards.get(keyword)
                    + "'");
        }
        return (int) value;
    }

    private static double number(Map<String, String> cards, String keyword, double absent) {
        String text = cards.get(keyword);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Double.parseDouble(text.trim().replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected a number in " + keyword + ". Actual: '" + text + "'");
        }
    }
}
