package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTableOutput;

/**
 * Writes cross-match pairs as a table: the chosen left columns, the chosen right columns, then {@code separation_arcsec},
 * {@code candidates}, {@code rank} and {@code mates}. A name present on both sides gets {@code _1} and {@code _2}
 * suffixes, as STILTS tmatch2 does. The format comes from the output file's suffix: .csv, .parquet (DuckDB), .fits or
 * .vot/.xml (STIL). For CSV and Parquet, pairs are streamed to a CSV file as they arrive (memory stays bounded) and
 * converted at {@link #close()}; for FITS and VOTable they are gathered in primitive columns and written at
 * {@link #close()} (FITS column-wise by {@link FitsColumnsWriter}, VOTable by STIL). The output appears at its path only when complete. Used from one thread.
 */
public final class MatchTableWriter implements MatchSink, AutoCloseable {
    static {
        // STIL's INFO reports stay quiet when only writing
        TableReader.STIL_LOGGER.getLevel();
    }

    private final Path out;
    private final List<String> leftColumns;
    private final List<String> rightColumns;
    private final List<String> header;
    private final String format;
    private final Path csv;
    private final BufferedWriter writer;
    private List<ColumnAppender> gathered;
    private final ColumnAppender distance = new ColumnAppender("separation_arcsec", ColumnAppender.Kind.DOUBLE);
    private final ColumnAppender candidates = new ColumnAppender("candidates", ColumnAppender.Kind.LONG);
    private final ColumnAppender rank = new ColumnAppender("rank", ColumnAppender.Kind.LONG);
    private final ColumnAppender mates = new ColumnAppender("mates", ColumnAppender.Kind.LONG);
    private long rows;

    public MatchTableWriter(Path out, List<String> leftColumns, List<String> rightColumns) {
        this.out = requireNonNull(out, "out is null").toAbsolutePath();
        this.leftColumns = List.copyOf(leftColumns);
        this.rightColumns = List.copyOf(rightColumns);
        this.format = format(out);
        Set<String> leftNames = lower(leftColumns);
        Set<String> rightNames = lower(rightColumns);
        List<String> names = new ArrayList<>();
        for (String name : leftColumns) {
            names.add(rightNames.contains(name.toLowerCase(Locale.ROOT)) ? name + "_1" : name);
        }
        for (String name : rightColumns) {
            names.add(leftNames.contains(name.toLowerCase(Locale.ROOT)) ? name + "_2" : name);
        }
        names.addAll(List.of("separation_arcsec", "candidates", "rank", "mates"));
        this.header = List.copyOf(names);
        try {
            Path parent = this.out.getParent();
            Files.createDirectories(parent);
            if (!format.equals("csv") && !format.equals("parquet")) {
                csv = null;
                writer = null;
                return;
            }
            csv = Files.createTempFile(parent, "." + out.getFileName() + ".", ".csv");
            writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
            writer.write(String.join(",", header.stream().map(MatchTableWriter::csvField).toList()));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The output column names, in order. */
    public List<String> header() {
        return header;
    }

    /** Pairs written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void accept(LoadedTable leftRows, LoadedTable rightRows, MatchResult result) {
        List<Column> left = leftColumns.stream().map(name -> leftRows.require(name, "output")).toList();
        List<Column> right = rightColumns.stream().map(name -> rightRows.require(name, "output")).toList();
        if (writer == null) {
            gather(left, right, result);
            return;
        }
        StringBuilder line = new StringBuilder(256);
        try {
            for (int i = 0; i < result.size(); i++) {
                line.setLength(0);
                for (Column column : left) {
                    line.append(csvField(column.text(result.leftRow(i)))).append(',');
                }
                for (Column column : right) {
                    line.append(csvField(column.text(result.rightRow(i)))).append(',');
                }
                line.append(result.distanceArcsec(i)).append(',').append(result.candidates(i)).append(',').append(result.rank(i))
                        .append(',').append(result.mates(i)).append('\n');
                writer.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        }
        rows += result.size();
    }

    private void gather(List<Column> left, List<Column> right, MatchResult result) {
        if (gathered == null) {
            gathered = new ArrayList<>();
            for (int c = 0; c < left.size(); c++) {
                gathered.add(ColumnAppender.like(header.get(c), left.get(c)));
            }
            for (int c = 0; c < right.size(); c++) {
                gathered.add(ColumnAppender.like(header.get(left.size() + c), right.get(c)));
            }
        }
        for (int i = 0; i < result.size(); i++) {
            for (int c = 0; c < left.size(); c++) {
                gathered.get(c).addFrom(left.get(c), result.leftRow(i));
            }
            for (int c = 0; c < right.size(); c++) {
                gathered.get(left.size() + c).addFrom(right.get(c), result.rightRow(i));
            }
            distance.addDouble(result.distanceArcsec(i));
            candidates.addLong(result.candidates(i), false);
            rank.addLong(result.rank(i), false);
            mates.addLong(result.mates(i), false);
        }
        rows += result.size();
    }

    @Override
    public void close() {
        if (writer == null) {
            try {
                writeGathered();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
            }
            return;
        }
        try {
            writer.close();
            switch (format) {
                case "csv" -> Files.move(csv, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                case "parquet" -> toParquet();
                default -> throw new IllegalStateException("unexpected format " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                // a temporary file left behind is harmless; the message of the first failure matters more
            }
        }
    }

    private void toParquet() throws IOException {
        Path building = out.resolveSibling("." + out.getFileName() + ".building");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv(" + SqlText.literal(csv.toString()) + ", header = true, sample_size = -1)) TO "
                    + SqlText.literal(building.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        Files.move(building, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeGathered() throws IOException {
        List<Column> columns = new ArrayList<>();
        if (gathered != null) {
            gathered.forEach(appender -> columns.add(appender.build()));
        } else {
            // no pair at all: typed empty columns
            for (int c = 0; c < header.size() - 4; c++) {
                columns.add(new Column.TextColumn(header.get(c), new String[0]));
            }
        }
        columns.addAll(List.of(distance.build(), candidates.build(), rank.build(), mates.build()));
        Path building = out.resolveSibling("." + out.getFileName() + ".building");
        if (format.equals("fits")) {
            FitsColumnsWriter.write(columns, building);
            Files.move(building, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        ColumnStarTable table = ColumnStarTable.makeTableWithRows(rows);
        for (Column column : columns) {
            Object values = column instanceof Column.LongColumn longs ? boxedWhenNull(longs)
                    : column instanceof Column.DoubleColumn doubles ? (doubles.nulls() == null ? doubles.values() : doubles.boxed())
                    : ((Column.TextColumn) column).values();
            table.addColumn(ArrayColumn.makeColumn(column.name(), values));
        }
        new StarTableOutput().writeStarTable(table, building.toString(), "votable");
        Files.move(building, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The values of {@code longs}, boxed with nulls when it has a null (STIL writes a primitive array as is). */
    private static Object boxedWhenNull(Column.LongColumn longs) {
        boolean anyNull = false;
        for (boolean isNull : longs.nulls()) {
            anyNull |= isNull;
        }
        if (!anyNull) {
            return longs.values();
        }
        Long[] boxed = new Long[longs.values().length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = longs.nulls()[i] ? null : longs.values()[i];
        }
        return boxed;
    }

    /** csv, parquet, fits or votable, from the suffix of {@code file}. */
    static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        if (name.endsWith(".fits") || name.endsWith(".fit")) {
            return "fits";
        }
        if (name.endsWith(".vot") || name.endsWith(".xml") || name.endsWith(".votable")) {
            return "votable";
        }
        throw new IllegalArgumentException("Expected an output file ending in .csv, .parquet, .fits or .vot. Actual: " + file);
    }

    private static Set<String> lower(List<String> names) {
        Set<String> set = new HashSet<>();
        names.forEach(name -> set.add(name.toLowerCase(Locale.ROOT)));
        return set;
    }

    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
