package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * The column-wise BINARY2 encoder against its first, row-by-row implementation ({@link RowByRowBinary2}), byte for
 * byte, on batches read both ways (strings held as UTF-8 bytes from DuckDB's chunks, or as Strings from JDBC): nulls in
 * every column, NaN, ASCII and non-ASCII strings in the same batch or in separate batches, geometry arrays; and the
 * block base64 writer against the JDK's MIME wrapping stream at every length around its block and line sizes.
 */
class Binary2EncodingTest {
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
            ColumnDoc.of("ok", ColumnType.BOOLEAN, "", "meta.code", "a boolean"),
            ColumnDoc.of("n", ColumnType.SHORT, "", "meta.number", "a short"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code", "an int"),
            ColumnDoc.of("m", ColumnType.FLOAT, "mag", "phot.mag", "a float"),
            ColumnDoc.of("x", ColumnType.DOUBLE, "deg", "pos.eq.ra", "a double"),
            ColumnDoc.of("ascii", ColumnType.STRING, "", "meta.note", "ASCII only"),
            ColumnDoc.of("mixed", ColumnType.STRING, "", "meta.note", "ASCII in some batches, not in others"),
            ColumnDoc.of("p", ColumnType.POINT, "deg", "pos", "a point"),
            ColumnDoc.of("poly", ColumnType.POLYGON, "deg", "pos", "a polygon"));
    private static final String SQL = "SELECT CASE WHEN i % 29 = 4 THEN NULL ELSE i * 1000003 END::BIGINT AS id,"
            + " CASE WHEN i % 4 = 2 THEN NULL ELSE i % 3 = 0 END AS ok,"
            + " CASE WHEN i % 8 = 7 THEN NULL ELSE i % 300 - 150 END::SMALLINT AS n,"
            + " CASE WHEN i % 6 = 4 THEN NULL ELSE i END::INTEGER AS flags,"
            + " CASE WHEN i % 5 = 1 THEN NULL WHEN i % 9 = 2 THEN 'NaN'::FLOAT ELSE 18 + i / 100.0 END::FLOAT AS m,"
            + " CASE WHEN i % 7 = 3 THEN NULL WHEN i % 11 = 5 THEN 'NaN'::DOUBLE ELSE i * 0.37 END::DOUBLE AS x,"
            + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 'short' ELSE 'a label longer than twelve bytes ' || i END AS ascii,"
            + " CASE WHEN i % 10 = 0 THEN NULL WHEN i BETWEEN 2048 AND 4095 AND i % 7 = 1 THEN 'é星😀' || i ELSE 'plain ' || i END AS mixed,"
            + " CASE WHEN i % 13 = 0 THEN NULL ELSE [i * 0.1, -i * 0.01] END AS p,"
            + " CASE WHEN i % 17 = 0 THEN NULL ELSE [1.0, 2.0, 3.0, 4.0, 5.0, i * 1.0] END AS poly"
            + " FROM range(5000) AS t(i) ORDER BY i";

    @Test
    void columnWiseEncodingIsByteForByteTheRowByRowOne() throws Exception {
        try (Connection connection = DuckDbConnections.openInMemory()) {
            int batches = 0;
            int mixedBatches = 0;
            // strings as Strings (JDBC) with geometry
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
                batches += compare(new ResultSetRows(rows), COLUMNS);
            }
            // strings as UTF-8 bytes (the chunk reader; no geometry there)
            List<ColumnDoc> scalar = COLUMNS.subList(0, 8);
            String scalarSql = "SELECT id, ok, n, flags, m, x, ascii, mixed FROM (" + SQL + ")";
            try (DuckDBPreparedStatement statement = connection.prepareStatement(scalarSql).unwrap(DuckDBPreparedStatement.class);
                    DuckDBChunkedResult chunks = statement.query()) {
                ColumnBatch batch = new ColumnBatch(scalar);
                DuckDbChunkRows rows = new DuckDbChunkRows(chunks);
                for (int filled = rows.fill(batch, 1500); filled > 0; filled = rows.fill(batch, 1500)) {
                    assertThat(batch.utf8Held[6]).as("strings held as bytes").isTrue();
                    byte[] expected = rowByRow(batch, scalar);
                    Binary2Rows encoder = new Binary2Rows(batch.types);
                    encoder.encode(batch);
                    assertSameBytes(Arrays.copyOf(encoder.buffer(), encoder.size()), expected);
                    boolean hasNonAscii = false;
                    for (int row = 0; row < filled; row++) {
                        String value = batch.getString(7, row);
                        hasNonAscii |= value != null && value.chars().anyMatch(c -> c >= 0x80);
                    }
                    mixedBatches += hasNonAscii ? 1 : 0;
                    batches++;
                }
            }
            assertThat(batches).isGreaterThan(4);
            assertThat(mixedBatches).as("batches with non-ASCII strings (the decoding path)").isPositive();
        }
    }

    /**
     * 70 columns (a mask of nine bytes, over one 64-column word), read from DuckDB's chunks in pieces of random sizes (so
     * that pieces start anywhere in a chunk's validity words): columns never null, columns null in some rows only (some
     * batches then free of nulls, some not), NaN values, strings of every length from 0 to 40 bytes (inlined and not),
     * ASCII and not. Each batch byte for byte as the row-by-row oracle, the whole stream as the oracle's of the same rows
     * read through JDBC (the values copied from DuckDB's memory), and a column is marked free of nulls only when it has none.
     */
    @Test
    void wideBatchesFromChunksAreTheRowByRowBytes() throws Exception {
        String[] sqlTypes = {"FLOAT", "DOUBLE", "INTEGER", "BIGINT", "SMALLINT", "BOOLEAN", "VARCHAR"};
        ColumnType[] types = {ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.INT, ColumnType.LONG, ColumnType.SHORT,
                ColumnType.BOOLEAN, ColumnType.STRING};
        List<ColumnDoc> columns = new java.util.ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int column = 0; column < 70; column++) {
            int kind = column % types.length;
            columns.add(ColumnDoc.of("c" + column, types[kind], "", "meta.code", "column " + column));
            // column % 3: 0 never null, 1 null in rows 3000-3499 only, 2 null in one row of 5
            String nullWhen = switch (column % 3) {
                case 0 -> "FALSE";
                case 1 -> "i BETWEEN 3000 AND 3499 AND i % 2 = 0";
                default -> "(i + " + column + ") % 5 = 0";
            };
            String value = switch (kind) {
                case 0 -> "CASE WHEN i % 13 = 1 THEN 'NaN'::FLOAT ELSE i / 7.0 END";
                case 1 -> "CASE WHEN i % 17 = 2 THEN 'NaN'::DOUBLE ELSE i * 1.25e10 END";
                case 2 -> "i * 7919 - 1000000";
                case 3 -> "i::BIGINT * 9876543210";
                case 4 -> "i % 65536 - 32768";
                case 5 -> "i % 3 = 0";
                default -> "CASE WHEN i % 97 = 5 THEN 'é' || repeat('x', i % 20) ELSE substr('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1 + i % 7, (i + "
                        + column + ") % 41) END";
            };
            sql.append(column == 0 ? "" : ", ").append("CASE WHEN ").append(nullWhen).append(" THEN NULL ELSE ").append(value)
                    .append(" END::").append(sqlTypes[kind]).append(" AS c").append(column);
        }
        sql.append(" FROM range(7000) AS t(i) ORDER BY i");
        Random random = new Random(11);
        int nullFreeSeen = 0;
        int withNullsSeen = 0;
        ByteArrayOutputStream fromChunks = new ByteArrayOutputStream();
        ByteArrayOutputStream fromJdbc = new ByteArrayOutputStream();
        try (Connection connection = DuckDbConnections.openInMemory();
                DuckDBPreparedStatement statement = connection.prepareStatement(sql.toString()).unwrap(DuckDBPreparedStatement.class);
                DuckDBChunkedResult chunks = statement.query()) {
            ColumnBatch batch = new ColumnBatch(columns);
            DuckDbChunkRows rows = new DuckDbChunkRows(chunks);
            Binary2Rows encoder = new Binary2Rows(batch.types);
            for (int filled = rows.fill(batch, 1 + random.nextInt(2048)); filled > 0; filled = rows.fill(batch, 1 + random.nextInt(2048))) {
                for (int column = 0; column < columns.size(); column++) {
                    boolean anyNull = false;
                    for (int row = 0; row < filled; row++) {
                        anyNull |= batch.isNull(column, row);
                    }
                    if (batch.nullFree[column]) {
                        assertThat(anyNull).as("column %d marked free of nulls", column).isFalse();
                        nullFreeSeen++;
                    } else if (anyNull) {
                        withNullsSeen++;
                    }
                }
                encoder.encode(batch);
                assertSameBytes(Arrays.copyOf(encoder.buffer(), encoder.size()), rowByRow(batch, columns));
                fromChunks.write(encoder.buffer(), 0, encoder.size());
            }
            // the values themselves: the same rows through JDBC, encoded by the oracle
            try (Statement jdbc = connection.createStatement(); ResultSet jdbcRows = jdbc.executeQuery(sql.toString())) {
                ColumnBatch jdbcBatch = new ColumnBatch(columns);
                ResultSetRows source = new ResultSetRows(jdbcRows);
                for (int filled = source.fill(jdbcBatch, 2048); filled > 0; filled = source.fill(jdbcBatch, 2048)) {
                    fromJdbc.write(rowByRow(jdbcBatch, columns));
                }
            }
        }
        assertSameBytes(fromChunks.toByteArray(), fromJdbc.toByteArray());
        assertThat(nullFreeSeen).as("column batches free of nulls (the path without null flags)").isPositive();
        assertThat(withNullsSeen).as("column batches with nulls").isPositive();
    }

    private static int compare(RowSource rows, List<ColumnDoc> columns) throws Exception {
        ColumnBatch batch = new ColumnBatch(columns);
        Binary2Rows encoder = new Binary2Rows(batch.types);
        int batches = 0;
        for (int filled = rows.fill(batch, 2048); filled > 0; filled = rows.fill(batch, 2048)) {
            encoder.encode(batch);
            assertSameBytes(Arrays.copyOf(encoder.buffer(), encoder.size()), rowByRow(batch, columns));
            batches++;
        }
        return batches;
    }

    /** Equal arrays, or a failure naming the first differing byte (not two dumps of 400 kB). */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        int mismatch = Arrays.mismatch(actual, expected);
        assertThat(mismatch).as("first differing byte of %d (expected %d bytes, actual %d)", mismatch, expected.length, actual.length)
                .isEqualTo(-1);
    }

    private static byte[] rowByRow(ColumnBatch batch, List<ColumnDoc> columns) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RowByRowBinary2(batch.types).write(batch, out);
        return out.toByteArray();
    }

    @Test
    void blockBase64IsTheMimeEncodersOutputAtEveryLength() throws Exception {
        Random random = new Random(7);
        int block = 57 * 1024;
        for (int length : new int[] {0, 1, 2, 3, 56, 57, 58, 114, block - 1, block, block + 1, 2 * block, 3 * block + 57, 500_000}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (OutputStream wrapped = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(expected)) {
                wrapped.write(data);
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            Base64Lines lines = new Base64Lines(actual);
            // written in uneven pieces, as batches come
            for (int from = 0; from < length; ) {
                int piece = Math.min(length - from, 1 + random.nextInt(90_000));
                lines.write(data, from, piece);
                from += piece;
            }
            lines.finish();
            assertThat(actual.toByteArray()).as("length %d", length).isEqualTo(expected.toByteArray());
        }
    }
}
