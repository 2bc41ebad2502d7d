package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * The fast row source (DuckDB data chunks read from the vectors' memory) against the JDBC one and against the
 * driver's per-value getters: the same cells, and the same bytes in every format at every row limit, for a result of
 * several chunks with nulls in every column, NaN and infinities beside nulls, extreme integers, and strings that are
 * empty, inlined (up to 12 bytes) or not, ASCII or not (accents, CJK, a character outside the BMP), and constant columns.
 */
class ChunkRowsAgreementTest {
    private static final int ROWS = 5_003;
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
            ColumnDoc.of("x", ColumnType.DOUBLE, "deg", "pos.eq.ra", "a double"),
            ColumnDoc.of("m", ColumnType.FLOAT, "mag", "phot.mag", "a float"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code", "an int"),
            ColumnDoc.of("n", ColumnType.SHORT, "", "meta.number", "a short"),
            ColumnDoc.of("ok", ColumnType.BOOLEAN, "", "meta.code", "a boolean"),
            ColumnDoc.of("status", ColumnType.STRING, "", "meta.code.status", "a short string"),
            ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "a string of any length"),
            ColumnDoc.of("k", ColumnType.DOUBLE, "", "meta.number", "a constant"),
            ColumnDoc.of("c", ColumnType.STRING, "", "meta.note", "a constant string longer than 12 bytes"));
    private static final String SQL = "SELECT CASE WHEN i = 17 THEN 9223372036854775807 WHEN i = 18 THEN -9223372036854775808"
            + "      WHEN i % 29 = 4 THEN NULL ELSE i * 1000003 END::BIGINT AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL WHEN i % 11 = 5 THEN 'NaN'::DOUBLE WHEN i % 13 = 6 THEN 'Infinity'::DOUBLE"
            + "      WHEN i % 13 = 7 THEN '-Infinity'::DOUBLE WHEN i = 20 THEN -0.0 ELSE i * 0.37 + 1e-300 END::DOUBLE AS x,"
            + " CASE WHEN i % 5 = 1 THEN NULL WHEN i % 9 = 2 THEN 'NaN'::FLOAT WHEN i % 17 = 3 THEN '-Infinity'::FLOAT"
            + "      WHEN i % 17 = 4 THEN 'Infinity'::FLOAT ELSE 18 + i / 100.0 END::FLOAT AS m,"
            + " CASE WHEN i % 6 = 4 THEN NULL WHEN i = 22 THEN -2147483648 ELSE i % 65536 END::INTEGER AS flags,"
            + " CASE WHEN i % 8 = 7 THEN NULL WHEN i = 23 THEN -32768 ELSE i % 300 - 150 END::SMALLINT AS n,"
            + " CASE WHEN i % 4 = 2 THEN NULL ELSE i % 3 = 0 END AS ok,"
            + " CASE i % 5 WHEN 0 THEN 'detected' WHEN 1 THEN 'undetected' WHEN 2 THEN NULL WHEN 3 THEN '' ELSE 'twelve_bytes' END AS status,"
            + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 5 = 1 THEN 'thirteen_byte' WHEN i % 5 = 2 THEN 'é' || i"
            + "      WHEN i % 5 = 3 THEN '星表 ' || repeat('x', i % 40) || ' 😀' ELSE 'a longer label with, \"quotes\" & <tags> ' || i END AS label,"
            + " 2.5::DOUBLE AS k, 'the same long string' AS c"
            + " FROM range(" + ROWS + ") AS t(i) ORDER BY i";
    private static Connection connection;

    @TempDir
    Path spool;

    @BeforeAll
    static void open() throws SQLException {
        connection = DuckDbConnections.openInMemory();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyCellIsTheSameThroughJdbcThroughTheGettersAndFromMemory() throws Exception {
        List<List<Object>> jdbc = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
            collect(new ResultSetRows(rows), jdbc, 1000);
        }
        List<List<Object>> oracle = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.add(Cells.read(rows, i + 1, COLUMNS.get(i).type()));
                }
                oracle.add(row);
            }
        }
        for (boolean fromMemory : new boolean[] {true, false}) {
            List<List<Object>> chunked = new ArrayList<>();
            try (DuckDBPreparedStatement statement = connection.prepareStatement(SQL).unwrap(DuckDBPreparedStatement.class);
                    DuckDBChunkedResult chunks = statement.query()) {
                collect(new DuckDbChunkRows(chunks, fromMemory), chunked, 777);
            }
            assertThat(chunked).as("from memory: %s", fromMemory).hasSize(ROWS).isEqualTo(jdbc);
        }
        assertThat(jdbc).isEqualTo(oracle);
        assertThat(jdbc.stream().filter(row -> row.get(1) instanceof Double x && x.isNaN()).count()).isPositive();
        assertThat(jdbc.stream().filter(row -> row.get(7) instanceof String label && label.contains("😀")).count()).isPositive();
        assertThat(DuckDbVectorAccess.available()).as("the fast path is the one measured").isTrue();
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void everyFormatWritesTheSameBytesFromBothSourcesAtEveryLimit(TableFormat format) throws Exception {
        for (long maxRows : new long[] {0, 1, 777, 2047, 2048, 2049, ROWS - 1, ROWS, ROWS + 5}) {
            byte[] jdbc;
            WriteSummary jdbcSummary;
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                jdbcSummary = TableWriters.forFormat(format, spool).write(COLUMNS, rows, maxRows, out);
                jdbc = out.toByteArray();
            }
            byte[] chunked;
            WriteSummary chunkedSummary;
            try (DuckDBPreparedStatement statement = connection.prepareStatement(SQL).unwrap(DuckDBPreparedStatement.class);
                    DuckDBChunkedResult chunks = statement.query()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                chunkedSummary = TableWriters.forFormat(format, spool).write(COLUMNS, java.util.Collections.nCopies(COLUMNS.size(), ""),
                        new DuckDbChunkRows(chunks), maxRows, out);
                chunked = out.toByteArray();
            }
            assertThat(chunkedSummary).as("%s MAXREC %d", format, maxRows).isEqualTo(jdbcSummary)
                    .isEqualTo(new WriteSummary(Math.min(maxRows, ROWS), maxRows < ROWS));
            assertThat(Arrays.equals(chunked, jdbc)).as("%s MAXREC %d: same bytes", format, maxRows).isTrue();
        }
    }

    /** Reads every row through {@code source}, asking for {@code step} rows at a time (so batches cut chunks). */
    private static void collect(RowSource source, List<List<Object>> rows, int step) throws SQLException {
        ColumnBatch batch = new ColumnBatch(COLUMNS);
        for (int filled = source.fill(batch, step); filled > 0; filled = source.fill(batch, step)) {
            assertThat(filled).isEqualTo(batch.rowCount()).isLessThanOrEqualTo(step);
            for (int row = 0; row < filled; row++) {
                List<Object> values = new ArrayList<>();
                for (int column = 0; column < COLUMNS.size(); column++) {
                    values.add(batch.value(column, row));
                }
                rows.add(values);
            }
        }
    }
}
