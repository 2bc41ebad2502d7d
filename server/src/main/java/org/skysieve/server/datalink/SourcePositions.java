package org.skysieve.server.datalink;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.sky.LonLat;

/**
 * The position of a catalogue row by its id: a DuckDB scan of the table's HATS Parquet files with the id bound as a
 * parameter (an integer for integer id columns, text otherwise). One in-memory DuckDB connection opened on first use;
 * look-ups are serialised (they are single-row and rare next to TAP). Thread-safe.
 */
final class SourcePositions implements AutoCloseable {
    private Connection connection;

    /**
     * The (ra, dec) of the row whose id column equals {@code rowId}; empty when there is none.
     *
     * @throws IllegalArgumentException when {@code rowId} is not a valid value of an integer id column
     */
    synchronized Optional<LonLat> find(PublishedTable published, String rowId) throws SQLException {
        requireNonNull(published, "published is null");
        CatalogTable table = published.table();
        ColumnType idType = table.column(table.idColumn()).orElseThrow().type();
        boolean integer = idType == ColumnType.LONG || idType == ColumnType.INT || idType == ColumnType.SHORT;
        long integerId = 0;
        if (integer) {
            try {
                integerId = Long.parseLong(rowId.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Expected an integer " + table.idColumn() + " after '?' for table "
                        + published.qualifiedName() + ". Actual: '" + rowId + "'");
            }
        }
        Path files = published.catalogueFolder().resolve("dataset");
        String sql = "SELECT " + SqlText.identifier(table.raColumn()) + ", " + SqlText.identifier(table.decColumn())
                + " FROM read_parquet(" + SqlText.literal(files + "/**/*.parquet") + ") WHERE "
                + SqlText.identifier(table.idColumn()) + " = ? LIMIT 1";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            if (integer) {
                statement.setLong(1, integerId);
            } else {
                statement.setString(1, rowId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                if (rows.getObject(1) == null || rows.getObject(2) == null) {
                    return Optional.empty();
                }
                return Optional.of(LonLat.ofDegrees(rows.getDouble(1), rows.getDouble(2)));
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DuckDbConnections.openInMemory();
        }
        return connection;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
