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
 * {@link MatchTableWriter} does for pairs. Null cells: NaN in doubles, blank in the others. The file appears at its path
 * only when complete. Stateless.
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
            Object values = column instanceof Column.DoubleColumn doubles ? doubles.values()
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
                    new StarTableOutput().writeStarTable(star, csv.toString(), "csv");
                    try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
                        statement.execute("COPY (SELECT * FROM read_csv(" + SqlText.literal(csv.toString()) + ", header = true, sample_size = -1)) TO "
                                + SqlText.literal(building.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                    } catch (SQLException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                } finally {
                    Files.deleteIfExists(csv);
                }
            } else if (format.equals("fits")) {
                FitsColumnsWriter.write(table.columns(), building);
            } else {
                new StarTableOutput().writeStarTable(star, building.toString(), format.equals("votable") ? "votable" : format);
            }
            Files.move(building, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
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
