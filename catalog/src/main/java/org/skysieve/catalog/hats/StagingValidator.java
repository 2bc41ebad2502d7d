package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * Checks staging Parquet against the documentation of its table before anything is written: the columns must be
 * exactly the documented ones (by name, case-insensitively, with a type that converts to the documented one without
 * loss of meaning), and every position must be finite, ra in [0, 360] and dec in [-90, 90] degrees.
 *
 * <p>Errors are {@link HatsException}s naming the missing or extra column, or the file and row of a bad position.
 */
final class StagingValidator {
    /** DuckDB types each documented type accepts from staging (widening conversions only, plus integers to reals). */
    private static final Map<ColumnType, Set<String>> ACCEPTED = Map.of(
            ColumnType.BOOLEAN, Set.of("BOOLEAN"),
            ColumnType.SHORT, Set.of("TINYINT", "UTINYINT", "SMALLINT"),
            ColumnType.INT, Set.of("TINYINT", "UTINYINT", "SMALLINT", "USMALLINT", "INTEGER"),
            ColumnType.LONG, Set.of("TINYINT", "UTINYINT", "SMALLINT", "USMALLINT", "INTEGER", "UINTEGER", "BIGINT"),
            ColumnType.FLOAT, Set.of("FLOAT", "TINYINT", "UTINYINT", "SMALLINT", "USMALLINT"),
            ColumnType.DOUBLE, Set.of("DOUBLE", "FLOAT", "TINYINT", "UTINYINT", "SMALLINT", "USMALLINT", "INTEGER", "UINTEGER", "BIGINT", "DECIMAL"),
            ColumnType.STRING, Set.of("VARCHAR"));

    private StagingValidator() {
    }

    /**
     * Checks the columns and returns, for each documented column in documented order, the name it has in staging.
     *
     * @param source a DuckDB table expression reading the staging files, e.g. {@code read_parquet('...')}
     */
    static List<String> checkColumns(Connection connection, String source, CatalogTable table, String healpixColumn) throws SQLException {
        requireNonNull(table, "table is null");
        Map<String, String> stagingTypes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (columns.next()) {
                stagingTypes.put(columns.getString("column_name"), columns.getString("column_type"));
            }
        }
        for (ColumnDoc column : table.columns()) {
            if (column.name().equalsIgnoreCase(healpixColumn)) {
                throw new HatsException("Table " + table.name() + " documents column " + column.name()
                        + ", the HEALPix index the writer computes; expected it absent from the documentation");
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> stagingNames = new ArrayList<>();
        List<String> wrongTypes = new ArrayList<>();
        for (ColumnDoc column : table.columns()) {
            String stagingName = findIgnoringCase(stagingTypes, column.name());
            if (stagingName == null) {
                missing.add(column.name());
                continue;
            }
            stagingNames.add(stagingName);
            String stagingType = stagingTypes.get(stagingName);
            String baseType = stagingType.replaceAll("\\(.*", "").toUpperCase(Locale.ROOT);
            if (!ACCEPTED.get(column.type()).contains(baseType)) {
                wrongTypes.add("column " + column.name() + ": expected " + column.type().sqlType()
                        + " or a type that widens to it. Actual: " + stagingType);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String stagingName : stagingTypes.keySet()) {
            if (table.column(stagingName).isEmpty()) {
                extra.add(stagingName);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty() || !wrongTypes.isEmpty()) {
            StringBuilder message = new StringBuilder("Staging data does not match the documented columns of table " + table.name() + ":");
            if (!missing.isEmpty()) {
                message.append(" missing column(s) ").append(String.join(", ", missing)).append(';');
            }
            if (!extra.isEmpty()) {
                message.append(" undocumented column(s) ").append(String.join(", ", extra)).append(';');
            }
            for (String wrongType : wrongTypes) {
                message.append(' ').append(wrongType).append(';');
            }
            throw new HatsException(message.substring(0, message.length() - 1));
        }
        return List.copyOf(stagingNames);
    }

    /** Fails on the first row whose position is null, non-finite or out of range, naming its file and row. */
    static void checkPositions(Connection connection, String stagingGlob, String raColumn, String decColumn) throws SQLException {
        String ra = SqlText.identifier(raColumn);
        String dec = SqlText.identifier(decColumn);
        String valid = ra + " IS NOT NULL AND " + dec + " IS NOT NULL AND isfinite(" + ra + ") AND isfinite(" + dec + ")"
                + " AND " + ra + " BETWEEN 0 AND 360 AND " + dec + " BETWEEN -90 AND 90";
        String query = "SELECT _skysieve_file, file_row_number, " + ra + ", " + dec
                + " FROM read_parquet(" + SqlText.literal(stagingGlob) + ", filename = '_skysieve_file', file_row_number = true)"
                + " WHERE NOT coalesce(" + valid + ", false) ORDER BY _skysieve_file, file_row_number LIMIT 1";
        try (Statement statement = connection.createStatement(); ResultSet bad = statement.executeQuery(query)) {
            if (bad.next()) {
                throw new HatsException("Invalid position in row " + (bad.getLong(2) + 1) + " (counting from 1) of " + bad.getString(1)
                        + ": expected finite " + raColumn + " in [0, 360] and " + decColumn + " in [-90, 90] degrees. Actual: "
                        + raColumn + " = " + bad.getString(3) + ", " + decColumn + " = " + bad.getString(4));
            }
        }
    }

    private static String findIgnoringCase(Map<String, String> types, String name) {
        for (String candidate : types.keySet()) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }
}
