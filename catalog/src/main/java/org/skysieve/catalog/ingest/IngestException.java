package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Why an ingest stopped, and where: the file, and when known the data row (1-based, counting data rows only:
 * header and comment lines are not rows), the column, or for a survey descriptor the key path
 * ({@code tables[0].columns.mag_r.unit}) and line.
 *
 * <p>{@link #getMessage()} says all of it, so that a command line can print it as it is.
 */
public final class IngestException extends RuntimeException {
    private final Path file;
    private final long row;
    private final String column;
    private final String keyPath;
    private final int line;
    private final String detail;

    private IngestException(Path file, long row, String column, String keyPath, int line, String detail, Throwable cause) {
        super(compose(file, row, column, keyPath, line, detail), cause);
        this.file = file;
        this.row = row;
        this.column = column;
        this.keyPath = keyPath;
        this.line = line;
        this.detail = requireNonNull(detail, "detail is null");
    }

    /** A problem with one value (or one row when {@code column} is null) of an input file. */
    public static IngestException atRow(Path file, long row, String column, String detail) {
        return new IngestException(requireNonNull(file, "file is null"), row, column, null, 0, detail, null);
    }

    /** A problem with a whole input file (unreadable, truncated, missing columns). */
    public static IngestException inFile(Path file, String detail, Throwable cause) {
        return new IngestException(requireNonNull(file, "file is null"), 0, null, null, 0, detail, cause);
    }

    /** A problem in a survey descriptor; {@code line} is 1-based, 0 when unknown. */
    public static IngestException inDescriptor(Path descriptor, int line, String keyPath, String detail) {
        return new IngestException(requireNonNull(descriptor, "descriptor is null"), 0, null, keyPath, line, detail, null);
    }

    /** A problem that belongs to no single file (e.g. the archive folder cannot be written). */
    public static IngestException general(String detail, Throwable cause) {
        return new IngestException(null, 0, null, null, 0, detail, cause);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based data row, if the problem is in one row. */
    public OptionalLong row() {
        return row > 0 ? OptionalLong.of(row) : OptionalLong.empty();
    }

    /** The column as named in the input file (or in the descriptor), if the problem is in one column. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The descriptor key path, for descriptor problems. */
    public Optional<String> keyPath() {
        return Optional.ofNullable(keyPath);
    }

    /** The 1-based descriptor line, for descriptor problems whose line is known. */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }

    private static String compose(Path file, long row, String column, String keyPath, int line, String detail) {
        StringBuilder message = new StringBuilder();
        if (file != null) {
            message.append(file);
        }
        if (line > 0) {
            message.append(message.length() > 0 ? ", " : "").append("line ").append(line);
        }
        if (keyPath != null) {
            message.append(message.length() > 0 ? ", " : "").append(keyPath);
        }
        if (row > 0) {
            message.append(message.length() > 0 ? ", " : "").append("row ").append(row);
        }
        if (column != null) {
            message.append(message.length() > 0 ? ", " : "").append("column ").append(column);
        }
        return message.length() == 0 ? detail : message.append(": ").append(detail).toString();
    }
}
