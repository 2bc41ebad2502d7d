package org.skysieve.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a single-HDU FITS file holding a 2-D float32 image (BITPIX -32, big-endian, NaN for blank pixels) with the
 * given extra header cards. The pixels are row-major from the first row (FITS y = 1) up, {@code width} per row.
 * Static; thread-safe.
 */
public final class FitsImageWriter {
    private static final int BLOCK = 2880;

    private FitsImageWriter() {
    }

    /** The complete file as bytes. {@code cards}: keyword to FITS value text (strings already quoted). */
    public static byte[] toBytes(float[] pixels, int width, int height, Map<String, String> cards) {
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("Expected " + width + " x " + height + " pixels. Actual: " + pixels.length);
        }
        StringBuilder header = new StringBuilder();
        card(header, "SIMPLE", "T");
        card(header, "BITPIX", "-32");
        card(header, "NAXIS", "2");
        card(header, "NAXIS1", Integer.toString(width));
        card(header, "NAXIS2", Integer.toString(height));
        cards.forEach((keyword, value) -> card(header, keyword, value));
        header.append(String.format(Locale.ROOT, "%-80s", "END"));
        while (header.length() % BLOCK != 0) {
            header.append(' ');
        }
        int dataBytes = pixels.length * 4;
        int padded = (dataBytes + BLOCK - 1) / BLOCK * BLOCK;
        ByteBuffer buffer = ByteBuffer.allocate(header.length() + padded).order(ByteOrder.BIG_ENDIAN);
        buffer.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        buffer.asFloatBuffer().put(pixels);
        return buffer.array();
    }

    /** Writes the file (replacing it). */
    public static void write(Path file, float[] pixels, int width, int height, Map<String, String> cards)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(toBytes(pixels, width, height, cards));
        }
    }

    private static void card(StringBuilder header, String keyword, String value) {
        if (keyword.length() > 8) {
            throw new IllegalArgumentException("Expected a FITS keyword of at most 8 characters. Actual: " + keyword);
        }
        String text = String.format(Locale.ROOT, "%-8s= %20s", keyword, value);
        if (text.length() > 80) {
            throw new IllegalArgumentException("Card too long for keyword " + keyword + ": " + value);
        }
        header.append(String.format(Locale.ROOT, "%-80s", text));
    }
}
