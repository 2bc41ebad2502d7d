package org.skysieve.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.formats.ColumnBatch;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.TableWriters;
import org.skysieve.query.ChunkedQueryResult;
import org.skysieve.query.QueryOptions;
import org.skysieve.server.tap.AdqlExecutor;
import org.skysieve.server.tap.ExecutedQuery;
import org.skysieve.server.tap.QueryEngineExecutor;

/**
 * Where the time of a large TAP result goes, stage by stage, without HTTP: the DuckDB query alone (chunks produced,
 * not read), the chunks read into column batches (what every writer reads), VOTable BINARY2 written to a null stream,
 * and the Parquet file written by DuckDB ({@code COPY}, the TAP Parquet path). Each stage's wall time and the CPU time
 * of the whole process (DuckDB's threads included), so that a figure taken on a loaded machine still says what a stage
 * costs. For {@code SELECT TOP n *} of deep_optical and for a 14-column selection.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.BulkResultStages [DATA] [ROWS] [RUNS]}
 * (defaults /tmp/medium-sky, 1000000, 3).
 */
public final class BulkResultStages {
    static final String SOME_COLUMNS = "id, ra, dec, pos_err, class_star, flux_radius, flags, mag_g, magerr_g, mag_r, magerr_r,"
            + " mag_i, magerr_i, name";

    private BulkResultStages() {
    }

    private interface Stage {
        long run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Archive archive = Archive.open(data);
        Path jobs = Files.createTempDirectory("skysieve-bulk-stages-");
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs)) {
            for (String columns : new String[] {"*", SOME_COLUMNS}) {
                String adql = "SELECT TOP " + rows + " " + columns + " FROM deep_optical.sources";
                String label = columns.equals("*") ? "SELECT *" : "14 columns";
                for (int run = 0; run < runs; run++) {
                    time(label, "DuckDB alone (chunks not read)", rows, () -> {
                        long read = 0;
                        try (ChunkedQueryResult result = executor.engine().executeChunked(adql, QueryOptions.of(rows, Duration.ofMinutes(10)))) {
                            while (result.chunks().nextChunk()) {
                                read += result.chunks().chunk().rowCount();
                            }
                        }
                        return read;
                    });
                    time(label, "read into column batches", rows, () -> {
                        long read = 0;
                        try (ExecutedQuery query = executor.execute(adql, rows, List.of(), Duration.ofMinutes(10))) {
                            ColumnBatch batch = new ColumnBatch(query.columns());
                            for (int filled = query.rows().fill(batch, ColumnBatch.CAPACITY); filled > 0;
                                    filled = query.rows().fill(batch, ColumnBatch.CAPACITY)) {
                                read += filled;
                            }
                        }
                        return read;
                    });
                    time(label, "VOTable BINARY2 to a null stream", rows, () -> {
                        try (ExecutedQuery query = executor.execute(adql, rows, List.of(), Duration.ofMinutes(10))) {
                            return TableWriters.forFormat(TableFormat.VOTABLE_BINARY2, jobs).write(query.columns(), query.xtypes(),
                                    query.rows(), rows, OutputStream.nullOutputStream()).rows();
                        }
                    });
                    time(label, "Parquet file written by DuckDB", rows, () -> {
                        AdqlExecutor.ParquetResult result = executor.executeToParquet(adql, rows, List.of(), Duration.ofMinutes(10),
                                jobs.resolve("spool")).orElseThrow();
                        Files.delete(result.file());
                        return result.summary().rows();
                    });
                }
            }
        } finally {
            Folders.deleteRecursively(jobs);
        }
    }

    private static void time(String label, String stage, long rows, Stage body) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long done = body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (done != rows) {
            throw new IllegalStateException("Expected " + rows + " rows from " + stage + ". Actual: " + done);
        }
        System.out.printf(Locale.ROOT, "%-10s %-36s %,d rows: %5.2f s %,11.0f rows/s, CPU %5.2f s (%.2f us/row) (load %s)%n", label, stage,
                rows, seconds, rows / seconds, cpuSeconds, cpuSeconds * 1e6 / rows, TapLatencyAndRate.loadAverage());
    }
}
