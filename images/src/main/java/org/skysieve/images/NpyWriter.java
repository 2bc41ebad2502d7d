package org.skysieve.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy {@code .npy} format 1.0 headers (numpy.lib.format): magic, version, a little-endian header length, the Python
 * dict literal padded with spaces to a multiple of 64 bytes and ended by a newline. The caller streams the C-order data.
 */
final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes the header for an array of {@code descr} ({@code <f4}, {@code |u1}) and {@code shape}. */
    static void header(OutputStream out, String descr, long... shape) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims
                + "), }");
        int total = 10 + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(text.length & 0xFF);
        out.write((text.length >> 8) & 0xFF);
        out.write(text);
    }
}
