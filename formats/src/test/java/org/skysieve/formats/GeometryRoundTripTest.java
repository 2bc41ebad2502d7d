package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.testing.SharedTestData;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * DALI geometry columns (POINT {@code double[2]}, CIRCLE {@code double[3]}, POLYGON {@code double[*]} of 6 to 12
 * values, nulls in each) written in every format from DuckDB {@code DOUBLE[]} rows and read back by independent
 * readers: STIL (VOTable TABLEDATA and BINARY2, FITS, CSV), astropy (VOTable, FITS), DuckDB (Parquet), a strict RFC 4180
 * parser (CSV, TSV). The numbers come back bit for bit; a null comes back as null (VOTable, Parquet, text), or as NaNs /
 * an empty polygon in FITS (which has no null array).
 */
class GeometryRoundTripTest {
    private static final int ROWS = 301;
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "Row id"),
            ColumnDoc.of("p", ColumnType.POINT, "deg", "pos.eq", "a point"),
            ColumnDoc.of("c", ColumnType.CIRCLE, "deg", "pos.outline", "a circle"),
            ColumnDoc.of("poly", ColumnType.POLYGON, "deg", "pos.outline", "a polygon"),
            ColumnDoc.of("mag", ColumnType.DOUBLE, "mag", "phot.mag", "a scalar beside them"));
    private static final String SQL = "SELECT i::BIGINT AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL ELSE [(i * 3.7) % 360, (i % 170) - 85.25 + i / 1000.0] END::DOUBLE[] AS p,"
            + " CASE WHEN i % 5 = 1 THEN NULL ELSE [(i * 1.3) % 360, (i % 100) / 3.0 - 25, 0.001 * (i % 50) + 0.01] END::DOUBLE[] AS c,"
            + " CASE WHEN i % 6 = 4 THEN NULL ELSE list_transform(range(2 * (3 + i % 4)), lambda k: (i + k * 0.7501) % 90) END::DOUBLE[] AS poly,"
            + " CASE WHEN i % 4 = 0 THEN NULL ELSE i / 7.0 END AS mag"
            + " FROM range(" + ROWS + ") AS t(i) ORDER BY i";
    private static List<List<double[]>> expected;

    @TempDir
    Path folder;

    @BeforeAll
    static void readOracle() throws SQLException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        expected = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SQL)) {
            while (rows.next()) {
                List<double[]> row = new ArrayList<>();
                for (int c = 2; c <= 4; c++) {
                    Array array = rows.getArray(c);
                    row.add(array == null ? null : Arrays.stream((Object[]) array.getArray()).mapToDouble(v -> (Double) v).toArray());
                }
                expected.add(row);
            }
        }
        assertThat(expected).hasSize(ROWS);
    }

    private Path write(TableFormat format) throws Exception {
        Path file = folder.resolve("geometry-" + format.name().toLowerCase() + "." + format.fileExtension());
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SQL); OutputStream out = Files.newOutputStream(file)) {
            WriteSummary summary = TableWriters.forFormat(format, folder.resolve("spool")).write(COLUMNS, rows, Long.MAX_VALUE, out);
            assertThat(summary).isEqualTo(new WriteSummary(ROWS, false));
        }
        return file;
    }

    /** What a format without null arrays gives for a null: FITS fixed arrays are NaNs, a FITS polygon has no element. */
    private static double[] expectedIn(TableFormat format, int column, double[] value) {
        if (value != null || format != TableFormat.FITS) {
            return value;
        }
        double[] nans = new double[column == 0 ? 2 : column == 1 ? 3 : 0];
        Arrays.fill(nans, Double.NaN);
        return nans;
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2", "FITS"})
    void stilReadsEveryArray(TableFormat format) throws Exception {
        Path file = write(format);
        if (format.isVoTable()) {
            String xml = Files.readString(file);
            assertThat(xml).contains("<FIELD name=\"p\" datatype=\"double\" arraysize=\"2\" xtype=\"point\" unit=\"deg\"")
                    .contains("<FIELD name=\"c\" datatype=\"double\" arraysize=\"3\" xtype=\"circle\"")
                    .contains("<FIELD name=\"poly\" datatype=\"double\" arraysize=\"*\" xtype=\"polygon\"");
            VoTableSchema.validate(xml);
        }
        StarTable table = new StarTableFactory(false).makeStarTable(file.toString(), format == TableFormat.FITS ? "fits" : "votable");
        assertThat(table.getColumnInfo(1).getUnitString()).isEqualTo("deg");
        if (format.isVoTable()) {
            assertThat(table.getColumnInfo(1).getXtype()).isEqualTo("point");
            assertThat(table.getColumnInfo(3).getXtype()).isEqualTo("polygon");
        }
        int r = 0;
        try (RowSequence sequence = table.getRowSequence()) {
            while (sequence.next()) {
                for (int c = 0; c < 3; c++) {
                    Object cell = sequence.getCell(c + 1);
                    double[] want = expectedIn(format, c, expected.get(r).get(c));
                    if (want == null) {
                        assertThat(cell).as("row %d column %d in %s", r, c, format).isNull();
                    } else {
                        assertThat((double[]) cell).as("row %d column %d in %s", r, c, format).containsExactly(want);
                    }
                }
                r++;
            }
        }
        assertThat(r).isEqualTo(ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"CSV", "TSV"})
    void delimitedTextHoldsDaliText(TableFormat format) throws Exception {
        Path file = write(format);
        List<List<String>> records = DelimitedText.parse(Files.readString(file, StandardCharsets.UTF_8), format == TableFormat.CSV ? ',' : '\t');
        assertThat(records).hasSize(ROWS + 1);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(parse(records.get(r + 1).get(c + 1))).as("row %d column %d", r, c).isEqualTo(expected.get(r).get(c));
            }
        }
        if (format == TableFormat.CSV) {
            StarTable table = new StarTableFactory(false).makeStarTable(file.toString(), "csv");
            int r = 0;
            try (RowSequence sequence = table.getRowSequence()) {
                while (sequence.next()) {
                    for (int c = 0; c < 3; c++) {
                        Object cell = sequence.getCell(c + 1);
                        assertThat(parse(cell == null ? "" : cell.toString())).as("STIL CSV row %d column %d", r, c)
                                .isEqualTo(expected.get(r).get(c));
                    }
                    r++;
                }
            }
            assertThat(r).isEqualTo(ROWS);
        }
    }

    private static double[] parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void parquetHoldsDoubleListsAndTheXtypes() throws Exception {
        Path file = write(TableFormat.PARQUET);
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT p, c, poly, typeof(p), typeof(poly) FROM read_parquet('" + file + "')")) {
                int r = 0;
                while (rows.next()) {
                    assertThat(rows.getString(4)).isEqualTo("DOUBLE[]");
                    assertThat(rows.getString(5)).isEqualTo("DOUBLE[]");
                    for (int c = 0; c < 3; c++) {
                        Array array = rows.getArray(c + 1);
                        double[] actual = array == null ? null
                                : Arrays.stream((Object[]) array.getArray()).mapToDouble(v -> (Double) v).toArray();
                        assertThat(actual).as("row %d column %d", r, c).isEqualTo(expected.get(r).get(c));
                    }
                    r++;
                }
                assertThat(r).isEqualTo(ROWS);
            }
            try (ResultSet result = statement.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file + "')"
                    + " WHERE decode(key) = '" + ParquetTableWriter.VOPARQUET_CONTENT_KEY + "'")) {
                assertThat(result.next()).isTrue();
                String votable = result.getString(1);
                assertThat(votable).contains("arraysize=\"2\" xtype=\"point\"").contains("arraysize=\"3\" xtype=\"circle\"")
                        .contains("arraysize=\"*\" xtype=\"polygon\"");
                VoTableSchema.validate(votable);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2", "FITS"})
    void astropyReadsEveryArray(TableFormat format) throws Exception {
        SharedTestData.require(Files.isExecutable(PYTHON), "/usr/bin/python3 with astropy");
        Path file = write(format);
        Path script = folder.resolve("astropy_geometry.py");
        try (InputStream in = GeometryRoundTripTest.class.getResourceAsStream("/astropy_geometry.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), script.toString(), format == TableFormat.FITS ? "fits" : "votable",
                file.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("astropy exit status; output %s", output).isZero();
        JsonNode columns = new ObjectMapper().readTree(output).get("columns");
        String[] names = {"p", "c", "poly"};
        String[] xtypes = {"point", "circle", "polygon"};
        for (int c = 0; c < 3; c++) {
            JsonNode column = columns.get(names[c]);
            assertThat(column.get("unit").asText()).isEqualTo("deg");
            if (format.isVoTable()) {
                assertThat(column.get("xtype").asText()).isEqualTo(xtypes[c]);
            }
            for (int r = 0; r < ROWS; r++) {
                double[] want = expected.get(r).get(c);
                JsonNode cell = column.get("values").get(r);
                if (want == null) {
                    // FITS: NaNs (astropy hands them back as nulls) or an empty polygon
                    assertThat(cell.isNull() || cell.isEmpty() || allNull(cell)).as("row %d column %s in %s: %s", r, names[c], format, cell)
                            .isTrue();
                    continue;
                }
                double[] actual = new double[cell.size()];
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = cell.get(i).asDouble();
                }
                assertThat(actual).as("row %d column %s in %s", r, names[c], format).containsExactly(want);
            }
        }
    }

    private static boolean allNull(JsonNode cell) {
        for (JsonNode element : cell) {
            if (!element.isNull()) {
                return false;
            }
        }
        return true;
    }
}
