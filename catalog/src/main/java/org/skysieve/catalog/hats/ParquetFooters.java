package org.skysieve.catalog.hats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TMemoryBuffer;

/**
 * Reads and writes Parquet footers (the thrift {@link FileMetaData} at the end of every Parquet file).
 *
 * <p>The thrift compact protocol runs over an in-memory buffer rather than through
 * {@code org.apache.parquet.format.Util}, whose stream transport needs SLF4J on the class path; the bytes are the
 * same. Stateless and thread-safe.
 */
public final class ParquetFooters {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FOOTER_BYTES = 1 << 30;

    private ParquetFooters() {
    }

    /** The footer of a Parquet file (a data file, {@code _metadata} or {@code _common_metadata}). */
    public static FileMetaData read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel.size(), (position, length) -> {
                ByteBuffer bytes = ByteBuffer.allocate(length);
                channel.read(bytes, position);
                return bytes.array();
            }, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Parquet footer of " + file, e);
        }
    }

    /** Writes a Parquet file made of a footer only ({@code PAR1}, footer, length, {@code PAR1}): the form of {@code _metadata}. */
    public static void writeFooterOnlyFile(FileMetaData metadata, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            writeFooter(metadata, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Writes the end of a Parquet file: the encoded footer, its length and {@code PAR1}. After the data pages of a
     * file (whose offsets the footer holds) this completes the file; after {@code PAR1} alone it makes a footer-only file.
     */
    public static void writeFooter(FileMetaData metadata, OutputStream out) throws IOException {
        byte[] footer = encode(metadata);
        out.write(footer);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length).array());
        out.write(MAGIC);
    }

    /** The magic bytes {@code PAR1} that start and end every Parquet file. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    /**
     * The footer of a Parquet file of {@code size} bytes read with {@code readBytes(position, length)}; for files on other file systems (Hadoop's).
     *
     * @param source names the file in error messages
     */
    public static FileMetaData read(long size, FooterBytes readBytes, String source) throws IOException {
        if (size < 12) {
            throw new HatsException("Expected a Parquet file of at least 12 bytes: " + source + ". Actual: " + size + " bytes");
        }
        ByteBuffer tail = ByteBuffer.wrap(readBytes.read(size - 8, 8)).order(ByteOrder.LITTLE_ENDIAN);
        int footerLength = tail.getInt();
        byte[] magic = new byte[4];
        tail.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new HatsException("Expected a Parquet file ending with PAR1: " + source);
        }
        if (footerLength <= 0 || footerLength > size - 12) {
            throw new HatsException("Expected a footer length in [1, " + (size - 12) + "] in " + source + ". Actual: " + footerLength);
        }
        return decode(readBytes.read(size - 8 - footerLength, footerLength), source);
    }

    /** Reads {@code length} bytes of a file from {@code position}. */
    @FunctionalInterface
    public interface FooterBytes {
        byte[] read(long position, int length) throws IOException;
    }


    /** The file-level key/value metadata, in file order (empty when there is none). */
    public static Map<String, String> keyValues(FileMetaData metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        if (metadata.getKey_value_metadata() != null) {
            for (KeyValue keyValue : metadata.getKey_value_metadata()) {
                values.put(keyValue.getKey(), keyValue.getValue() == null ? "" : keyValue.getValue());
            }
        }
        return values;
    }

    static FileMetaData decode(byte[] footer, Object source) {
        try {
            TConfiguration configuration = new TConfiguration(MAX_FOOTER_BYTES, MAX_FOOTER_BYTES, TConfiguration.DEFAULT_RECURSION_DEPTH);
            TMemoryBuffer buffer = new TMemoryBuffer(configuration, footer.length);
            buffer.write(footer, 0, footer.length);
            FileMetaData metadata = new FileMetaData();
            metadata.read(new TCompactProtocol(buffer));
            return metadata;
        } catch (TException e) {
            throw new HatsException("Cannot decode the Parquet footer of " + source + ": " + e.getMessage(), e);
        }
    }

    static byte[] encode(FileMetaData metadata) {
        try {
            TConfiguration configuration = new TConfiguration(MAX_FOOTER_BYTES, MAX_FOOTER_BYTES, TConfiguration.DEFAULT_RECURSION_DEPTH);
            TMemoryBuffer buffer = new TMemoryBuffer(configuration, 1024);
            metadata.write(new TCompactProtocol(buffer));
            return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
        } catch (TException e) {
            throw new HatsException("Cannot encode a Parquet footer: " + e.getMessage(), e);
        }
    }
}
