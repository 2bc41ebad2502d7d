package org.skysieve.benchmarks;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBPreparedStatement;
import org.skysieve.formats.DuckDbChunkRows;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.TableWriters;
import org.skysieve.formats.WriteSummary;

/**
 * Streaming write rate of every result format: N rows x 8 columns produced by a streaming DuckDB query, written to a
 * file through both row sources (JDBC rows with typed getters, the old path; DuckDB data chunks, the TAP service's path), with rows/s, MB and the peak heap in use after the run (run with a small heap, e.g. {@code -Xmx160m}, to show
 * that a result never sits whole in memory). Beside it, STILTS (Debian stilts) converting our FITS file to VOTable
 * BINARY2 and to CSV: what a user would otherwise run.
 *
 * <p>Run: {@code java -Xmx160m -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ResultWriteRate [rows]}
 * (default 1000000).
 */
public final class ResultWriteRate {
    private static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
            ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
            ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec"),
            ColumnDoc.of("mag_r", ColumnType.FLOAT, "mag", "phot.mag", "r"),
            ColumnDoc.of("magerr_r", ColumnType.FLOAT, "mag", "stat.error", "r error"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code", "flags"),
            ColumnDoc.of("n_obs", ColumnType.SHORT, "", "meta.number", "observations"),
            ColumnDoc.of("name", ColumnType.STRING, "", "meta.id", "name"));
    private static final String QUERY = "SELECT i::BIGINT AS id, ((i * 0.000337) % 360)::DOUBLE AS ra, (((i * 0.000713) % 180) - 90)::DOUBLE AS dec,"
            + " CASE WHEN i % 10 = 0 THEN NULL ELSE (18 + (i % 700) / 100.0)::FLOAT END AS mag_r, 0.01::FLOAT AS magerr_r,"
            + " (i % 64)::INTEGER AS flags, (i % 30)::SMALLINT AS n_obs, 'J' || i AS name FROM range(ROWS) t(i)";

    private ResultWriteRate() {
    }

    public static void main(String[] arguments) throws Exception {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 1_000_000;
        Path work = Files.createTempDirectory("result-write-rate");
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("jdbc_stream_results", "true");
        System.out.printf("%,d rows x %d columns, max heap %d MB%n", rows, COLUMNS.size(), Runtime.getRuntime().maxMemory() >> 20);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties)) {
            for (int round = 0; round < 2; round++) {
                long readStart = System.nanoTime();
                long cells = 0;
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery(QUERY.replace("ROWS", Long.toString(rows)))) {
                    while (result.next()) {
                        for (int c = 1; c <= COLUMNS.size(); c++) {
                            cells += result.getObject(c) == null ? 0 : 1;
                        }
                    }
                }
                double readSeconds = (System.nanoTime() - readStart) / 1e9;
                if (round == 1) {
                    System.out.printf("%-18s %6.2f s  %,12.0f rows/s  (reading the DuckDB result alone, %d cells)%n", "read only",
                            readSeconds, rows / readSeconds, cells);
                }
                for (TableFormat format : TableFormat.values()) {
                    for (boolean chunked : new boolean[] {false, true}) {
                        Path file = work.resolve("result." + format.name().toLowerCase() + (chunked ? ".chunked." : ".") + format.fileExtension());
                        resetPeaks();
                        long start = System.nanoTime();
                        WriteSummary summary;
                        String sql = QUERY.replace("ROWS", Long.toString(rows));
                        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                            summary = chunked ? writeChunked(connection, sql, format, work, rows, out) : writeJdbc(connection, sql, format, work, rows, out);
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (round == 1) {
                            double rate = summary.rows() / seconds;
                            System.out.printf("%-18s %-13s %6.2f s  %,12.0f rows/s  %7.1f MB  peak heap %4d MB%s%n", format,
                                    chunked ? "data chunks" : "JDBC rows", seconds, rate, Files.size(file) / 1e6, peakHeapMegabytes(),
                                    format == TableFormat.VOTABLE_BINARY2 ? String.format("  (DaCHS BINARY2 over TAP %,.0f rows/s: ratio %.1f)",
                                            TapLatencyAndRate.DACHS_BINARY2_ROWS_PER_SECOND, rate / TapLatencyAndRate.DACHS_BINARY2_ROWS_PER_SECOND) : "");
                        }
                    }
                }
            }
            System.out.println("load average " + TapLatencyAndRate.loadAverage());
        }
        Path stilts = Path.of("/usr/bin/stilts");
        if (Files.isExecutable(stilts)) {
            Path fits = work.resolve("result.fits.fits");
            for (String format : List.of("votable-binary2", "csv")) {
                long start = System.nanoTime();
                Process process = new ProcessBuilder(stilts.toString(), "tcopy", "in=" + fits, "out=" + work.resolve("stilts." + format),
                        "ofmt=" + format).inheritIO().start();
                process.waitFor(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("STILTS tcopy FITS -> %-15s %6.2f s  %,12.0f rows/s (includes JVM start)%n", format, seconds, rows / seconds);
            }
        }
        Folders.deleteRecursively(work);
    }

    /** The old path: JDBC rows read with typed getters. */
    private static WriteSummary writeJdbc(Connection connection, String sql, TableFormat format, Path work, long rows, OutputStream out)
            throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return TableWriters.forFormat(format, work.resolve("spool")).write(COLUMNS, result, rows, out);
        }
    }

    /** The fast path of the TAP service: DuckDB data chunks read from the vectors' memory. */
    private static WriteSummary writeChunked(Connection connection, String sql, TableFormat format, Path work, long rows, OutputStream out)
            throws Exception {
        try (DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
                DuckDBChunkedResult chunks = statement.query()) {
            return TableWriters.forFormat(format, work.resolve("spool")).write(COLUMNS, java.util.Collections.nCopies(COLUMNS.size(), ""),
                    new DuckDbChunkRows(chunks), rows, out);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
