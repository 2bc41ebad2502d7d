package org.skysieve.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy {@code .npy} headers (numpy.lib.format): magic, version, a little-endian header length, the Python dict literal
 * padded with spaces to a multiple of 64 bytes and ended by a newline. Format 1.0 (2-byte length) when the header fits,
 * else 2.0 (4-byte length; a structured dtype of many columns). The caller streams the C-order data. Public so that
 * other modules (datasets) write the same headers.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes the header for an array of {@code descr} ({@code <f4}, {@code |u1}) and {@code shape}. */
    public static void header(OutputStream out, String descr, long... shape) throws IOException {
        headerWithDescrLiteral(out, "'" + descr + "'", shape);
    }

    /**
     * Writes the header for {@code shape} with {@code descrLiteral} as the dict's {@code descr} value exactly as given:
     * a quoted simple dtype or a structured dtype's list {@code [('name', '<f8'), ...]} (ASCII; the caller escapes).
     */
    public static void headerWithDescrLiteral(OutputStream out, String descrLiteral, long... shape) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        String dict = "{'descr': " + descrLiteral + ", 'fortran_order': False, 'shape': (" + dims + "), }";
        boolean version1 = 10 + dict.length() + 1 + 63 <= 10 + 65535;
        int prefix = version1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) (version1 ? 1 : 2), 0});
        out.write(text.length & 0xFF);
        out.write((text.length >> 8) & 0xFF);
        if (!version1) {
            out.write((text.length >> 16) & 0xFF);
            out.write((text.length >> 24) & 0xFF);
        }
        out.write(text);
    }
}
