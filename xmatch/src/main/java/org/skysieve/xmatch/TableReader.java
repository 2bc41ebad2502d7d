package org.skysieve.xmatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Reads a table file (CSV, Parquet through DuckDB; FITS, VOTable through STIL) or a DuckDB relation into primitive
 * columns. Integers become {@link Column.LongColumn}, floating point {@link Column.DoubleColumn}, anything else text.
 * FITS binary tables of scalar columns are read column-wise from a memory map ({@link FitsColumnsReader}), others by STIL.
 */
public final class TableReader {
    /** Held strongly: STIL reports every table it opens at INFO, and a logger only referenced weakly forgets its level. */
    static final Logger STIL_LOGGER = Logger.getLogger("uk.ac.starlink");

    static {
        STIL_LOGGER.setLevel(Level.WARNING);
    }

    private TableReader() {
    }

    /** Reads the whole file; the format comes from the suffix. */
    public static LoadedTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Expected a table file. Actual: " + file + " does not exist or is not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = SqlText.literal(file.toAbsolutePath().toString());
        if (name.endsWith(".parquet")) {
            return readSql(file.getFileName().toString(), "SELECT * FROM read_parquet(" + path + ")");
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".txt")) {
            return readSql(file.getFileName().toString(), "SELECT * FROM read_csv(" + path + ", header = true)");
        }
        if (name.endsWith(".fits") || name.endsWith(".fit")) {
            try {
                Optional<LoadedTable> columns = FitsColumnsReader.read(file);
                if (columns.isPresent()) {
                    return columns.get();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("Could not read " + file + " as FITS: " + e.getMessage(), e);
            }
        }
        if (name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fits.gz") || name.endsWith(".vot")
                || name.endsWith(".xml") || name.endsWith(".votable")) {
            return readStil(file);
        }
        throw new IllegalArgumentException("Expected a file ending in .csv, .csv.gz, .parquet, .fits or .vot/.xml. Actual: " + file);
    }

    /** Runs {@code selectSql} in a fresh in-memory DuckDB and loads every column it returns. */
    public static LoadedTable readSql(String source, String selectSql) {
        try (Connection connection = DuckDbConnections.openInMemory()) {
            return readSql(connection, source, selectSql);
        } catch (SQLException e) {
            throw new IllegalArgumentException("Could not read " + source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Runs {@code selectSql} on {@code connection} and loads every column it returns. */
    public static LoadedTable readSql(Connection connection, String source, String selectSql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(selectSql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int count = meta.getColumnCount();
            ColumnAppender[] builders = new ColumnAppender[count];
            for (int c = 0; c < count; c++) {
                builders[c] = new ColumnAppender(meta.getColumnLabel(c + 1), kindOfSql(meta.getColumnType(c + 1)));
            }
            while (rows.next()) {
                for (int c = 0; c < count; c++) {
                    ColumnAppender builder = builders[c];
                    switch (builder.kind) {
                        case LONG -> {
                            long value = rows.getLong(c + 1);
                            builder.addLong(value, rows.wasNull());
                        }
                        case DOUBLE -> {
                            double value = rows.getDouble(c + 1);
                            builder.addDouble(value, rows.wasNull());
                        }
                        default -> builder.addText(rows.getString(c + 1));
                    }
                }
            }
            return new LoadedTable(source, Arrays.stream(builders).map(ColumnAppender::build).toList());
        }
    }

    /** Reads a FITS or VOTable file through STIL, cell by cell. */
    static LoadedTable readStil(Path file) {
        try {
            StarTable table = new StarTableFactory(false).makeStarTable(file.toString());
            int count = table.getColumnCount();
            ColumnAppender[] builders = new ColumnAppender[count];
            for (int c = 0; c < count; c++) {
                ColumnInfo info = table.getColumnInfo(c);
                Class<?> type = info.getContentClass();
                ColumnAppender.Kind kind = type == Long.class || type == Integer.class || type == Short.class || type == Byte.class ? ColumnAppender.Kind.LONG
                        : type == Double.class || type == Float.class ? ColumnAppender.Kind.DOUBLE : ColumnAppender.Kind.TEXT;
                builders[c] = new ColumnAppender(info.getName(), kind);
            }
            try (RowSequence rows = table.getRowSequence()) {
                while (rows.next()) {
                    for (int c = 0; c < count; c++) {
                        Object value = rows.getCell(c);
                        ColumnAppender builder = builders[c];
                        switch (builder.kind) {
                            case LONG -> builder.addLong(value == null ? 0 : ((Number) value).longValue(), value == null);
                            case DOUBLE -> builder.addDouble(value == null ? Double.NaN : ((Number) value).doubleValue(), value == null);
                            default -> builder.addText(value == null ? null : value.toString());
                        }
                    }
                }
            }
            return new LoadedTable(file.getFileName().toString(), Arrays.stream(builders).map(ColumnAppender::build).toList());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Could not read " + file + " as FITS or VOTable: " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static ColumnAppender.Kind kindOfSql(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnAppender.Kind.LONG;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> ColumnAppender.Kind.DOUBLE;
            default -> ColumnAppender.Kind.TEXT;
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
