package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import io.airlift.compress.Compressor;

/** Compresses Parquet pages with one {@link ParquetCodec} into a reused buffer. Not thread-safe: one per encoder thread. */
final class PageCompressor {
    private final ParquetCodec codec;
    private final Compressor compressor;
    private byte[] output = new byte[0];
    private int compressedSize;

    PageCompressor(ParquetCodec codec) {
        this.codec = requireNonNull(codec, "codec is null");
        this.compressor = codec.newCompressor();
    }

    ParquetCodec codec() {
        return codec;
    }

    /** Compresses {@code input[0 .. length)}; returns the buffer holding the result ({@link #compressedSize()} bytes). */
    byte[] compress(byte[] input, int length) {
        if (compressor == null) {
            throw new IllegalStateException("Expected a codec that compresses. Actual: " + codec);
        }
        int bound = compressor.maxCompressedLength(length);
        if (output.length < bound) {
            output = new byte[Math.max(bound, output.length * 2)];
        }
        compressedSize = compressor.compress(input, 0, length, output, 0, output.length);
        return output;
    }

    /** The size of the last result of {@link #compress}. */
    int compressedSize() {
        return compressedSize;
    }
}
