package org.skysieve.server.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the result files of a job as one ZIP (entries stored: shards and tensors barely compress; ZIP64 past 4 GB) or
 * one POSIX ustar TAR, streamed file after file: nothing is held in memory
 * beyond a copy buffer. Every entry carries the same given time, so the same files give the same bytes. Stateless.
 */
public final class ResultArchive {
    /** The archive formats offered. */
    public enum Format {
        ZIP("zip", "application/zip"), TAR("tar", "application/x-tar");

        private final String extension;
        private final String mimeType;

        Format(String extension, String mimeType) {
            this.extension = extension;
            this.mimeType = mimeType;
        }

        public String extension() {
            return extension;
        }

        public String mimeType() {
            return mimeType;
        }

        /** @throws IllegalArgumentException naming {@code format=} when {@code text} is neither zip nor tar */
        public static Format parse(String text) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(text)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Expected format=zip or format=tar. Actual: format=" + text);
        }
    }

    private static final int BLOCK = 512;
    /** The largest size a ustar header holds in its 11 octal digits; larger sizes go in base-256 (GNU, POSIX pax). */
    private static final long OCTAL_SIZE_LIMIT = 077777777777L;

    private ResultArchive() {
    }

    /**
     * Writes {@code files} (entry name, which may hold {@code /}, to file) to {@code out}, which is finished but not
     * closed.
     */
    public static void write(Format format, Map<String, Path> files, Instant time, OutputStream out)
            throws IOException {
        if (format == Format.ZIP) {
            zip(files, time, out);
        } else {
            tar(files, time, out);
        }
    }

    private static void zip(Map<String, Path> files, Instant time, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Path> file : files.entrySet()) {
            // stored, as numpy.savez does: a first read for the CRC (the file then sits in the page cache), a second
            // to copy, twice as fast as deflating at level 0
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file.getValue())) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    crc.update(buffer, 0, read);
                    size += read;
                }
            }
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
            entry.setTime(time.toEpochMilli());
            zip.putNextEntry(entry);
            try (InputStream in = Files.newInputStream(file.getValue())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static void tar(Map<String, Path> files, Instant time, OutputStream out) throws IOException {
        for (Map.Entry<String, Path> file : files.entrySet()) {
            long size = Files.size(file.getValue());
            out.write(tarHeader(file.getKey(), size, time.getEpochSecond()));
            long copied;
            try (InputStream in = Files.newInputStream(file.getValue())) {
                copied = in.transferTo(out);
            }
            if (copied != size) {
                throw new IOException("Expected " + size + " bytes in " + file.getValue() + " while archiving it."
                        + " Actual: " + copied + " (the file changed)");
            }
            int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
            out.write(new byte[padding]);
        }
        out.write(new byte[2 * BLOCK]); // the end-of-archive marker
        out.flush();
    }

    /** A ustar header block for a regular file (mode 0644). */
    static byte[] tarHeader(String name, long size, long epochSeconds) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("Expected an entry name of at most 100 bytes. Actual: '" + name + "'");
        }
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        if (size <= OCTAL_SIZE_LIMIT) {
            octal(header, 124, 12, size);
        } else {
            header[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                header[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(header, 136, 12, epochSeconds);
        header[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long checksum = 0;
        for (byte value : header) {
            checksum += value & 0xff;
        }
        octal(header, 148, 7, checksum);
        header[155] = ' ';
        return header;
    }

    /** Writes {@code value} as zero-padded octal digits in {@code length - 1} bytes, then a NUL. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }
}
