package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnType;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Every format written from the same DuckDB rows and read back by an independent reader (STIL; DuckDB for Parquet;
 * a strict RFC 4180 parser for CSV/TSV) must give the same values: nulls as nulls and NaN as NaN where the format can
 * tell them apart, and exactly the documented losses where it cannot (FITS floats: null becomes NaN; FITS strings:
 * null becomes empty).
 */
class RoundTripTest {
    private static final int ROWS = 997;
    private static List<List<Object>> expected;

    @TempDir
    Path folder;

    @BeforeAll
    static void readOracle() throws SQLException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        try (TestRows rows = new TestRows(ROWS)) {
            expected = rows.expected();
        }
    }

    static Path write(TableFormat format, int rowCount, long maxRows, Path folder, WriteSummary[] summary) throws Exception {
        Path file = folder.resolve("result-" + format.name().toLowerCase() + "." + format.fileExtension());
        try (TestRows rows = new TestRows(rowCount); ResultSet result = rows.open(); OutputStream out = Files.newOutputStream(file)) {
            summary[0] = TableWriters.forFormat(format, folder.resolve("spool")).write(TestRows.COLUMNS, result, maxRows, out);
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2", "FITS"})
    void stilReadsBackEveryCell(TableFormat format) throws Exception {
        WriteSummary[] summary = new WriteSummary[1];
        Path file = write(format, ROWS, Long.MAX_VALUE, folder, summary);
        assertThat(summary[0]).isEqualTo(new WriteSummary(ROWS, false));
        StarTable table = new StarTableFactory(false).makeStarTable(file.toString(), format == TableFormat.FITS ? "fits" : "votable");
        assertThat(table.getColumnCount()).isEqualTo(TestRows.COLUMNS.size());
        for (int c = 0; c < TestRows.COLUMNS.size(); c++) {
            assertThat(table.getColumnInfo(c).getName()).isEqualTo(TestRows.COLUMNS.get(c).name());
            assertThat(table.getColumnInfo(c).getUnitString()).isEqualTo(emptyToNull(TestRows.COLUMNS.get(c).unit()));
        }
        List<List<Object>> actual = new ArrayList<>();
        try (RowSequence sequence = table.getRowSequence()) {
            while (sequence.next()) {
                actual.add(java.util.Arrays.asList(sequence.getRow()));
            }
        }
        assertThat(actual).hasSize(ROWS);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < TestRows.COLUMNS.size(); c++) {
                Object want = expectedAs(format, expected.get(r).get(c), TestRows.COLUMNS.get(c).type());
                assertThat(normalise(actual.get(r).get(c))).as("row %d column %s in %s", r, TestRows.COLUMNS.get(c).name(), format)
                        .isEqualTo(normalise(want));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"CSV", "TSV"})
    void delimitedTextHoldsEveryCell(TableFormat format) throws Exception {
        WriteSummary[] summary = new WriteSummary[1];
        Path file = write(format, ROWS, Long.MAX_VALUE, folder, summary);
        List<List<String>> records = DelimitedText.parse(Files.readString(file, StandardCharsets.UTF_8), format == TableFormat.CSV ? ',' : '\t');
        assertThat(records.get(0)).containsExactlyElementsOf(TestRows.COLUMNS.stream().map(c -> c.name()).toList());
        assertThat(records).hasSize(ROWS + 1);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < TestRows.COLUMNS.size(); c++) {
                Object value = expected.get(r).get(c);
                String want = value == null ? "" : value instanceof Boolean flag ? flag.toString() : Cells.text(value);
                if (format == TableFormat.TSV) {
                    want = want.replace('\t', ' ');
                }
                assertThat(records.get(r + 1).get(c)).as("row %d column %d", r, c).isEqualTo(want);
            }
        }
    }

    @Test
    void parquetHoldsEveryCellAndTheVoParquetHeader() throws Exception {
        WriteSummary[] summary = new WriteSummary[1];
        Path file = write(TableFormat.PARQUET, ROWS, Long.MAX_VALUE, folder, summary);
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            List<List<Object>> actual = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < TestRows.COLUMNS.size(); c++) {
                        row.add(Cells.read(result, c + 1, TestRows.COLUMNS.get(c).type()));
                    }
                    actual.add(row);
                }
            }
            assertThat(normaliseRows(actual)).isEqualTo(normaliseRows(expected));
            try (ResultSet result = statement.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "')"
                    + " WHERE decode(key) LIKE 'IVOA%' ORDER BY 1")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(ParquetTableWriter.VOPARQUET_CONTENT_KEY);
                String votable = result.getString(2);
                assertThat(votable).contains("<FIELD name=\"flags\"").contains("OPTION name=\"EDGE\" value=\"8\"").doesNotContain("OVERFLOW");
                VoTableSchema.validate(votable);
                assertThat(result.next()).isTrue();
                assertThat(result.getString(2)).isEqualTo("1.0");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2"})
    void everyVoTableValidatesAgainstTheSchema(TableFormat format) throws Exception {
        for (long maxRows : new long[] {0, 10, ROWS}) {
            WriteSummary[] summary = new WriteSummary[1];
            Path file = write(format, ROWS, maxRows, folder, summary);
            VoTableSchema.validate(Files.readString(file));
        }
        VoTableSchema.validate(VoTableDocuments.error("Expected <ADQL> & \"more\". Actual: nothing"));
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void aCutResultIsMarkedAndHasExactlyMaxRowsRows(TableFormat format) throws Exception {
        for (long maxRows : new long[] {0, 1, ROWS - 1, ROWS, ROWS + 1}) {
            WriteSummary[] summary = new WriteSummary[1];
            Path file = write(format, ROWS, maxRows, folder, summary);
            long written = Math.min(maxRows, ROWS);
            assertThat(summary[0]).isEqualTo(new WriteSummary(written, maxRows < ROWS));
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (format.isVoTable() || format == TableFormat.FITS) {
                assertThat(bytes.contains("OVERFLOW")).as("%s with maxRows %d", format, maxRows).isEqualTo(maxRows < ROWS);
            }
            if (format != TableFormat.CSV && format != TableFormat.TSV && format != TableFormat.PARQUET) {
                StarTable table = new StarTableFactory(false).makeStarTable(file.toString(), format == TableFormat.FITS ? "fits" : "votable");
                long count = 0;
                try (RowSequence sequence = table.getRowSequence()) {
                    while (sequence.next()) {
                        count++;
                    }
                }
                assertThat(count).isEqualTo(written);
            }
        }
    }

    /**
     * What STIL gives back for {@code value}: STIL itself represents a null float as NaN (the null/NaN distinction is
     * checked with astropy in {@link AstropyReadTest}); FITS cannot tell null from empty in strings.
     */
    private static Object expectedAs(TableFormat format, Object value, ColumnType type) {
        if (value == null && (type == ColumnType.FLOAT || type == ColumnType.DOUBLE)) {
            return Double.NaN;
        }
        if (format == TableFormat.FITS && "".equals(value)) {
            return null;
        }
        return value;
    }

    private static Object normalise(Object value) {
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            return number.longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof String text && text.isEmpty()) {
            return "";
        }
        return value;
    }

    private static List<List<Object>> normaliseRows(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(RoundTripTest::normalise).toList()).toList();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
