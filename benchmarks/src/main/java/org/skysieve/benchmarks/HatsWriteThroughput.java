package org.skysieve.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.HealpixSqlFunction;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * Write throughput of {@link HatsCatalogWriter}: generates a staging Parquet file of N rows and 20 columns (uniform
 * over the sky), writes its HATS catalogue and prints rows per second. Also times the order-29 hashing alone, through
 * the DuckDB scalar function and in plain Java, to show what the function call costs.
 *
 * <p>A whole write takes seconds, so this is a plain timed main rather than a JMH benchmark. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.HatsWriteThroughput [rows] [maxRowsPerPartition]}
 * (defaults 2000000 and 200000).
 */
public final class HatsWriteThroughput {
    private HatsWriteThroughput() {
    }

    public static void main(String[] arguments) throws Exception {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 2_000_000;
        long maxRows = arguments.length > 1 ? Long.parseLong(arguments[1]) : 200_000;
        Path work = Files.createTempDirectory("hats-write-benchmark");
        try {
            Path staging = work.resolve("staging.parquet");
            long start = System.nanoTime();
            generate(staging, rows);
            System.out.printf("staging: %,d rows x %d columns, %,d bytes, generated in %.1f s%n",
                    rows, table().columns().size(), Files.size(staging), seconds(start));

            timeHashing(staging, rows);

            for (int run = 1; run <= 2; run++) {
                Path catalogue = work.resolve("archive/bench/objects");
                start = System.nanoTime();
                long written = HatsCatalogWriter.write(staging, table(), "bench", new HatsWriteOptions(maxRows, 10, 8), catalogue);
                double elapsed = seconds(start);
                HatsCatalog catalog = HatsCatalog.open(catalogue);
                System.out.printf("write %d: %,d rows in %d partitions (max order %s) in %.2f s = %,.0f rows/s, %,d bytes%n", run, written,
                        catalog.partitions().size(), catalog.properties().get("hats_order").orElse("?"), elapsed, written / elapsed,
                        folderBytes(catalogue));
            }
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    private static void timeHashing(Path staging, long rows) throws SQLException {
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            HealpixSqlFunction.register(connection);
            statement.execute("CREATE TABLE positions AS SELECT ra, dec FROM read_parquet('" + staging + "')");
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                try (ResultSet result = statement.executeQuery("SELECT sum(" + HealpixSqlFunction.NAME + "(ra, dec) >> 40) FROM positions")) {
                    result.next();
                }
                System.out.printf("hash via DuckDB scalar function: %.0f ns/row%n", (System.nanoTime() - start) / (double) rows);
            }
            double[] raDeg = new double[Math.toIntExact(rows)];
            double[] decDeg = new double[raDeg.length];
            long start = System.nanoTime();
            try (ResultSet result = statement.executeQuery("SELECT ra, dec FROM positions")) {
                int i = 0;
                while (result.next()) {
                    raDeg[i] = result.getDouble(1);
                    decDeg[i++] = result.getDouble(2);
                }
            }
            System.out.printf("read ra, dec through JDBC into Java arrays: %.0f ns/row%n", (System.nanoTime() - start) / (double) rows);
            for (int run = 0; run < 2; run++) {
                start = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < raDeg.length; i++) {
                    sum += HealpixNested.hash(29, Math.toRadians(raDeg[i]), Math.toRadians(decDeg[i])) >> 40;
                }
                System.out.printf("hash in a Java loop: %.0f ns/row (checksum %d)%n", (System.nanoTime() - start) / (double) rows, sum);
            }
        }
    }

    /** 20 columns: ids, positions, proper motions, five magnitudes with errors, flags, counts, a class, a name. */
    static CatalogTable table() {
        List<ColumnDoc> columns = new ArrayList<>();
        columns.add(ColumnDoc.of("source_id", ColumnType.LONG, "", "meta.id;meta.main", "Source identifier"));
        columns.add(ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"));
        columns.add(ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"));
        columns.add(ColumnDoc.of("pmra", ColumnType.DOUBLE, "mas/yr", "pos.pm;pos.eq.ra", "Proper motion in ra * cos(dec)"));
        columns.add(ColumnDoc.of("pmdec", ColumnType.DOUBLE, "mas/yr", "pos.pm;pos.eq.dec", "Proper motion in dec"));
        for (String band : List.of("u", "g", "r", "i", "z")) {
            columns.add(ColumnDoc.of("mag_" + band, ColumnType.FLOAT, "mag", "phot.mag", "Magnitude in " + band).withBand(band));
            columns.add(ColumnDoc.of("mag_" + band + "_error", ColumnType.FLOAT, "mag", "stat.error;phot.mag", "Error on mag_" + band).withBand(band));
        }
        columns.add(ColumnDoc.of("flags", ColumnType.LONG, "", "meta.code.qual", "Quality flags"));
        columns.add(ColumnDoc.of("n_detections", ColumnType.INT, "", "meta.number", "Number of detections"));
        columns.add(ColumnDoc.of("class", ColumnType.SHORT, "", "src.class", "0 star, 1 galaxy, 2 quasar"));
        columns.add(ColumnDoc.of("is_extended", ColumnType.BOOLEAN, "", "src.morph", "Extended source"));
        columns.add(ColumnDoc.of("name", ColumnType.STRING, "", "meta.id", "Survey-style name"));
        return new CatalogTable("objects", "Benchmark objects", "ra", "dec", "source_id", columns);
    }

    private static void generate(Path file, long rows) throws SQLException {
        StringBuilder magnitudes = new StringBuilder();
        int seed = 10;
        for (String band : List.of("u", "g", "r", "i", "z")) {
            magnitudes.append(", CAST(16 + 8 * (hash(i + ").append(seed++).append(") % 1000) / 1000.0 AS FLOAT) AS mag_").append(band)
                    .append(", CAST((hash(i + ").append(seed++).append(") % 1000) / 10000.0 AS FLOAT) AS mag_").append(band).append("_error");
        }
        String select = "SELECT i AS source_id, 360 * (hash(i) % 10000000) / 1e7 AS ra,"
                + " degrees(asin(2 * (hash(i + 1) % 10000000) / 1e7 - 1)) AS dec,"
                + " (CAST(hash(i + 2) % 2000 AS BIGINT) - 1000) / 100.0 AS pmra, (CAST(hash(i + 3) % 2000 AS BIGINT) - 1000) / 100.0 AS pmdec"
                + magnitudes
                + ", CAST(hash(i + 4) % 64 AS BIGINT) AS flags, CAST(hash(i + 5) % 50 AS INTEGER) AS n_detections,"
                + " CAST(hash(i + 6) % 3 AS SMALLINT) AS class, hash(i + 7) % 2 = 0 AS is_extended,"
                + " 'J' || lpad(CAST(i AS VARCHAR), 10, '0') AS name FROM range(" + rows + ") t(i)";
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

}
