package org.skysieve.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.skysieve.catalog.duckdb.DuckDbConnections;

/**
 * A helper of the benchmarks: runs each argument as one DuckDB statement in a fresh in-memory database and prints
 * the rows it returns, tab-separated (set QUIET to print none), and its wall and process CPU time on standard error (e.g. {@code parquet_metadata} of a HATS file, or a {@code COPY} that rewrites a
 * partition with another compression for a side-by-side run). Not part of the service.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.DuckDbStatements "SQL" ...}
 */
public final class DuckDbStatements {
    private DuckDbStatements() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (String sql : args) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                if (!statement.execute(sql)) {
                    System.err.printf(java.util.Locale.ROOT, "%.2f ms (CPU %.2f ms)%n", (System.nanoTime() - start) / 1e6,
                            (os.getProcessCpuTime() - cpuStart) / 1e6);
                    continue;
                }
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            line.append(c == 1 ? "" : "\t").append(rows.getString(c));
                        }
                        if (System.getenv("QUIET") == null) {
                            System.out.println(line);
                        }
                    }
                }
                System.err.printf(java.util.Locale.ROOT, "%.2f ms (CPU %.2f ms)%n", (System.nanoTime() - start) / 1e6,
                        (os.getProcessCpuTime() - cpuStart) / 1e6);
            }
        }
    }
}
