package org.skysieve.formats;

import java.util.Locale;
import org.apache.parquet.format.CompressionCodec;

/**
 * The page compression of the Parquet results skysieve writes itself ({@link StreamingParquetWriter}), chosen with the
 * system property {@code skysieve.parquet.compression} ({@code uncompressed}, the default, {@code snappy},
 * {@code lz4_raw}, {@code zstd}). The codecs are aircompressor's pure-Java ones (no native library); docs/tap.md
 * gives the measurement behind the default.
 */
public enum ParquetCodec {
    UNCOMPRESSED(CompressionCodec.UNCOMPRESSED),
    SNAPPY(CompressionCodec.SNAPPY),
    LZ4_RAW(CompressionCodec.LZ4_RAW),
    ZSTD(CompressionCodec.ZSTD);

    private final CompressionCodec thriftCodec;

    ParquetCodec(CompressionCodec thriftCodec) {
        this.thriftCodec = thriftCodec;
    }

    CompressionCodec thriftCodec() {
        return thriftCodec;
    }

    /** The codec named by {@code skysieve.parquet.compression}, {@link #UNCOMPRESSED} when it is not set. */
    public static ParquetCodec configured() {
        return fromName(System.getProperty("skysieve.parquet.compression", "uncompressed"));
    }

    /** A codec by its name, any case ({@code uncompressed}, {@code snappy}, {@code lz4_raw}, {@code zstd}). */
    public static ParquetCodec fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Expected a Parquet codec for skysieve.parquet.compression (uncompressed, snappy,"
                    + " lz4_raw, zstd). Actual: " + name, e);
        }
    }

    /** A new compressor for this codec (one per thread: aircompressor's compressors keep state). */
    io.airlift.compress.Compressor newCompressor() {
        return switch (this) {
            case UNCOMPRESSED -> null;
            case SNAPPY -> new io.airlift.compress.snappy.SnappyCompressor();
            case LZ4_RAW -> new io.airlift.compress.lz4.Lz4Compressor();
            case ZSTD -> new io.airlift.compress.zstd.ZstdCompressor();
        };
    }
}
