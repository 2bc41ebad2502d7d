package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTableOutput;

/**
 * Writes a {@link LoadedTable} to a file whose suffix gives the format (.csv, .parquet, .fits, .vot), as
 * {@link MatchTableWriter} does for pairs. Null cells are nulls (VOTable: an empty cell; CSV: blank; Parquet: null;
 * FITS: NaN in doubles, TNULL in integers) and a NaN stays NaN (CSV {@code NaN}) except in FITS, where NaN is the
 * null of floating point. The file appears at its path only when complete. Stateless.
 */
public final class TableFiles {
    static {
        TableReader.STIL_LOGGER.getLevel();
    }

    private TableFiles() {
    }

    public static void write(LoadedTable table, Path out) {
        write(table, out, java.util.Map.of());
    }

    /**
     * As {@link #write(LoadedTable, Path)}, the columns named in {@code docs} carrying their description, UCD and unit
     * (VOTable DESCRIPTION/ucd/unit, FITS TCOMMn/TUCDn/TUNITn as STIL writes them; not in CSV and Parquet).
     */
    public static void write(LoadedTable table, Path out, java.util.Map<String, org.skysieve.catalog.model.ColumnDoc> docs) {
        requireNonNull(table, "table is null");
        requireNonNull(docs, "docs is null");
        Path target = requireNonNull(out, "out is null").toAbsolutePath();
        String format = MatchTableWriter.format(target);
        ColumnStarTable star = ColumnStarTable.makeTableWithRows(table.rowCount());
        for (Column column : table.columns()) {
            Object values = column instanceof Column.DoubleColumn doubles ? (doubles.nulls() == null ? doubles.values() : doubles.boxed())
                    : column instanceof Column.LongColumn longs ? boxed(longs) : ((Column.TextColumn) column).values();
            ArrayColumn array = ArrayColumn.makeColumn(column.name(), values);
            org.skysieve.catalog.model.ColumnDoc doc = docs.get(column.name());
            if (doc != null) {
                array.getColumnInfo().setDescription(doc.description());
                array.getColumnInfo().setUCD(doc.ucd().isEmpty() ? null : doc.ucd());
                array.getColumnInfo().setUnitString(doc.unit().isEmpty() ? null : doc.unit());
            }
            star.addColumn(array);
        }
        Path building = target.resolveSibling("." + target.getFileName() + ".building");
        try {
            Files.createDirectories(target.getParent());
            if (format.equals("parquet")) {
                Path csv = target.resolveSibling("." + target.getFileName() + ".csv");
                try {
                    writeCsv(table, csv);
                    try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
                        statement.execute("COPY (SELECT * FROM read_csv(" + SqlText.literal(csv.toString()) + ", header = true, columns = "
                                + sqlColumnTypes(table) + ")) TO " + SqlText.literal(building.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                    } catch (SQLException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                } finally {
                    Files.deleteIfExists(csv);
                }
            } else if (format.equals("csv")) {
                writeCsv(table, building);
            } else if (format.equals("fits") && docs.isEmpty()) {
                // column-wise and fast; STIL below writes the column documentation (TCOMM, TUCD, TUNIT) when there is some
                FitsColumnsWriter.write(table.columns(), building);
            } else {
                new StarTableOutput().writeStarTable(star, building.toString(), format.equals("votable") ? "votable" : format);
            }
            Files.move(building, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /** CSV with a header line; cells as {@link Column#text} (blank for null, {@code NaN} for NaN), quoted as needed. */
    private static void writeCsv(LoadedTable table, Path file) throws IOException {
        try (java.io.Writer writer = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.List<Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                writer.write((c == 0 ? "" : ",") + MatchTableWriter.csvField(columns.get(c).name()));
            }
            writer.write('\n');
            for (int row = 0; row < table.rowCount(); row++) {
                for (int c = 0; c < columns.size(); c++) {
                    writer.write((c == 0 ? "" : ",") + MatchTableWriter.csvField(columns.get(c).text(row)));
                }
                writer.write('\n');
            }
        }
    }

    /** DuckDB's {@code columns} argument of read_csv: each column's name and SQL type, so nothing is guessed. */
    private static String sqlColumnTypes(LoadedTable table) {
        StringBuilder types = new StringBuilder("{");
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            String type = column instanceof Column.LongColumn ? "BIGINT" : column instanceof Column.DoubleColumn ? "DOUBLE" : "VARCHAR";
            types.append(c == 0 ? "" : ", ").append(SqlText.literal(column.name())).append(": ").append(SqlText.literal(type));
        }
        return types.append("}").toString();
    }

    /** Longs with their nulls: boxed, so that STIL writes the nulls as blanks (FITS: the TNULL value). */
    private static Long[] boxed(Column.LongColumn column) {
        Long[] values = new Long[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.nulls()[i] ? null : column.values()[i];
        }
        return values;
    }
}
