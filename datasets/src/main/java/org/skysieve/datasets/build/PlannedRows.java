package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.formats.ParquetTableWriter;

/**
 * The planned rows loaded into a DuckDB table (a file in the work folder), numbered in file order, from which shards are cut: the
 * features of a row range as a VOParquet file, its positions and its split counts. DuckDB runs on one thread here so
 * that a shard's Parquet bytes never depend on thread timing. One build thread uses it; close it when done.
 */
final class PlannedRows implements AutoCloseable {
    static final String ROW_NUMBER = "file_row_number";
    /** The key/value metadata keys this writer adds beside the VOParquet ones. */
    static final String DATASET_KEY = "skysieve.dataset.name";
    static final String SHARD_KEY = "skysieve.dataset.shard";
    static final String FIRST_ROW_KEY = "skysieve.dataset.first_row";
    static final String STATUS_KEY = "skysieve.dataset.status_meanings";
    private final Connection connection;
    private final PlannedDataset planned;

    /**
     * @param database  the DuckDB file to load the rows into (replaced; in the work folder, so that a large dataset
     *                  is paged from disk within a bounded memory rather than held in memory)
     */
    PlannedRows(PlannedDataset planned, Path database) throws SQLException, IOException {
        this(planned, database, 0, planned.rowCount());
    }

    /**
     * Loads only rows {@code [firstRow, firstRow + rowCount)} of the planned rows (their row numbers kept): what one
     * shard written on its own needs ({@link ShardTask}). The shard's files are the same bytes as when cut from all rows.
     */
    PlannedRows(PlannedDataset planned, Path database, long firstRow, long rowCount) throws SQLException, IOException {
        this.planned = requireNonNull(planned, "planned is null");
        if (firstRow < 0 || rowCount < 0 || firstRow + rowCount > planned.rowCount()) {
            throw new IllegalArgumentException("Expected rows within [0, " + planned.rowCount() + "). Actual: "
                    + firstRow + " + " + rowCount);
        }
        java.nio.file.Files.deleteIfExists(database);
        java.nio.file.Files.deleteIfExists(Path.of(database + ".wal"));
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        connection = DriverManager.getConnection("jdbc:duckdb:" + database, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET preserve_insertion_order = true");
            statement.execute("SET memory_limit = '1GB'");
            statement.execute("SET temp_directory = " + SqlText.literal(database.resolveSibling("rows-spill").toString()));
            statement.execute("SET threads = 1");
            statement.execute("CREATE TABLE planned AS SELECT * FROM read_parquet("
                    + SqlText.literal(planned.rows().toString()) + ", file_row_number = true)"
                    + (firstRow == 0 && rowCount == planned.rowCount() ? "" : " WHERE " + range(firstRow, rowCount)));
        }
        checkContract(rowCount);
    }

    /** The rows file has the documented columns, in order, after the five fixed ones, and the announced count. */
    private void checkContract(long expectedRows) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE planned")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        names.remove(ROW_NUMBER);
        List<String> documented = planned.columns().stream().map(ColumnDoc::name).toList();
        List<String> fixed = List.of("object_id", "ra", "dec", "split", "split_cell");
        if (!names.equals(documented) || names.size() < fixed.size() || !names.subList(0, 5).equals(fixed)) {
            throw new DatasetBuildException(DatasetBuildException.Reason.PLAN_CONTRACT, "Expected the planned rows"
                    + " to start with " + fixed + " and hold the documented columns " + documented + ". Actual: "
                    + names);
        }
        long count = count("TRUE");
        if (count != expectedRows) {
            throw new DatasetBuildException(DatasetBuildException.Reason.PLAN_CONTRACT, "Expected "
                    + expectedRows + " planned rows. Actual: " + count + " in " + planned.rows());
        }
    }

    private long count(String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM planned WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String range(long firstRow, long rowCount) {
        return ROW_NUMBER + " >= " + firstRow + " AND " + ROW_NUMBER + " < " + (firstRow + rowCount);
    }

    /** Writes rows {@code [firstRow, firstRow + rowCount)} to {@code file}: zstd Parquet with the documentation. */
    void writeFeatures(String datasetName, int shard, long firstRow, long rowCount, Path file) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>(ParquetTableWriter.voParquetMetadata(planned.columns(), false));
        metadata.put(DATASET_KEY, datasetName);
        metadata.put(SHARD_KEY, Integer.toString(shard));
        metadata.put(FIRST_ROW_KEY, Long.toString(firstRow));
        metadata.put(STATUS_KEY, StatusColumns.wordsAndMeanings());
        StringBuilder keys = new StringBuilder();
        metadata.forEach((key, value) -> keys.append(keys.length() == 0 ? "" : ", ").append(SqlText.literal(key))
                .append(": ").append(SqlText.literal(value)));
        // Copied into a fresh temporary table first: DuckDB's Parquet writer encodes differently what it reads from a
        // compressed table segment (as the table of all rows is stored) and from an uncompressed one (a shard's rows
        // loaded alone, as on Spark); from a fresh temporary table of the same rows, the bytes are the same either way.
        String sql = "COPY shard_rows TO " + SqlText.literal(file.toString())
                + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA {" + keys + "})";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE shard_rows AS SELECT * EXCLUDE (" + ROW_NUMBER
                    + ") FROM planned WHERE " + range(firstRow, rowCount) + " ORDER BY " + ROW_NUMBER);
            statement.execute(sql);
            statement.execute("DROP TABLE shard_rows");
        } catch (SQLException e) {
            throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes rows {@code [firstRow, firstRow + rowCount)} to {@code file}: a NumPy structured array ({@link FeaturesNpy}). */
    FileChecksum writeFeaturesNpy(long firstRow, int rowCount, Path file) throws IOException, SQLException {
        return FeaturesNpy.write(connection, "planned", ROW_NUMBER, planned.columns(), firstRow, rowCount, file);
    }

    /** The positions of rows {@code [firstRow, firstRow + rowCount)}: {@code [0]} ra, {@code [1]} dec (NaN if null). */
    double[][] positions(long firstRow, int rowCount) throws SQLException {
        double[][] positions = new double[2][rowCount];
        try (PreparedStatement statement = connection.prepareStatement("SELECT ra, dec FROM planned WHERE "
                + range(firstRow, rowCount) + " ORDER BY " + ROW_NUMBER);
                ResultSet rows = statement.executeQuery()) {
            int row = 0;
            while (rows.next()) {
                double ra = rows.getDouble(1);
                positions[0][row] = rows.wasNull() ? Double.NaN : ra;
                double dec = rows.getDouble(2);
                positions[1][row] = rows.wasNull() ? Double.NaN : dec;
                row++;
            }
        }
        return positions;
    }

    /** Split name to number of rows in {@code [firstRow, firstRow + rowCount)}. */
    Map<String, Long> splitCounts(long firstRow, long rowCount) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT split, count(*) FROM planned WHERE "
                        + range(firstRow, rowCount) + " GROUP BY split")) {
            while (rows.next()) {
                counts.put(String.valueOf(rows.getString(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    /** For documentation: the status words a features file may hold. */
    static List<String> statusWords() {
        return java.util.Arrays.stream(MissingStatus.values()).map(MissingStatus::word).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
