package org.skysieve.datasets.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;

/**
 * The columns of an uploaded objects table, with the types its reader gives (CSV and Parquet described by DuckDB
 * without reading the rows; FITS and VOTable read by {@link TableReader}). Stateless.
 */
final class ObjectColumns {
    private ObjectColumns() {
    }

    /** The SQL that reads {@code file} in DuckDB, or empty for formats DuckDB does not read (FITS, VOTable). */
    static java.util.Optional<String> duckDbSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = SqlText.literal(file.toAbsolutePath().toString());
        if (name.endsWith(".parquet")) {
            return java.util.Optional.of("read_parquet(" + path + ")");
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return java.util.Optional.of("read_csv(" + path + ", header = true)");
        }
        return java.util.Optional.empty();
    }

    /** Whether the suffix is one the readers know. */
    static boolean knownFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return List.of(".parquet", ".csv", ".csv.gz", ".fits", ".fit", ".fits.gz", ".vot", ".xml", ".votable").stream().anyMatch(name::endsWith);
    }

    /** The documented columns of {@code file} (type only: uploads carry no units). */
    static List<ColumnDoc> describe(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        List<ColumnDoc> columns = new ArrayList<>();
        java.util.Optional<String> source = duckDbSource(file);
        if (source.isPresent()) {
            try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source.get())) {
                while (rows.next()) {
                    columns.add(doc(rows.getString("column_name"), typeOf(rows.getString("column_type"))));
                }
            }
            return columns;
        }
        LoadedTable table = TableReader.read(file);
        for (Column column : table.columns()) {
            ColumnType type = column instanceof Column.LongColumn ? ColumnType.LONG
                    : column instanceof Column.DoubleColumn ? ColumnType.DOUBLE : ColumnType.STRING;
            columns.add(doc(column.name(), type));
        }
        return columns;
    }

    private static ColumnDoc doc(String name, ColumnType type) {
        return ColumnDoc.of(name, type, "", "", "Column " + name + " of the uploaded objects.").withNullMeaning("Blank in the upload.");
    }

    static ColumnType typeOf(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.equals("BOOLEAN")) {
            return ColumnType.BOOLEAN;
        }
        if (type.matches("(U?)(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)")) {
            return ColumnType.LONG;
        }
        if (type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }
}
