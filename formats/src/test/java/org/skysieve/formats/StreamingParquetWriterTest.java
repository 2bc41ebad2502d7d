package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.duckdb.DuckDBChunkedResult;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Statistics;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.ParquetFooters;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * skysieve's own Parquet writer against DuckDB's (the former TAP path, {@link ParquetTableWriter}): DuckDB reads the
 * same cells, column names and types and the same VOParquet metadata from both files, for every column type with
 * nulls, NaN, infinities, -0.0, extreme integers, UTF-8 strings (accents, CJK, outside the BMP, empty), an all-null and
 * an all-NaN column, at every row limit (overflow marked), with row groups of several sizes and every codec, from
 * DuckDB's chunks and from JDBC rows; the statistics of every column chunk equal the min, max and null count DuckDB
 * computes over that row group's rows (NaN left out), with a dictionary (few distinct strings) or without (many, given up
 * midway); a failing reader, a failing output and an interrupt end the write
 * with that error, no footer and no encoder thread left.
 */
class StreamingParquetWriterTest {
    private static final int ROWS = 9_001;
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
            ColumnDoc.of("x", ColumnType.DOUBLE, "deg", "pos.eq.ra", "a double"),
            ColumnDoc.of("m", ColumnType.FLOAT, "mag", "phot.mag", "a float"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code", "an int"),
            ColumnDoc.of("n", ColumnType.SHORT, "", "meta.number", "a short"),
            ColumnDoc.of("ok", ColumnType.BOOLEAN, "", "meta.code", "a boolean"),
            ColumnDoc.of("status", ColumnType.STRING, "", "meta.code.status", "a short string"),
            ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "a string of any length"),
            ColumnDoc.of("nothing", ColumnType.DOUBLE, "", "meta.number", "always null"),
            ColumnDoc.of("nan", ColumnType.FLOAT, "", "meta.number", "always NaN"),
            ColumnDoc.of("x", ColumnType.INT, "", "meta.number", "a repeated name"));
    private static final String SQL = "SELECT CASE WHEN i = 17 THEN 9223372036854775807 WHEN i = 18 THEN -9223372036854775808"
            + "      WHEN i % 29 = 4 THEN NULL ELSE i * 1000003 END::BIGINT AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL WHEN i % 11 = 5 THEN 'NaN'::DOUBLE WHEN i % 13 = 6 THEN 'Infinity'::DOUBLE"
            + "      WHEN i % 13 = 7 THEN '-Infinity'::DOUBLE WHEN i = 20 THEN -0.0 ELSE i * 0.37 - 50 END::DOUBLE AS x,"
            + " CASE WHEN i % 5 = 1 THEN NULL WHEN i % 9 = 2 THEN 'NaN'::FLOAT WHEN i % 17 = 3 THEN '-Infinity'::FLOAT"
            + "      ELSE 18 + i / 100.0 END::FLOAT AS m,"
            + " CASE WHEN i % 6 = 4 THEN NULL WHEN i = 22 THEN -2147483648 WHEN i = 24 THEN 2147483647 ELSE i % 65536 END::INTEGER AS flags,"
            + " CASE WHEN i % 8 = 7 THEN NULL WHEN i = 23 THEN -32768 ELSE i % 300 - 150 END::SMALLINT AS n,"
            + " CASE WHEN i % 4 = 2 THEN NULL WHEN i >= 4100 AND i < 8200 THEN true ELSE i % 3 = 0 END AS ok,"
            + " CASE i % 5 WHEN 0 THEN 'detected' WHEN 1 THEN 'undetected' WHEN 2 THEN NULL WHEN 3 THEN '' ELSE 'twelve_bytes' END AS status,"
            + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 5 = 1 THEN 'thirteen_byte' WHEN i % 5 = 2 THEN 'é' || i"
            + "      WHEN i % 5 = 3 THEN '星表 ' || repeat('x', i % 40) || ' 😀' ELSE 'a longer label with, \"quotes\" & <tags> ' || i END AS label,"
            + " NULL::DOUBLE AS nothing, 'NaN'::FLOAT AS nan, (i % 3)::INTEGER AS x2"
            + " FROM range(ROW_COUNT) AS t(i) ORDER BY i";
    private static Connection connection;

    @TempDir
    static Path folder;

    @BeforeAll
    static void open() throws SQLException {
        connection = DuckDbConnections.openInMemory();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void duckDbReadsTheCellsAndMetadataOfDuckDbsOwnFile() throws Exception {
        Path oracle = folder.resolve("oracle.parquet");
        int variant = 0;
        for (int rows : new int[] {0, 1, 2048, ROWS}) {
            for (long maxRows : new long[] {Long.MAX_VALUE, rows, rows - 1, 2049, 0}) {
                if (maxRows < 0) {
                    continue;
                }
                WriteSummary expected;
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql(rows));
                        OutputStream out = Files.newOutputStream(oracle)) {
                    expected = new ParquetTableWriter(folder).write(COLUMNS, result, maxRows, out);
                }
                ParquetCodec codec = ParquetCodec.values()[variant % ParquetCodec.values().length];
                int rowGroupRows = new int[] {StreamingParquetWriter.DEFAULT_ROW_GROUP_ROWS, 1, 3000, 4096}[variant % 4];
                boolean fromChunks = variant % 2 == 0;
                variant++;
                Path written = folder.resolve("written.parquet");
                WriteSummary summary = write(rows, maxRows, new StreamingParquetWriter(folder, codec, rowGroupRows), fromChunks, written);
                String what = rows + " rows, MAXREC " + maxRows + ", " + codec + ", row groups of " + rowGroupRows
                        + (fromChunks ? ", chunks" : ", JDBC");

                assertThat(summary).as(what).isEqualTo(expected);
                assertThat(cells(written)).as(what).isEqualTo(cells(oracle)).hasSize((int) summary.rows());
                assertThat(describe(written)).as(what).isEqualTo(describe(oracle));
                assertThat(keyValues(written)).as(what).isEqualTo(keyValues(oracle)).hasSize(2);
            }
        }
    }

    @Test
    void everyColumnChunkCarriesTheMinMaxAndNullCountOfItsRows() throws Exception {
        int rowGroupRows = 4096;
        Path written = folder.resolve("statistics.parquet");
        write(ROWS, Long.MAX_VALUE, new StreamingParquetWriter(folder, ParquetCodec.UNCOMPRESSED, rowGroupRows), true, written);
        FileMetaData footer = ParquetFooters.read(written);
        List<String> names = ParquetTableWriter.fileColumnNames(COLUMNS);
        String file = SqlText.literal(written.toString());
        assertThat(footer.getRow_groups()).hasSize((ROWS + rowGroupRows - 1) / rowGroupRows);
        int withMinMax = 0;
        try (Statement statement = connection.createStatement()) {
            for (int g = 0; g < footer.getRow_groups().size(); g++) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    ColumnType type = COLUMNS.get(c).type();
                    String quoted = SqlText.identifier(names.get(c));
                    String valueOnly = type == ColumnType.FLOAT || type == ColumnType.DOUBLE ? " FILTER (WHERE NOT isnan(" + quoted + "))" : "";
                    String sql = "SELECT min(" + quoted + ")" + valueOnly + ", max(" + quoted + ")" + valueOnly + ", count(*) - count(" + quoted
                            + ") FROM (SELECT * FROM read_parquet(" + file + ") LIMIT " + rowGroupRows + " OFFSET " + (long) g * rowGroupRows + ")";
                    Statistics statistics = footer.getRow_groups().get(g).getColumns().get(c).getMeta_data().getStatistics();
                    String where = names.get(c) + " in row group " + g;
                    try (ResultSet result = statement.executeQuery(sql)) {
                        assertThat(result.next()).isTrue();
                        Object min = Cells.read(result, 1, type);
                        Object max = Cells.read(result, 2, type);
                        assertThat(statistics.getNull_count()).as(where).isEqualTo(result.getLong(3));
                        assertThat(statistics.isSetMin_value()).as(where).isEqualTo(min != null);
                        if (min != null) {
                            assertThat(plain(statistics.getMin_value(), type)).as(where + " min").isEqualTo(min);
                            assertThat(plain(statistics.getMax_value(), type)).as(where + " max").isEqualTo(max);
                            withMinMax++;
                        }
                    }
                }
            }
        }
        // status words (5 values) take a dictionary in every row group; labels (thousands of values) give it up midway
        for (var group : footer.getRow_groups()) {
            assertThat(group.getColumns().get(6).getMeta_data().getEncodings()).contains(org.apache.parquet.format.Encoding.RLE_DICTIONARY);
            assertThat(group.getColumns().get(6).getMeta_data().isSetDictionary_page_offset()).isTrue();
            // the last group's 809 rows have fewer distinct labels than the dictionary holds
            assertThat(group.getColumns().get(7).getMeta_data().getEncodings().contains(org.apache.parquet.format.Encoding.RLE_DICTIONARY))
                    .isEqualTo(group.getNum_rows() < rowGroupRows);
        }
        // every column but the all-null and all-NaN ones has a min and max in every row group
        assertThat(withMinMax).isEqualTo((COLUMNS.size() - 2) * footer.getRow_groups().size());
    }

    /** A PLAIN-encoded statistics value as the Java value of its column type. */
    private static Object plain(byte[] bytes, ColumnType type) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case BOOLEAN -> bytes[0] != 0;
            case SHORT -> (short) buffer.getInt();
            case INT -> buffer.getInt();
            case LONG -> buffer.getLong();
            case FLOAT -> buffer.getFloat();
            case DOUBLE -> buffer.getDouble();
            case STRING -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("no statistics for " + type);
        };
    }

    @Test
    void aFailingReaderEndsTheWriteWithoutAFooterAndWithoutAThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSource failing = failingAfter(new ResultSetRows(connection.createStatement().executeQuery(sql(ROWS))), 3);

        assertThatThrownBy(() -> new StreamingParquetWriter(folder, ParquetCodec.UNCOMPRESSED, 2048).write(COLUMNS,
                List.of(), failing, Long.MAX_VALUE, out)).isInstanceOf(SQLException.class).hasMessageContaining("batch 3");
        // how many row groups went out before the failure depends on the threads' timing; never a footer
        Path partial = folder.resolve("partial.parquet");
        Files.write(partial, out.toByteArray());
        assertThat(new String(out.toByteArray(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThatThrownBy(() -> cells(partial)).isInstanceOf(SQLException.class);
        assertThat(encoderThreads()).isZero();
    }

    @Test
    void aFailingOutputIsThrownAsItselfAndEndsTheEncoder() throws Exception {
        IOException gone = new IOException("the client went away");
        OutputStream failing = new OutputStream() {
            private long bytes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                bytes += len;
                if (bytes > 100_000) {
                    throw gone;
                }
            }
        };
        try (ResultSet result = connection.createStatement().executeQuery(sql(ROWS))) {
            assertThatThrownBy(() -> new StreamingParquetWriter(folder, ParquetCodec.UNCOMPRESSED, 2048).write(COLUMNS,
                    List.of(), new ResultSetRows(result), Long.MAX_VALUE, failing)).isSameAs(gone);
        }
        assertThat(encoderThreads()).isZero();
    }

    @Test
    void anInterruptedCallerStopsTheEncoderAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream blocking = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 4 && b[0] == 'P') {
                    return; // the magic: let the first row group be the one that blocks
                }
                writing.countDown();
                try {
                    Thread.sleep(60_000); // a client that reads nothing: only an interrupt ends this
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted in write");
                }
            }
        };
        Throwable[] thrown = new Throwable[1];
        boolean[] flag = new boolean[1];
        Thread caller = new Thread(() -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql(100_000))) {
                new StreamingParquetWriter(folder, ParquetCodec.UNCOMPRESSED, 2048).write(COLUMNS, List.of(), new ResultSetRows(result),
                        Long.MAX_VALUE, blocking);
            } catch (Throwable throwable) {
                thrown[0] = throwable;
            }
            flag[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        writing.await();
        caller.interrupt();
        caller.join(30_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(InterruptedIOException.class);
        assertThat(flag[0]).isTrue();
        assertThat(encoderThreads()).isZero();
    }

    private static String sql(int rows) {
        return SQL.replace("ROW_COUNT", Integer.toString(rows));
    }

    private static WriteSummary write(int rows, long maxRows, TableWriter writer, boolean fromChunks, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (fromChunks) {
                try (DuckDBPreparedStatement statement = connection.prepareStatement(sql(rows)).unwrap(DuckDBPreparedStatement.class);
                        DuckDBChunkedResult chunks = statement.query()) {
                    return writer.write(COLUMNS, List.of(), new DuckDbChunkRows(chunks), maxRows, out);
                }
            }
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql(rows))) {
                return writer.write(COLUMNS, result, maxRows, out);
            }
        }
    }

    /** Every cell as DuckDB reads it (boxed: NaN equals NaN, -0.0 differs from 0.0), rows in file order. */
    private static List<List<Object>> cells(Path file) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM read_parquet(" + SqlText.literal(file.toString()) + ")")) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    row.add(Cells.read(result, c + 1, COLUMNS.get(c).type()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> describe(Path file) throws SQLException {
        return strings("SELECT column_name || ' ' || column_type || ' ' || \"null\" FROM (DESCRIBE SELECT * FROM read_parquet("
                + SqlText.literal(file.toString()) + "))");
    }

    private static List<String> keyValues(Path file) throws SQLException {
        return strings("SELECT decode(key) || '=' || decode(value) FROM parquet_kv_metadata(" + SqlText.literal(file.toString())
                + ") ORDER BY 1");
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** The rows of {@code source} until batch {@code failAt} (from 0), which fails. */
    private static RowSource failingAfter(RowSource source, int failAt) {
        int[] batches = new int[1];
        return (batch, maxRows) -> {
            if (batches[0]++ == failAt) {
                throw new SQLException("Expected batch " + failAt + " to be read. Actual: a failure (test)");
            }
            return source.fill(batch, maxRows);
        };
    }

    private static long encoderThreads() throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            long alive = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("parquet-encoder")).count();
            if (alive == 0) {
                return 0;
            }
            Thread.sleep(10);
        }
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("parquet-encoder")).count();
    }
}
