package org.skysieve.datasets.plan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.HealpixSqlFunction;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableFiles;
import org.skysieve.xmatch.TableReader;

/**
 * The planner's own embedded DuckDB: in memory, spilling to the work folder beyond {@value #MEMORY_LIMIT}, with a fixed
 * thread count and insertion order kept (so that results do not depend on scheduling). Only SQL the planner generates
 * runs here (names of checked columns, quoted); user expressions go through the query engine. One thread; close it.
 */
final class PlanDatabase implements AutoCloseable {
    static final String MEMORY_LIMIT = "1GB";
    private final Connection connection;
    private final Path workFolder;

    PlanDatabase(Path workFolder, int threads) {
        this.workFolder = requireNonNull(workFolder, "workFolder is null");
        try {
            Files.createDirectories(workFolder.resolve("duckdb-spill"));
            connection = DuckDbConnections.openInMemory();
            HealpixSqlFunction.register(connection);
            execute("SET threads = " + threads);
            execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            execute("SET temp_directory = " + SqlText.literal(workFolder.resolve("duckdb-spill").toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the work folder " + workFolder, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB for planning: " + e.getMessage(), e);
        }
    }

    Path workFolder() {
        return workFolder;
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Planning step failed: " + firstLine(e.getMessage()) + "\nSQL: " + sql, e);
        }
    }

    long count(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Planning step failed: " + firstLine(e.getMessage()) + "\nSQL: " + sql, e);
        }
    }

    /** The rows of {@code sql} as text (null cells as null), for small results. */
    List<List<String>> rows(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rows.getString(c));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Planning step failed: " + firstLine(e.getMessage()) + "\nSQL: " + sql, e);
        }
    }

    LoadedTable load(String source, String sql) {
        try {
            return TableReader.readSql(connection, source, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Planning step failed: " + firstLine(e.getMessage()) + "\nSQL: " + sql, e);
        }
    }

    /** Stores {@code table} as the DuckDB table {@code name} (through a Parquet file in the work folder). */
    void store(String name, LoadedTable table) {
        Path file = workFolder.resolve(name + ".parquet");
        TableFiles.write(table, file);
        execute("CREATE OR REPLACE TABLE " + SqlText.identifier(name) + " AS SELECT * FROM read_parquet(" + literal(file) + ")");
    }

    static String literal(Path file) {
        return SqlText.literal(file.toAbsolutePath().toString());
    }

    static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close DuckDB: " + e.getMessage(), e);
        }
    }
}
