package org.skysieve.catalog.ingest;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Loads a CSV file (plain or gzipped) with DuckDB's {@code read_csv}, every field as text, into a table.
 *
 * <p>The file is: optional lines starting with {@code #} (and blank lines) before a header line of column
 * names, then one row per line; fields separated by commas, optionally quoted with {@code "} ({@code ""} inside
 * quotes is a quote); an empty field is null. The header is read here (DuckDB's dialect sniffing guesses wrong
 * on small files), so DuckDB reads with a fixed dialect. Rows with the wrong number of fields are left out and
 * returned as problems; text is checked against the documented types later, in SQL.
 */
final class CsvSource {
    private static final Pattern DUCKDB_LINE = Pattern.compile("CSV Error on Line: (\\d+)");

    private CsvSource() {
    }

    static LoadedSource load(Connection connection, Path file, boolean gzip, String tableName, List<String> wanted, ProgressMeter progress) {
        Preamble preamble = readPreamble(file, gzip);
        Map<String, Integer> found = ColumnMatcher.match(file, preamble.columns(), wanted);
        StringBuilder columnTypes = new StringBuilder();
        for (int i = 0; i < preamble.columns().size(); i++) {
            columnTypes.append(i == 0 ? "" : ", ").append("'f").append(i).append("': 'VARCHAR'");
        }
        StringBuilder select = new StringBuilder();
        Map<String, SourceColumn> columns = new LinkedHashMap<>();
        int alias = 0;
        for (Map.Entry<String, Integer> entry : found.entrySet()) {
            String name = "c" + alias++;
            select.append(select.length() == 0 ? "" : ", ").append("f").append(entry.getValue()).append(" AS ").append(name);
            columns.put(entry.getKey(), new SourceColumn(preamble.columns().get(entry.getValue()), name, "VARCHAR", Optional.empty()));
        }
        String rejects = tableName + "_rejects";
        String sql = "CREATE TABLE " + tableName + " AS SELECT " + select + " FROM read_csv(" + Sql.literal(file.toString())
                + ", columns = {" + columnTypes + "}, header = false, skip = " + preamble.linesBeforeData()
                + ", delim = ',', quote = '\"', escape = '\"', auto_detect = false, strict_mode = true"
                + ", compression = '" + (gzip ? "gzip" : "none") + "'"
                + ", store_rejects = true, rejects_table = '" + rejects + "', rejects_scan = '" + tableName + "_scans')";
        try {
            QueryProgress.execute(connection, sql, file.getFileName().toString(), progress);
        } catch (SQLException e) {
            throw readFailure(file, gzip, preamble, e);
        }
        try (Statement statement = connection.createStatement()) {
            List<RowProblem> malformed = new ArrayList<>();
            List<Long> leftOut = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT line, error_message FROM " + rejects + " ORDER BY line")) {
                while (result.next()) {
                    long row = result.getLong(1) - preamble.linesBeforeData();
                    if (leftOut.isEmpty() || leftOut.get(leftOut.size() - 1) != row) {
                        leftOut.add(row);
                        malformed.add(new RowProblem(file, row, null, firstLine(result.getString(2))));
                    }
                }
            }
            long rows;
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + tableName)) {
                result.next();
                rows = result.getLong(1);
            }
            progress.fileDone(file.getFileName().toString(), rows);
            long[] leftOutRows = leftOut.stream().mapToLong(Long::longValue).toArray();
            return new LoadedSource(file, tableName, "(rowid + 1)", columns, new RowNumbering(leftOutRows), rows, malformed);
        } catch (SQLException e) {
            throw IngestException.inFile(file, "Cannot read: " + firstLine(e.getMessage()), e);
        }
    }

    /** The header's column names and how many lines (comments, blank lines, the header) come before the data. */
    record Preamble(List<String> columns, int linesBeforeData) {
    }

    static Preamble readPreamble(Path file, boolean gzip) {
        try (BufferedReader reader = open(file, gzip)) {
            int lines = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                String trimmed = line.strip();
                if (lines == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1);
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> columns = splitHeader(trimmed);
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).isEmpty()) {
                        throw IngestException.inFile(file, "Expected a header line of column names. Actual: column " + (i + 1)
                                + " has no name in line " + lines + ": " + line, null);
                    }
                }
                return new Preamble(List.copyOf(columns), lines);
            }
            throw IngestException.inFile(file, "Expected a header line of column names. Actual: no line that is not a # comment", null);
        } catch (IOException e) {
            throw IngestException.inFile(file, "Cannot read: " + e.getMessage(), e);
        }
    }

    /** A reader of the (decompressed) text; a truncated gzip stream reads as if it ended there (the data read is checked later). */
    private static BufferedReader open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            InputStream text = gzip ? new EndAtDamage(new GZIPInputStream(in, 1 << 16)) : in;
            return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Ends the stream where its gzip data breaks off, instead of throwing away what was decoded before. */
    private static final class EndAtDamage extends java.io.FilterInputStream {
        EndAtDamage(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException e) {
                return -1;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (EOFException e) {
                return -1;
            }
        }
    }

    private static List<String> splitHeader(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** Turns a DuckDB read failure into a message with the data row when one can be found. */
    private static IngestException readFailure(Path file, boolean gzip, Preamble preamble, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (gzip && (message.contains("GZIP") || message.contains("gzip"))) {
            long rowsBeforeEnd = completeDataLines(file, preamble);
            return IngestException.atRow(file, rowsBeforeEnd + 1, null,
                    "The gzip stream is truncated or corrupt: it ends after " + rowsBeforeEnd + " complete data rows ("
                            + firstLine(message) + ")");
        }
        Matcher line = DUCKDB_LINE.matcher(message);
        if (line.find()) {
            long row = Long.parseLong(line.group(1)) - preamble.linesBeforeData();
            return IngestException.atRow(file, row, null, firstLine(message.substring(line.end()).strip()));
        }
        return IngestException.inFile(file, "Cannot read as CSV: " + firstLine(message), e);
    }

    /** Counts the data lines a damaged gzip file yields completely (ended by a line break) before its stream breaks. */
    private static long completeDataLines(Path file, Preamble preamble) {
        long lineBreaks = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lineBreaks++;
                    }
                }
            }
        } catch (IOException expected) {
            // the damage: every line break counted came before it
        }
        return Math.max(0, lineBreaks - preamble.linesBeforeData());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
