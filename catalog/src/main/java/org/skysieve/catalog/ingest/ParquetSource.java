package org.skysieve.catalog.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exposes a Parquet file to SQL through DuckDB's {@code read_parquet}: nothing is copied, the checks stream over
 * the file. Parquet carries no units here (they are taken from the descriptor).
 */
final class ParquetSource {
    private ParquetSource() {
    }

    static LoadedSource load(Connection connection, Path file, List<String> wanted, ProgressMeter progress) {
        String reader = "read_parquet(" + Sql.literal(file.toString()) + ", file_row_number = true)";
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        long rows;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + Sql.literal(file.toString()) + ")")) {
                while (result.next()) {
                    names.add(result.getString("column_name"));
                    types.add(result.getString("column_type"));
                }
            }
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(file.toString()) + ")")) {
                result.next();
                rows = result.getLong(1);
            }
        } catch (SQLException e) {
            throw IngestException.inFile(file, "Cannot read as Parquet: " + CsvSource.firstLine(e.getMessage()), e);
        }
        Map<String, Integer> found = ColumnMatcher.match(file, names, wanted);
        Map<String, SourceColumn> columns = new LinkedHashMap<>();
        StringBuilder select = new StringBuilder("file_row_number");
        int position = 0;
        for (Map.Entry<String, Integer> entry : found.entrySet()) {
            String type = types.get(entry.getValue());
            if (!isScalar(type)) {
                throw IngestException.inFile(file, "Column " + names.get(entry.getValue()) + " has type " + type
                        + ". Expected numbers, booleans or text", null);
            }
            String alias = "c" + position++;
            select.append(", ").append(Sql.identifier(names.get(entry.getValue()))).append(" AS ").append(alias);
            columns.put(entry.getKey(), new SourceColumn(names.get(entry.getValue()), alias, type, Optional.empty()));
        }
        progress.fileDone(file.getFileName().toString(), rows);
        return new LoadedSource(file, "(SELECT " + select + " FROM " + reader + ")", "(file_row_number + 1)", columns,
                RowNumbering.identity(), rows, List.of());
    }

    private static boolean isScalar(String type) {
        return type.equals("BOOLEAN") || type.equals("VARCHAR") || type.equals("DOUBLE") || type.equals("FLOAT") || type.startsWith("DECIMAL")
                || type.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)");
    }
}
