package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;

/**
 * A null measurement and a NaN measurement stay different through cross-match input and output (VOTable, CSV,
 * Parquet; FITS has no null for floating point but NaN), and a side-by-side row without a counterpart is null, not NaN.
 */
class NullAndNanTest {
    @TempDir
    Path folder;

    /** Per row: a number, NaN or null. */
    private static final Double[] MAGNITUDES = {21.5, Double.NaN, null, 19.25, null, Double.NaN};

    @Test
    void nullAndNanSurviveReadingAndWriting() throws Exception {
        LoadedTable table = readBack(writeInput());
        Column.DoubleColumn magnitude = (Column.DoubleColumn) table.require("mag", "test");
        assertCells(magnitude, "read from Parquet");

        for (String suffix : List.of("vot", "csv", "parquet")) {
            Path out = folder.resolve("out." + suffix);
            TableFiles.write(table, out);
            List<Double> cells = suffix.equals("vot") ? tableDataCells(out) : duckDbCells(out, suffix);
            assertThat(cells).as(suffix).containsExactly(MAGNITUDES);
        }
    }

    @Test
    void sideBySideRowsWithoutACounterpartAreNull() {
        int uploadRows = 3;
        SideBySide gathered = new SideBySide("survey", List.of("mag"), uploadRows);
        LoadedTable left = new LoadedTable("left", List.of(new Column.LongColumn(SideBySide.ROW_COLUMN, new long[] {0, 1, 2},
                new boolean[3])));
        LoadedTable right = new LoadedTable("right", List.of(new Column.DoubleColumn("mag", new double[] {Double.NaN, 20.0})));
        // upload row 0 matches right row 0 (a NaN value), row 2 matches right row 1, row 1 has no counterpart
        MatchResult result = new MatchResult(new int[] {0, 2}, new int[] {0, 1}, new double[] {0.1, 0.2}, new int[] {1, 1},
                new int[] {1, 1}, 2);
        gathered.accept(left, right, result);
        Column.DoubleColumn magnitude = (Column.DoubleColumn) gathered.columns().get(0);
        assertThat(magnitude.isNull(0)).as("a NaN value of the counterpart").isFalse();
        assertThat(magnitude.doubleValue(0)).isNaN();
        assertThat(magnitude.isNull(1)).as("no counterpart").isTrue();
        assertThat(magnitude.isNull(2)).isFalse();
        assertThat(magnitude.doubleValue(2)).isEqualTo(20.0);
        Column.DoubleColumn separation = (Column.DoubleColumn) gathered.columns().get(1);
        assertThat(new boolean[] {separation.isNull(0), separation.isNull(1), separation.isNull(2)}).containsExactly(false, true, false);
    }

    private Path writeInput() throws Exception {
        Path file = folder.resolve("input.parquet");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < MAGNITUDES.length; i++) {
            Double value = MAGNITUDES[i];
            String literal = value == null ? "NULL" : value.isNaN() ? "'NaN'::DOUBLE" : value + "::DOUBLE";
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(literal).append(")");
        }
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(id, mag) ORDER BY id) TO "
                    + SqlText.literal(file.toString()) + " (FORMAT parquet)");
        }
        return file;
    }

    private static LoadedTable readBack(Path parquet) {
        return TableReader.read(parquet);
    }

    private static void assertCells(Column.DoubleColumn column, String what) {
        List<Double> cells = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            cells.add(column.isNull(row) ? null : column.doubleValue(row));
        }
        assertThat(cells).as(what).containsExactly(MAGNITUDES);
    }

    /**
     * The second cell of each TABLEDATA row as written: VOTable 1.4 says an empty cell is null and {@code NaN} is NaN
     * (STIL, reading, turns both into NaN, so the text is read here).
     */
    private static List<Double> tableDataCells(Path file) throws Exception {
        String text = java.nio.file.Files.readString(file);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<TR>(.*?)</TR>", java.util.regex.Pattern.DOTALL).matcher(text);
        List<Double> cells = new ArrayList<>();
        while (row.find()) {
            List<String> values = new ArrayList<>();
            java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<TD>(.*?)</TD>|<TD/>").matcher(row.group(1));
            while (cell.find()) {
                values.add(cell.group(1) == null ? "" : cell.group(1));
            }
            String magnitude = values.get(1).trim();
            cells.add(magnitude.isEmpty() ? null : Double.valueOf(magnitude));
        }
        return cells;
    }

    private static List<Double> duckDbCells(Path file, String suffix) throws Exception {
        String reader = suffix.equals("csv") ? "read_csv(" + SqlText.literal(file.toString()) + ", header = true, types = {'mag': 'DOUBLE'})"
                : "read_parquet(" + SqlText.literal(file.toString()) + ")";
        List<Double> cells = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT mag FROM " + reader + " ORDER BY id")) {
            while (rows.next()) {
                double value = rows.getDouble(1);
                cells.add(rows.wasNull() ? null : value);
            }
        }
        return cells;
    }
}
