package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.skysieve.testing.SharedTestData;

/**
 * Known answers: the NESTED indices stored by the HATS/LSDB tools (hats-import, an independent implementation) in the
 * sample catalogues of ../shared/data/hats, recomputed from the stored ra/dec (degrees). Every value must match.
 */
class HatsKnownAnswerTest {
    @Test
    void everyStoredHealpixIndexIsReproduced() throws Exception {
        Path hats = SharedTestData.folder("hats");
        List<Path> partitions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(hats)) {
            files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().contains("Npix="))
                    .filter(path -> path.toString().endsWith(".parquet") || path.toString().endsWith(".parq"))
                    .sorted()
                    .forEach(partitions::add);
        }
        assertThat(partitions).hasSizeGreaterThan(50);
        // hats-import's own input with _healpix_29 (8 row groups), beside the catalogues.
        Path importInput = hats.resolveSibling("catalogs").resolve("hats_import_formats").resolve("multi_row_group.parquet");
        if (Files.isRegularFile(importInput)) {
            partitions.add(importInput);
        }
        long checked = 0;
        List<String> mismatches = new ArrayList<>();
        Set<Integer> depthsSeen = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path partition : partitions) {
                IndexColumn column = indexColumn(connection, partition);
                if (column == null) {
                    continue;
                }
                depthsSeen.add(column.depth());
                String sql = "SELECT ra, dec, \"" + column.name() + "\" FROM read_parquet('"
                        + partition.toString().replace("'", "''") + "')";
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        double raDeg = rows.getDouble(1);
                        double decDeg = rows.getDouble(2);
                        long expected = rows.getLong(3);
                        long actual = HealpixNested.hash(column.depth(), Math.toRadians(raDeg), Math.toRadians(decDeg));
                        checked++;
                        if (actual != expected && mismatches.size() < 20) {
                            mismatches.add(partition + " ra=" + raDeg + " dec=" + decDeg
                                    + " expected=" + expected + " actual=" + actual);
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // 1,123 rows with ra, dec and an index in the catalogues (201 at depth 13) + 131 in the import input.
        assertThat(checked).isGreaterThanOrEqualTo(1_254);
        assertThat(depthsSeen).containsExactlyInAnyOrder(13, 29);
    }

    private record IndexColumn(String name, int depth) {
    }

    /** {@code _healpix_29}, or the column named by hats.properties (hats_col_healpix[_order]); null if absent. */
    private static IndexColumn indexColumn(Connection connection, Path partition) throws SQLException, IOException {
        Set<String> columns = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
                     + partition.toString().replace("'", "''") + "')")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        if (!columns.contains("ra") || !columns.contains("dec")) {
            return null;
        }
        Properties properties = catalogProperties(partition);
        String name = properties.getProperty("hats_col_healpix");
        String order = properties.getProperty("hats_col_healpix_order");
        if (name != null && order != null && columns.contains(name)) {
            return new IndexColumn(name, Integer.parseInt(order.trim()));
        }
        return columns.contains("_healpix_29") ? new IndexColumn("_healpix_29", 29) : null;
    }

    private static Properties catalogProperties(Path partition) throws IOException {
        Properties properties = new Properties();
        for (Path folder = partition.getParent(); folder != null; folder = folder.getParent()) {
            Path file = folder.resolve("hats.properties");
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                break;
            }
        }
        return properties;
    }
}
