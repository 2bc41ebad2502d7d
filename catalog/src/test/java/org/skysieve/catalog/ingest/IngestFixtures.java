package org.skysieve.catalog.ingest;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.testing.SharedTestData;

/** Finds the shared test data and lays out descriptors with their data files in a temporary folder. */
final class IngestFixtures {
    private IngestFixtures() {
    }

    /** The shared data folder; skips the test when it is absent, fails when CI=true. */
    static Path sharedData() {
        SharedTestData.folder("catalogs");
        return SharedTestData.data();
    }

    static Path shared(String relative) {
        return sharedData().resolve(relative);
    }

    /** Copies a descriptor from test resources ({@code ingest/NAME}) and the given data files into {@code folder}. */
    static Path prepare(Path folder, String descriptorResource, Path... dataFiles) throws IOException {
        Files.createDirectories(folder);
        Path descriptor = folder.resolve(descriptorResource.substring(descriptorResource.lastIndexOf('/') + 1));
        Files.copy(resource(descriptorResource), descriptor);
        for (Path file : dataFiles) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        return descriptor;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = IngestFixtures.class.getResourceAsStream("/ingest/" + name);
        if (in == null) {
            throw new IOException("No test resource ingest/" + name);
        }
        return in;
    }

    static Path copyResource(String name, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = resource(name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The rows of a published catalogue (all its partitions), ordered by {@code orderBy}, as text. */
    static List<List<String>> rows(Path catalogueFolder, String columns, String orderBy) throws SQLException {
        return query("SELECT " + columns + " FROM read_parquet('" + catalogueFolder.resolve("dataset") + "/**/Npix=*.parquet', hive_partitioning = false)"
                + " ORDER BY " + orderBy);
    }

    static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
