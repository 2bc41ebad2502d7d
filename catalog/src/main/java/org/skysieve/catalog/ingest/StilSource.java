package org.skysieve.catalog.ingest;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.xml.sax.SAXParseException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.util.FileDataSource;

/**
 * Streams a FITS table (binary or ASCII; the first table extension) or a VOTable (TABLEDATA, BINARY or
 * BINARY2; the first table) through STIL into a DuckDB table, one row at a time, keeping only the wanted columns.
 * Gzipped files are read too. Values keep their types; null stays null (STIL gives NaN for null floats).
 */
final class StilSource {
    static {
        // STIL reports every table it opens at INFO through java.util.logging
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    private StilSource() {
    }

    static LoadedSource load(Connection connection, Path file, InputFormat format, String tableName, List<String> wanted,
            ProgressMeter progress) {
        String handler = format == InputFormat.FITS ? "fits" : "votable";
        Sink sink = new Sink(connection, file, tableName, wanted, progress);
        try {
            TableBuilder builder = new StarTableFactory(false).getTableBuilder(handler);
            try (InputStream in = new FileDataSource(file.toFile()).getInputStream()) {
                builder.streamStarTable(in, sink, null);
            }
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw sink.failure(e);
        } finally {
            sink.close();
        }
        if (sink.columns == null) {
            throw IngestException.inFile(file, "Expected a table. Actual: the file holds no " + (format == InputFormat.FITS
                    ? "table extension" : "TABLE element"), null);
        }
        progress.fileDone(file.getFileName().toString(), sink.rows);
        return new LoadedSource(file, tableName, "(rowid + 1)", sink.columns, RowNumbering.identity(), sink.rows, List.of());
    }

    /** Receives STIL's rows and appends the wanted columns. */
    private static final class Sink implements TableSink {
        private final Connection connection;
        private final Path file;
        private final String tableName;
        private final List<String> wanted;
        private final ProgressMeter progress;
        private Map<String, SourceColumn> columns;
        private int[] indexes;
        private Class<?>[] classes;
        private DuckDBAppender appender;
        private long rows;

        Sink(Connection connection, Path file, String tableName, List<String> wanted, ProgressMeter progress) {
            this.connection = connection;
            this.file = file;
            this.tableName = tableName;
            this.wanted = wanted;
            this.progress = progress;
        }

        @Override
        public void acceptMetadata(StarTable meta) {
            if (columns != null) {
                return;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < meta.getColumnCount(); i++) {
                names.add(meta.getColumnInfo(i).getName());
            }
            Map<String, Integer> found = ColumnMatcher.match(file, names, wanted);
            Map<String, SourceColumn> loaded = new LinkedHashMap<>();
            indexes = new int[found.size()];
            classes = new Class<?>[found.size()];
            StringBuilder create = new StringBuilder("CREATE TABLE " + tableName + " (");
            int position = 0;
            for (Map.Entry<String, Integer> entry : found.entrySet()) {
                ColumnInfo info = meta.getColumnInfo(entry.getValue());
                String sqlType = sqlType(info.getContentClass());
                if (sqlType == null) {
                    throw IngestException.inFile(file, "Column " + info.getName() + " holds " + info.getContentClass().getSimpleName()
                            + " values. Expected numbers, booleans or text (arrays are not ingested)", null);
                }
                String alias = "c" + position;
                String unit = info.getUnitString();
                loaded.put(entry.getKey(), new SourceColumn(info.getName(), alias, sqlType,
                        unit == null || unit.isBlank() ? Optional.empty() : Optional.of(unit.trim())));
                indexes[position] = entry.getValue();
                classes[position] = info.getContentClass();
                create.append(position == 0 ? "" : ", ").append(alias).append(' ').append(sqlType);
                position++;
            }
            create.append(')');
            try (Statement statement = connection.createStatement()) {
                statement.execute(create.toString());
                appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, tableName);
                // STIL delivers VOTable rows on a thread of its own and ends on the caller's; the calls never overlap
                appender.unsafeBreakThreadConfinement();
            } catch (SQLException e) {
                throw IngestException.inFile(file, "Cannot prepare the staging table: " + e.getMessage(), e);
            }
            columns = loaded;
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            try {
                appender.beginRow();
                for (int i = 0; i < indexes.length; i++) {
                    append(row[indexes[i]], classes[i]);
                }
                appender.endRow();
            } catch (SQLException e) {
                throw new IOException("Cannot append row " + (rows + 1) + ": " + e.getMessage(), e);
            }
            rows++;
            if ((rows & 0xFFFF) == 0) {
                progress.rows(file.getFileName().toString(), rows);
            }
        }

        private void append(Object value, Class<?> type) throws SQLException {
            if (value == null) {
                appender.appendNull();
            } else if (type == Double.class) {
                appender.append(((Double) value).doubleValue());
            } else if (type == Float.class) {
                appender.append(((Float) value).floatValue());
            } else if (type == Long.class) {
                appender.append(((Long) value).longValue());
            } else if (type == Integer.class) {
                appender.append(((Integer) value).intValue());
            } else if (type == Short.class || type == Byte.class) {
                appender.append(((Number) value).shortValue());
            } else if (type == Boolean.class) {
                appender.append(((Boolean) value).booleanValue());
            } else {
                String text = value.toString();
                // FITS pads fixed-width strings; an empty string is no value
                appender.append(text.isEmpty() ? null : text);
            }
        }

        @Override
        public void endRows() throws IOException {
            try {
                if (appender != null) {
                    appender.close();
                }
            } catch (SQLException e) {
                throw new IOException("Cannot store rows: " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                if (appender != null && !appender.isClosed()) {
                    appender.close();
                }
            } catch (SQLException ignored) {
                // the table is dropped with the connection
            }
        }

        IngestException failure(Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IngestException ours) {
                    // our own complaint from inside the sink (e.g. a missing column), wrapped by the XML parser
                    return ours;
                }
            }
            StringBuilder detail = new StringBuilder(rows == 0 && columns == null ? "Cannot read as " : "The table breaks off while reading ");
            Throwable cause = e;
            SAXParseException xml = null;
            while (cause != null) {
                if (cause instanceof SAXParseException parse) {
                    xml = parse;
                }
                cause = cause.getCause();
            }
            String message = CsvSource.firstLine(xml != null ? xml.getMessage() : e.getMessage());
            detail.append(rows == 0 && columns == null ? "a table" : "row " + (rows + 1));
            if (xml != null) {
                detail.append(" (XML line ").append(xml.getLineNumber()).append(", column ").append(xml.getColumnNumber()).append(')');
            }
            detail.append(": ").append(message.isEmpty() ? e.getClass().getSimpleName() : message);
            return columns == null ? IngestException.inFile(file, detail.toString(), e) : IngestException.atRow(file, rows + 1, null, detail.toString());
        }
    }

    private static String sqlType(Class<?> type) {
        if (type == Double.class) {
            return "DOUBLE";
        }
        if (type == Float.class) {
            return "FLOAT";
        }
        if (type == Long.class) {
            return "BIGINT";
        }
        if (type == Integer.class) {
            return "INTEGER";
        }
        if (type == Short.class || type == Byte.class) {
            return "SMALLINT";
        }
        if (type == Boolean.class) {
            return "BOOLEAN";
        }
        if (type == String.class || type == Character.class) {
            return "VARCHAR";
        }
        return null;
    }

}
