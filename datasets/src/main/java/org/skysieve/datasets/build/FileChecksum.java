package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a dataset as written: its name inside the dataset folder, its size and the SHA-256 of its bytes.
 *
 * @param name    the file name (no folder), e.g. {@code features-0000.parquet}
 * @param bytes   its size in bytes
 * @param sha256  the SHA-256 of its content, 64 lower-case hex digits
 */
public record FileChecksum(String name, long bytes, String sha256) {
    public FileChecksum {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (bytes < 0 || sha256.length() != 64) {
            throw new IllegalArgumentException("Expected a size >= 0 and 64 hex digits of SHA-256 for " + name
                    + ". Actual: " + bytes + ", '" + sha256 + "'");
        }
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The checksum of {@code content}, to be written as {@code name}. */
    static FileChecksum ofBytes(String name, byte[] content) {
        return new FileChecksum(name, content.length, HexFormat.of().formatHex(newDigest().digest(content)));
    }

    /**
     * Reads {@code file} through and names it by its file name: for files written by others (DuckDB's Parquet) and
     * for checking; files written from Java are digested as they are written ({@link DigestingOutputStream}).
     */
    public static FileChecksum of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        long size = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new FileChecksum(file.getFileName().toString(), size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Whether {@code folder/name} exists with this size and checksum (size first: cheap refusals). */
    public boolean matches(Path folder) throws IOException {
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) && Files.size(file) == bytes && of(file).equals(this);
    }
}
