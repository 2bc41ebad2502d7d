package org.skysieve.sky.moc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes MOC files in the three MOC 2.0 serialisations. The format of a file is recognised by its content
 * (FITS starts with {@code SIMPLE}, JSON with a brace, anything else is ASCII), not by its name. Stateless and
 * thread-safe.
 */
public final class MocFiles {
    private MocFiles() {
    }

    /** The MOC 2.0 serialisations. */
    public enum Format {
        FITS("application/fits", ".fits"),
        JSON("application/json", ".json"),
        ASCII("text/plain", ".txt");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** Parses {@code fits}, {@code json} or {@code ascii} (any case). */
        public static Format fromName(String name) {
            requireNonNull(name, "name is null");
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Expected a MOC format among fits, json, ascii. Actual: '" + name + "'");
        }
    }

    /** Reads a MOC file in any of the three serialisations. */
    public static SpatialMoc read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Reads MOC bytes in any of the three serialisations; {@code source} names them in error messages. */
    public static SpatialMoc read(byte[] bytes, String source) {
        requireNonNull(bytes, "bytes is null");
        String start = new String(bytes, 0, Math.min(bytes.length, 9), StandardCharsets.US_ASCII);
        if (start.startsWith("SIMPLE")) {
            return MocFits.read(bytes, source);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("{") ? MocJson.parse(text, source) : MocAscii.parse(text, source);
    }

    /** Writes {@code moc} to {@code out} (not closed). */
    public static void write(SpatialMoc moc, Format format, OutputStream out) throws IOException {
        requireNonNull(moc, "moc is null");
        requireNonNull(format, "format is null");
        requireNonNull(out, "out is null");
        switch (format) {
            case FITS -> MocFits.write(moc, out);
            case JSON -> out.write(MocJson.format(moc).getBytes(StandardCharsets.UTF_8));
            case ASCII -> out.write((MocAscii.format(moc) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes {@code moc} to {@code file} (replaced), written aside then renamed. */
    public static void write(SpatialMoc moc, Format format, Path file) throws IOException {
        requireNonNull(file, "file is null");
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            write(moc, format, out);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
