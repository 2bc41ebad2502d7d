package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;

/**
 * Turns an uploaded table file into a Parquet file for the query engine. The format is recognised from the first
 * bytes: Parquet ({@code PAR1}), FITS ({@code SIMPLE}), VOTable ({@code <?xml} or {@code <VOTABLE}), else CSV with a
 * header line. VOTable, FITS and CSV are read with STIL, Parquet with DuckDB. Scalar columns only (boolean, integers,
 * floats, strings); anything else is an error naming the column. Stateless and thread-safe.
 */
public final class UploadReader {
    static {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    private UploadReader() {
    }

    /** Reads {@code file} (already saved, within the size limit) into {@code folder/name.parquet}; no row limit. */
    public static UploadedTable read(String name, Path file, Path folder) {
        return read(name, file, folder, Long.MAX_VALUE);
    }

    /**
     * Reads {@code file} (already saved, within the size limit) into {@code folder/name.parquet}, refusing a table of
     * more than {@code maxRows} rows ({@link ErrorCategory#TOO_LARGE}, naming the table and the limit).
     */
    public static UploadedTable read(String name, Path file, Path folder, long maxRows) {
        requireNonNull(name, "name is null");
        Path parquet = folder.resolve(name + ".parquet");
        try {
            Files.createDirectories(folder);
            String kind = sniff(file);
            List<ColumnDoc> columns;
            List<String> xtypes = new ArrayList<>();
            long rows;
            try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
                if (kind.equals("parquet")) {
                    statement.execute("CREATE TABLE upload AS SELECT * FROM read_parquet(" + SqlText.literal(file.toString()) + ")");
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM upload")) {
                        count.next();
                        if (count.getLong(1) > maxRows) {
                            throw tooManyRows(name, maxRows, Long.toString(count.getLong(1)));
                        }
                    }
                    columns = describe(connection, name);
                    columns.forEach(column -> xtypes.add(""));
                } else {
                    columns = appendWithStil(name, file, kind, (DuckDBConnection) connection, xtypes, maxRows);
                }
                statement.execute("COPY upload TO " + SqlText.literal(parquet.toString()) + " (FORMAT parquet)");
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM upload")) {
                    count.next();
                    rows = count.getLong(1);
                }
            }
            return new UploadedTable(name, parquet, columns, rows, xtypes);
        } catch (IOException | SQLException | RuntimeException e) {
            if (e instanceof ServiceException service) {
                throw service;
            }
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Cannot read uploaded table " + name
                    + " (expected VOTable, FITS, CSV or Parquet): " + firstLine(e.getMessage()), e);
        }
    }

    private static String sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("PAR1")) {
            return "parquet";
        }
        if (text.startsWith("SIMPLE")) {
            return "fits";
        }
        if (text.startsWith("<")) {
            return "votable";
        }
        return "csv";
    }

    private static List<ColumnDoc> appendWithStil(String name, Path file, String kind, DuckDBConnection connection,
                                                  List<String> xtypes, long maxRows) throws IOException, SQLException {
        StarTable table = new StarTableFactory(false).makeStarTable(new FileDataSource(file.toFile()), kind);
        List<ColumnDoc> columns = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE upload (");
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo info = table.getColumnInfo(i);
            ColumnType type = typeOf(info.getContentClass()).orElseThrow(() -> new ServiceException(ErrorCategory.BAD_REQUEST,
                    "Expected scalar columns in uploaded table " + name + ". Actual: column " + info.getName() + " holds "
                            + info.getContentClass().getSimpleName()));
            columns.add(ColumnDoc.of(info.getName(), type, nullToEmpty(info.getUnitString()), nullToEmpty(info.getUCD()),
                    nullToEmpty(info.getDescription())));
            xtypes.add(nullToEmpty(info.getXtype()));
            create.append(i == 0 ? "" : ", ").append(SqlText.identifier(info.getName())).append(' ').append(type.sqlType());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(create.append(')').toString());
        }
        try (DuckDBAppender appender = connection.createAppender("main", "upload"); RowSequence rows = table.getRowSequence()) {
            long count = 0;
            while (rows.next()) {
                if (++count > maxRows) {
                    throw tooManyRows(name, maxRows, "more");
                }
                appender.beginRow();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = rows.getCell(i);
                    if (value == null || (value instanceof String text && text.isEmpty() && columns.get(i).type() != ColumnType.STRING)) {
                        appender.appendNull();
                        continue;
                    }
                    switch (columns.get(i).type()) {
                        case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
                        case SHORT -> appender.append(((Number) value).shortValue());
                        case INT -> appender.append(((Number) value).intValue());
                        case LONG -> appender.append(((Number) value).longValue());
                        case FLOAT -> appender.append(((Number) value).floatValue());
                        case DOUBLE -> appender.append(((Number) value).doubleValue());
                        case STRING -> appender.append(value.toString());
                    }
                }
                appender.endRow();
            }
        }
        return columns;
    }

    private static ServiceException tooManyRows(String name, long maxRows, String actual) {
        return new ServiceException(ErrorCategory.TOO_LARGE, "Expected at most " + maxRows + " rows in uploaded table " + name
                + " (this service's upload limit, advertised in /tap/capabilities). Actual: " + actual);
    }

    private static List<ColumnDoc> describe(Connection connection, String name) throws SQLException {
        List<ColumnDoc> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE upload")) {
            while (rows.next()) {
                String column = rows.getString(1);
                String sqlType = rows.getString(2);
                ColumnType type = java.util.Arrays.stream(ColumnType.values()).filter(t -> t.sqlType().equals(sqlType)).findFirst()
                        .orElseThrow(() -> new ServiceException(ErrorCategory.BAD_REQUEST, "Expected scalar columns in uploaded"
                                + " table " + name + ". Actual: column " + column + " is " + sqlType));
                columns.add(ColumnDoc.of(column, type, "", "", ""));
            }
        }
        return columns;
    }

    private static java.util.Optional<ColumnType> typeOf(Class<?> content) {
        if (content == Boolean.class) {
            return java.util.Optional.of(ColumnType.BOOLEAN);
        }
        if (content == Byte.class || content == Short.class) {
            return java.util.Optional.of(ColumnType.SHORT);
        }
        if (content == Integer.class) {
            return java.util.Optional.of(ColumnType.INT);
        }
        if (content == Long.class) {
            return java.util.Optional.of(ColumnType.LONG);
        }
        if (content == Float.class) {
            return java.util.Optional.of(ColumnType.FLOAT);
        }
        if (content == Double.class) {
            return java.util.Optional.of(ColumnType.DOUBLE);
        }
        if (content == String.class || content == Character.class) {
            return java.util.Optional.of(ColumnType.STRING);
        }
        return java.util.Optional.empty();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
