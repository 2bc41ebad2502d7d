package org.skysieve.formats;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes writes through; {@code close()} only flushes, leaving the caller's stream open. */
final class NonClosingOutputStream extends FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
