package org.skysieve.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.formats.ParquetCodec;
import org.skysieve.formats.ReplayedBatches;
import org.skysieve.formats.StreamingParquetWriter;
import org.skysieve.formats.WriteSummary;
import org.skysieve.server.tap.ExecutedQuery;
import org.skysieve.server.tap.QueryEngineExecutor;

/**
 * The Parquet writers alone, without the query: the first 64 batches of {@code SELECT *} of deep_optical (36 columns)
 * are read once, then replayed for ROWS rows (an array copy per column and batch, timed alone as "replay only") into
 * skysieve's {@link StreamingParquetWriter} (to a null stream, each codec, the encoder on its own thread as in TAP) and,
 * beside it, into DuckDB's own writer ({@code COPY} of an in-memory table of the same ROWS rows, zstd level 1 as TAP
 * used it: its scan of memory is included). Wall time and the CPU time of the whole process per row (the figure that
 * holds on a loaded machine), and the bytes per row.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ParquetWriterRate [DATA] [ROWS] [RUNS]}
 * (defaults /tmp/medium-sky, 1000000, 3).
 */
public final class ParquetWriterRate {
    private ParquetWriterRate() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("skysieve-parquet-rate-");
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(Archive.open(data), work)) {
            String adql = "SELECT TOP 131072 * FROM deep_optical.sources";
            ReplayedBatches replay;
            List<org.skysieve.catalog.model.ColumnDoc> columns;
            try (ExecutedQuery query = executor.execute(adql, 131_072, List.of(), Duration.ofMinutes(10))) {
                columns = query.columns();
                replay = ReplayedBatches.read(columns, query.rows(), 64, rows);
            }
            Path table = work.resolve("rows.parquet");
            for (int run = 0; run < runs; run++) {
                time("replay only (subtract)", rows, () -> {
                    ReplayedBatches source = replay.again(rows);
                    org.skysieve.formats.ColumnBatch batch = new org.skysieve.formats.ColumnBatch(columns);
                    long read = 0;
                    for (int filled = source.fill(batch, 2048); filled > 0; filled = source.fill(batch, 2048)) {
                        read += filled;
                    }
                    return new long[] {read, 0};
                });
                for (ParquetCodec codec : ParquetCodec.values()) {
                    time("skysieve writer, " + codec.name().toLowerCase(Locale.ROOT), rows, () -> {
                        CountingStream out = new CountingStream();
                        WriteSummary summary = new StreamingParquetWriter(work, codec, StreamingParquetWriter.DEFAULT_ROW_GROUP_ROWS)
                                .write(columns, List.of(), replay.again(rows), rows, out);
                        return new long[] {summary.rows(), out.bytes};
                    });
                }
                if (run == 0) {
                    Files.deleteIfExists(table);
                    try (OutputStream out = Files.newOutputStream(table)) {
                        new StreamingParquetWriter(work, ParquetCodec.UNCOMPRESSED, StreamingParquetWriter.DEFAULT_ROW_GROUP_ROWS)
                                .write(columns, List.of(), replay.again(rows), rows, out);
                    }
                }
                try (Connection duckdb = DuckDbConnections.openInMemory(); Statement statement = duckdb.createStatement()) {
                    statement.execute("SET preserve_insertion_order = true");
                    statement.execute("CREATE TABLE result AS SELECT * FROM read_parquet(" + SqlText.literal(table.toString()) + ")");
                    Path copy = work.resolve("copy.parquet");
                    time("DuckDB COPY, zstd level 1", rows, () -> {
                        long written = statement.executeLargeUpdate("COPY result TO " + SqlText.literal(copy.toString())
                                + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)");
                        return new long[] {written, Files.size(copy)};
                    });
                }
            }
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    private interface Body {
        long[] run() throws Exception;
    }

    private static void time(String stage, long rows, Body body) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] done = body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (done[0] != rows) {
            throw new IllegalStateException("Expected " + rows + " rows from " + stage + ". Actual: " + done[0]);
        }
        System.out.printf(Locale.ROOT, "%-28s %,d rows: %5.2f s %,11.0f rows/s, CPU %5.2f s (%.3f us/row), %6.1f bytes/row (load %s)%n",
                stage, rows, seconds, rows / seconds, cpuSeconds, cpuSeconds * 1e6 / rows, (double) done[1] / rows,
                TapLatencyAndRate.loadAverage());
    }

    /** Counts the bytes and drops them. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
