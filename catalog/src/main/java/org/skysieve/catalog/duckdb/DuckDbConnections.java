package org.skysieve.catalog.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens embedded DuckDB connections configured for skysieve: no extension is ever downloaded or
 * auto-loaded (the machine is offline and a query must not change what the engine can do).
 *
 * <p>A connection is not thread-safe: one per thread ({@code DuckDBConnection.duplicate()} shares the database).
 */
public final class DuckDbConnections {
    private DuckDbConnections() {
    }

    /** A new in-memory database. */
    public static Connection openInMemory() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET preserve_insertion_order = true");
        }
        return connection;
    }
}
