package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.formats.ParquetCodec;
import org.skysieve.formats.StreamingParquetWriter;

/**
 * The Parquet files of skysieve's own writer (TAP's {@code RESPONSEFORMAT=parquet}) read by parquet-mr, the reference
 * implementation, through Spark: the same cells as DuckDB reads (nulls, NaN, UTF-8, dictionary and PLAIN strings, several
 * row groups, each codec), and a filter on the sorted id answered alike (row groups skipped by their statistics).
 */
class SparkReadsStreamedParquetTest {
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
            ColumnDoc.of("x", ColumnType.DOUBLE, "deg", "pos.eq.ra", "a double"),
            ColumnDoc.of("m", ColumnType.FLOAT, "mag", "phot.mag", "a float"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code", "an int"),
            ColumnDoc.of("n", ColumnType.SHORT, "", "meta.number", "a short"),
            ColumnDoc.of("ok", ColumnType.BOOLEAN, "", "meta.code", "a boolean"),
            ColumnDoc.of("status", ColumnType.STRING, "", "meta.code.status", "few values"),
            ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "many values"));
    private static final String SQL = "SELECT i::BIGINT AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL WHEN i % 11 = 5 THEN 'NaN'::DOUBLE ELSE i * 0.37 - 50 END::DOUBLE AS x,"
            + " CASE WHEN i % 5 = 1 THEN NULL WHEN i % 9 = 2 THEN 'NaN'::FLOAT ELSE 18 + i / 100.0 END::FLOAT AS m,"
            + " CASE WHEN i % 6 = 4 THEN NULL ELSE i % 65536 END::INTEGER AS flags,"
            + " CASE WHEN i % 8 = 7 THEN NULL ELSE i % 300 - 150 END::SMALLINT AS n,"
            + " CASE WHEN i % 4 = 2 THEN NULL ELSE i % 3 = 0 END AS ok,"
            + " CASE i % 5 WHEN 0 THEN 'detected' WHEN 1 THEN 'undetected' WHEN 2 THEN NULL WHEN 3 THEN '' ELSE 'faint' END AS status,"
            + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 'é' || i ELSE '星表 ' || i || ' 😀' END AS label"
            + " FROM range(20000) AS t(i) ORDER BY i";

    @TempDir
    Path folder;

    @Test
    void parquetMrReadsTheCellsDuckDbReads() throws Exception {
        for (ParquetCodec codec : ParquetCodec.values()) {
            Path file = folder.resolve("result-" + codec + ".parquet");
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
                try (ResultSet rows = statement.executeQuery(SQL); OutputStream out = Files.newOutputStream(file)) {
                    new StreamingParquetWriter(folder, codec, 4096).write(COLUMNS, rows, Long.MAX_VALUE, out);
                }
                List<List<Object>> expected = duckDbRows(statement, "SELECT * FROM read_parquet('" + file + "') ORDER BY id");
                List<List<Object>> actual = sparkRows(TestSpark.session().read().parquet(file.toString()).orderBy("id").collectAsList());
                assertThat(actual).as(codec.name()).hasSize(20_000).isEqualTo(expected);
                if (codec != ParquetCodec.UNCOMPRESSED) {
                    continue; // the filter reads the statistics, whatever the codec: once is enough (Spark jobs take seconds)
                }
                List<List<Object>> filtered = sparkRows(TestSpark.session().read().parquet(file.toString())
                        .where("id BETWEEN 5000 AND 5100 AND status = 'faint'").orderBy("id").collectAsList());
                assertThat(filtered).as(codec.name()).isEqualTo(duckDbRows(statement, "SELECT * FROM read_parquet('" + file
                        + "') WHERE id BETWEEN 5000 AND 5100 AND status = 'faint' ORDER BY id")).hasSize(20);
            }
        }
    }

    private static List<List<Object>> duckDbRows(Statement statement, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= COLUMNS.size(); c++) {
                    Object value = switch (COLUMNS.get(c - 1).type()) {
                        case SHORT -> result.getShort(c);
                        case INT -> result.getInt(c);
                        case LONG -> result.getLong(c);
                        case FLOAT -> result.getFloat(c);
                        case DOUBLE -> result.getDouble(c);
                        case BOOLEAN -> result.getBoolean(c);
                        default -> result.getString(c);
                    };
                    row.add(result.wasNull() ? null : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<Object>> sparkRows(List<Row> rows) {
        List<List<Object>> values = new ArrayList<>();
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                cells.add(row.get(c));
            }
            values.add(cells);
        }
        return values;
    }
}
