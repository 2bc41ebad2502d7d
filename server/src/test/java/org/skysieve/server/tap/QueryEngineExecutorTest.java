package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.formats.ParquetTableWriter;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.TableWriters;
import org.skysieve.formats.WriteSummary;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The real engine behind TAP: the chunked rows write what JDBC rows write; the direct Parquet copy agrees with the
 * row-by-row writer; errors keep their position.
 */
class QueryEngineExecutorTest {
    @TempDir
    static Path work;

    private static QueryEngineExecutor executor;

    @BeforeAll
    static void open() {
        executor = QueryEngineExecutor.open(TinyArchive.get(), work);
    }

    @AfterAll
    static void close() throws Exception {
        executor.close();
    }

    @Test
    void theDirectParquetCopyHasTheRowsAndMetadataOfTheRowByRowWriter() throws Exception {
        String adql = "SELECT s.id, s.ra, s.ra, s.mag_r, s.flags, s.name FROM deep_optical.sources AS s ORDER BY s.id";
        long rows = countRows(adql);
        for (long maxrec : new long[] {0, 5, rows - 1, rows, rows + 10}) {
            Path spool = work.resolve("spool");
            AdqlExecutor.ParquetResult direct = executor.executeToParquet(adql, maxrec, List.of(), Duration.ofMinutes(1), spool).orElseThrow();
            Path byRow = work.resolve("by-row-" + maxrec + ".parquet");
            WriteSummary summary;
            try (ExecutedQuery query = executor.execute(adql, maxrec, List.of(), Duration.ofMinutes(1));
                    OutputStream out = Files.newOutputStream(byRow)) {
                summary = TableWriters.forFormat(TableFormat.PARQUET, spool).write(query.columns(), query.xtypes(), query.rows(), maxrec, out);
            }
            assertThat(direct.summary()).as("MAXREC %d", maxrec).isEqualTo(summary);
            assertThat(direct.summary().overflow()).isEqualTo(maxrec < rows);
            assertThat(contents(direct.file())).as("MAXREC %d", maxrec).isEqualTo(contents(byRow));
            assertThat(metadata(direct.file())).isEqualTo(metadata(byRow)).hasSize(2);
            Files.delete(direct.file());
        }
    }

    @Test
    void theChunkedResultsWriteTheSameBytesAsJdbcRowsOnASurvey() throws Exception {
        // every column of a survey (status strings, flags, nulls, NaN) and a cone, cut and not cut
        String adql = "SELECT TOP 5000 * FROM deep_optical.sources ORDER BY id";
        for (TableFormat format : new TableFormat[] {TableFormat.VOTABLE_BINARY2, TableFormat.VOTABLE_TABLEDATA, TableFormat.CSV,
                TableFormat.FITS}) {
            for (long maxrec : new long[] {3, 2049, 100_000}) {
                java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
                WriteSummary chunkedSummary;
                try (ExecutedQuery query = executor.execute(adql, maxrec, List.of(), Duration.ofMinutes(1))) {
                    chunkedSummary = TableWriters.forFormat(format, work.resolve("spool")).write(query.columns(), query.xtypes(), query.rows(),
                            maxrec, chunked);
                }
                java.io.ByteArrayOutputStream jdbc = new java.io.ByteArrayOutputStream();
                WriteSummary jdbcSummary;
                try (org.skysieve.query.QueryResult result = executor.engine().execute(adql,
                        org.skysieve.query.QueryOptions.of(maxrec, Duration.ofMinutes(1)))) {
                    jdbcSummary = TableWriters.forFormat(format, work.resolve("spool")).write(result.columns(), result.rows(), maxrec, jdbc);
                }
                assertThat(chunkedSummary).as("%s MAXREC %d", format, maxrec).isEqualTo(jdbcSummary);
                assertThat(chunkedSummary.rows()).isPositive();
                assertThat(java.util.Arrays.equals(chunked.toByteArray(), jdbc.toByteArray())).as("%s MAXREC %d", format, maxrec).isTrue();
            }
        }
    }

    @Test
    void anAdqlErrorIsABadRequestWithItsPositionInBothPaths() {
        String adql = "SELECT id\nFROM deep_optical.sources\nWHERE nothing = 1";
        assertThatThrownBy(() -> executor.execute(adql, 10, List.of(), Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST))
                .hasMessageContaining("error at 3:7");
        assertThatThrownBy(() -> executor.executeToParquet(adql, 10, List.of(), Duration.ofMinutes(1), work.resolve("spool")))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST))
                .hasMessageContaining("error at 3:7");
    }

    @Test
    void aSpoolFolderOutsideTheWorkFolderFallsBackToTheRowByRowWriter(@TempDir Path elsewhere) {
        assertThat(executor.executeToParquet("SELECT TOP 1 id FROM deep_optical.sources", 10, List.of(), Duration.ofMinutes(1),
                elsewhere)).isEmpty();
    }

    private static long countRows(String adql) throws Exception {
        try (ExecutedQuery query = executor.execute(adql, Long.MAX_VALUE - 2, List.of(), Duration.ofMinutes(1))) {
            long rows = 0;
            org.skysieve.formats.ColumnBatch batch = new org.skysieve.formats.ColumnBatch(query.columns());
            for (int filled = query.rows().fill(batch, org.skysieve.formats.ColumnBatch.CAPACITY); filled > 0; filled = query.rows().fill(batch, org.skysieve.formats.ColumnBatch.CAPACITY)) {
                rows += filled;
            }
            return rows;
        }
    }

    private static List<List<Object>> contents(Path parquet) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection duckdb = DuckDbConnections.openInMemory(); Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM read_parquet(" + SqlText.literal(parquet.toString()) + ")")) {
            ResultSetMetaData meta = result.getMetaData();
            List<Object> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i) + " " + meta.getColumnTypeName(i));
            }
            rows.add(header);
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> metadata(Path parquet) throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection duckdb = DuckDbConnections.openInMemory(); Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                        + SqlText.literal(parquet.toString()) + ") WHERE decode(key) LIKE 'IVOA%' ORDER BY 1")) {
            while (result.next()) {
                entries.add(result.getString(1) + "=" + result.getString(2));
            }
        }
        assertThat(entries.stream().anyMatch(e -> e.startsWith(ParquetTableWriter.VOPARQUET_CONTENT_KEY))).isTrue();
        return entries;
    }
}
