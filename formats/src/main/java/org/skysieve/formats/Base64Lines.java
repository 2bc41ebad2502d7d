package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 of the bytes written, in lines of 76 characters separated by {@code '\n'} (no separator after the last line):
 * exactly what {@code Base64.getMimeEncoder(76, "\n").wrap(out)} writes, but written to {@code out} in blocks of about
 * 77 kB. The JDK's wrapping stream hands every 76-character line to {@code out} in its own call, which for a servlet
 * output stream (a lock per call) cost more than the encoding. A whole block is encoded by the JDK's basic encoder in
 * one call (its vectorised intrinsic), then laid out in lines: the MIME encoder calls the intrinsic once per 57-byte line
 * and was about three times slower. {@link #finish()} writes the last, padded, line (by the MIME encoder); it does not
 * close {@code out}. Not thread-safe.
 */
final class Base64Lines {
    private static final int LINE_BYTES = 57;
    private static final int BLOCK_LINES = 1024;
    private static final int LINE_CHARACTERS = 76;
    private static final byte[] NEWLINE = {'\n'};
    private final Base64.Encoder encoder = Base64.getMimeEncoder(LINE_CHARACTERS, NEWLINE);
    private final Base64.Encoder basic = Base64.getEncoder();
    private final byte[] unbroken = new byte[BLOCK_LINES * LINE_CHARACTERS];
    private final OutputStream out;
    private final byte[] pending = new byte[LINE_BYTES * BLOCK_LINES];
    private final byte[] encoded = new byte[BLOCK_LINES * 77];
    private int pendingSize;
    private boolean started;

    Base64Lines(OutputStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    void write(byte[] bytes, int from, int length) throws IOException {
        while (length > 0) {
            int count = Math.min(length, pending.length - pendingSize);
            System.arraycopy(bytes, from, pending, pendingSize, count);
            pendingSize += count;
            from += count;
            length -= count;
            if (pendingSize == pending.length) {
                writeLines(encoded, encodeBlock());
                pendingSize = 0;
            }
        }
    }

    /** Encodes the full {@link #pending} block into {@link #encoded} as lines joined by newlines; returns the size. */
    private int encodeBlock() {
        basic.encode(pending, unbroken);
        int at = 0;
        for (int line = 0; line < BLOCK_LINES; line++) {
            if (line > 0) {
                encoded[at++] = '\n';
            }
            System.arraycopy(unbroken, line * LINE_CHARACTERS, encoded, at, LINE_CHARACTERS);
            at += LINE_CHARACTERS;
        }
        return at;
    }

    /** Writes what remains (the last line, padded); further writes are not allowed. */
    void finish() throws IOException {
        if (pendingSize > 0) {
            byte[] last = encoder.encode(Arrays.copyOf(pending, pendingSize));
            writeLines(last, last.length);
            pendingSize = 0;
        }
    }

    private void writeLines(byte[] lines, int size) throws IOException {
        if (started) {
            out.write('\n');
        }
        out.write(lines, 0, size);
        started = true;
    }
}
