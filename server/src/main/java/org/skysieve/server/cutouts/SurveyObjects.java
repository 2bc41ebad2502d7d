package org.skysieve.server.cutouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * Positions of survey objects named by id: the survey's first published table (its catalogue: id, ra and dec columns
 * from the survey model), read with DuckDB from its HATS Parquet files. Ids are compared as text. Every id must exist;
 * the first few unknown ones are named in a NOT_FOUND error. Stateless.
 */
final class SurveyObjects {
    private SurveyObjects() {
    }

    /** {raDeg[], decDeg[]} in the order of {@code ids}. */
    static double[][] positions(Archive archive, String survey, List<String> ids) {
        PublishedSurvey published = archive.survey(survey).orElseThrow(() -> new ServiceException(
                ErrorCategory.NOT_FOUND, "Expected a survey of this archive. Actual: '" + survey + "'"));
        PublishedTable table = published.tables().get(0);
        String files = table.catalogueFolder().resolve("dataset").toString() + "/Norder=*/Dir=*/Npix=*.parquet";
        String sql = "SELECT CAST(" + SqlText.identifier(table.table().idColumn()) + " AS VARCHAR) AS id, "
                + SqlText.identifier(table.table().raColumn()) + " AS ra, "
                + SqlText.identifier(table.table().decColumn()) + " AS dec FROM read_parquet(" + SqlText.literal(files)
                + ", hive_partitioning = false) WHERE CAST(" + SqlText.identifier(table.table().idColumn())
                + " AS VARCHAR) IN (SELECT id FROM wanted)";
        Map<String, double[]> found = new HashMap<>();
        try (Connection connection = DuckDbConnections.openInMemory()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE wanted (id VARCHAR)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wanted VALUES (?)")) {
                for (String id : new LinkedHashSet<>(ids)) {
                    insert.setString(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    found.putIfAbsent(rows.getString(1), new double[] {rows.getDouble(2), rows.getDouble(3)});
                }
            }
        } catch (SQLException e) {
            throw new ServiceException(ErrorCategory.INTERNAL, "Cannot read the ids of " + table.qualifiedName() + ": "
                    + e.getMessage(), e);
        }
        Set<String> unknown = new LinkedHashSet<>();
        double[] ra = new double[ids.size()];
        double[] dec = new double[ids.size()];
        for (int row = 0; row < ids.size(); row++) {
            double[] position = found.get(ids.get(row));
            if (position == null) {
                unknown.add(ids.get(row));
                continue;
            }
            ra[row] = position[0];
            dec[row] = position[1];
        }
        if (!unknown.isEmpty()) {
            List<String> named = new ArrayList<>(unknown).subList(0, Math.min(5, unknown.size()));
            throw new ServiceException(ErrorCategory.NOT_FOUND, "Expected ids of " + table.qualifiedName() + " (column "
                    + table.table().idColumn() + "). Actual: " + unknown.size() + " unknown, such as " + named);
        }
        return new double[][] {ra, dec};
    }
}
