package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * An output stream that computes the SHA-256 and the size of what passes through it, so that a file's checksum comes
 * with writing it instead of from reading it back. {@link #checksum} after the last write. Not thread-safe.
 */
final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = FileChecksum.newDigest();
    private long bytes;

    DigestingOutputStream(OutputStream out) {
        super(requireNonNull(out, "out is null"));
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        digest.update(buffer, offset, length);
        bytes += length;
    }

    /** The checksum of everything written, named {@code name}; ends the digest (call once). */
    FileChecksum checksum(String name) {
        return new FileChecksum(name, bytes, HexFormat.of().formatHex(digest.digest()));
    }
}
