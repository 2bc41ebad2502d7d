package org.skysieve.synth;

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
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.SurveyJson;

/**
 * The tiny sky generated once per test JVM (into a temporary folder deleted at exit), with a DuckDB connection
 * that has views over its truth ({@code truth}, {@code obs}, {@code spurious}) and catalogues ({@code cat_<survey>}).
 */
final class TinySky {
    /** 42 unless the system property skysieve.synth.testSeed says otherwise (to check the tests on other skies). */
    static final long SEED = Long.getLong("skysieve.synth.testSeed", 42);
    private static TinySky instance;

    final Path root;
    final GenerationSummary summary;
    final Connection db;

    private TinySky(Path root) throws SQLException {
        this.root = root;
        this.summary = SkyGenerator.generate(root, SEED, SkyScale.TINY, message -> { });
        this.db = openViews(root);
    }

    static synchronized TinySky get() {
        if (instance == null) {
            try {
                Path folder = Files.createTempDirectory("skysieve-tiny-sky");
                instance = new TinySky(folder.resolve("sky"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    static Connection openViews(Path root) throws SQLException {
        ArchiveLayout layout = new ArchiveLayout(root);
        Connection connection = DuckDbConnections.openInMemory();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW truth AS SELECT * FROM read_parquet('" + layout.truthSources() + "')");
            statement.execute("CREATE VIEW obs AS SELECT * FROM read_parquet('" + layout.truthObservations() + "')");
            statement.execute("CREATE VIEW spurious AS SELECT * FROM read_parquet('" + layout.truthFolder().resolve("spurious.parquet") + "')");
            for (SurveySpec survey : Surveys.all()) {
                Path catalogue = layout.catalogueFolder(survey.name(), survey.tableName());
                statement.execute("CREATE VIEW cat_" + survey.name() + " AS SELECT * FROM read_parquet('" + catalogue
                        + "/dataset/Norder=*/Dir=*/Npix=*.parquet', hive_partitioning = false)");
            }
        }
        return connection;
    }

    FootprintDescription footprint(SurveySpec survey) {
        Path file = new ArchiveLayout(root).footprintFolder(survey.name()).resolve("footprint.json");
        try {
            return SurveyJson.mapper().readValue(file.toFile(), FootprintDescription.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String sql) {
        return queryLongs(sql).get(0);
    }

    List<Long> queryLongs(String sql) {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> queryStrings(String sql) {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<double[]> queryDoubles(String sql) {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<double[]> values = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rows.getDouble(c + 1);
                    if (rows.wasNull()) {
                        row[c] = Double.NaN;
                    }
                }
                values.add(row);
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
