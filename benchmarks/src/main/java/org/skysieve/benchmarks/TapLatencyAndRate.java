package org.skysieve.benchmarks;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * The TAP service as a client sees it, through HTTP and ADQL on the real engine: cone search latency (p50, p99 over
 * random cones on deep_optical of a {@code medium} sky, one client, each response read to its end, default format
 * VOTable BINARY2) and the download rate of a large result ({@code SELECT TOP n *}) in BINARY2 and Parquet through
 * {@code /tap/sync}. Figures of DaCHS measured on this machine (issue 3): TAP cone p50 81 ms, bulk BINARY2 137k rows/s.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.TapLatencyAndRate [DATA] [CONES]
 * [RADIUS_DEG] [ROWS] [THREADS] [MEMORY_TABLES_MB]}; THREADS: DuckDB threads of the engine (default or 0: one per
 * processor); MEMORY_TABLES_MB: when above 0, the cones are measured twice back to back, first on the Parquet files,
 * then on in-memory copies of the tables within that budget ({@code serve --memory-tables-mb}); ROWS 0 skips the
 * downloads. The client speaks HTTP/1.1 and keeps its connection open, as pyvo's (requests) does. DATA defaults to
 * /tmp/medium-sky, generated there (about a minute) when absent.
 */
public final class TapLatencyAndRate {
    /** GAVO DaCHS (PostgreSQL + q3c) on this machine, issue 3: TAP sync cone p50 in ms. */
    static final double DACHS_TAP_CONE_P50_MS = 81;
    /** DaCHS's simple cone search p50 and the bare q3c SQL, in ms (issue 3). */
    static final double DACHS_SCS_CONE_P50_MS = 17;
    static final double DACHS_Q3C_SQL_P50_MS = 5.3;
    /** DaCHS bulk BINARY2 download rate in rows/s (issue 3). */
    static final double DACHS_BINARY2_ROWS_PER_SECOND = 137_000;

    private TapLatencyAndRate() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        int cones = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double radiusDeg = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        long rows = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000;
        org.skysieve.query.EngineResources resources = org.skysieve.query.EngineResources.defaults();
        if (args.length > 4 && Integer.parseInt(args[4]) > 0) {
            resources = new org.skysieve.query.EngineResources(Integer.parseInt(args[4]), resources.memoryLimitBytes(),
                    resources.spillFolder(), resources.maxSpillBytes());
        }
        long memoryTablesMb = args.length > 5 ? Long.parseLong(args[5]) : 0;
        System.out.printf(Locale.ROOT, "DuckDB threads: %d%n", resources.threads());
        if (!Files.isDirectory(data)) {
            System.out.println("generating a medium sky into " + data + " ...");
            SkyGenerator.generate(data, 1L, SkyScale.MEDIUM, message -> { });
        }
        Archive archive = Archive.open(data);
        // with a memory budget: the cones first on the files, then on the in-memory copies, back to back
        List<Long> budgets = memoryTablesMb > 0 ? List.of(0L, memoryTablesMb) : List.of(0L);
        for (long budgetMb : budgets) {
            Path jobs = Files.createTempDirectory("skysieve-tap-bench-");
            TapSettings settings = TapSettings.defaults(jobs);
            try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs, resources.withMemoryTables(budgetMb << 20));
                    SkysieveServer server = SkysieveServer.start(archive, 0, settings, executor)) {
                System.out.println(budgetMb == 0 ? "tables read from their HATS Parquet files"
                        : "in-memory table copies (--memory-tables-mb " + budgetMb + "): " + describe(executor.engine().memoryTables()));
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String base = "http://localhost:" + server.port() + "/tap/sync?LANG=ADQL";
                for (String columns : new String[] {"*", "id, ra, dec"}) {
                    cones(client, base, archive, cones, radiusDeg, columns);
                }
                if (rows > 0 && budgetMb == budgets.get(budgets.size() - 1)) {
                    duckDbAlone(executor, rows);
                    jdbcRead(executor, rows);
                    for (String format : new String[] {"votable", "parquet"}) {
                        download(client, base, rows, format);
                    }
                }
            } finally {
                org.skysieve.catalog.archive.Folders.deleteRecursively(jobs);
            }
        }
    }

    /** What was copied into memory, with sizes and load times, and what was not. */
    static String describe(org.skysieve.query.MemoryTables tables) {
        StringBuilder text = new StringBuilder();
        for (org.skysieve.query.MemoryTables.Loaded table : tables.loaded()) {
            text.append(String.format(Locale.ROOT, "%n  %s: %,d rows, %.0f MiB, loaded in %.2f s", table.tableName(), table.rows(),
                    table.bytes() / (double) (1 << 20), table.loadTime().toNanos() / 1e9));
        }
        for (org.skysieve.query.MemoryTables.Skipped table : tables.skipped()) {
            text.append(String.format(Locale.ROOT, "%n  %s: left on its files (%s)", table.tableName(), table.reason()));
        }
        return text.toString();
    }

    private static void cones(HttpClient client, String base, Archive archive, int cones, double radiusDeg, String columns)
            throws Exception {
        Random random = new Random(42);
        int warmUp = 20;
        double[] millis = new double[cones];
        long bytesTotal = 0;
        for (int i = 0; i < cones + warmUp; i++) {
            // inside the medium sky: RA 0 +- 2.5 deg, Dec -10 +- 2.5 deg
            double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
            double dec = -10 + random.nextDouble() * 4.6 - 2.3;
            String adql = String.format(Locale.ROOT, "SELECT %s FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                    + " CIRCLE('ICRS', %.6f, %.6f, %s))", columns, ra, dec, radiusDeg);
            long start = System.nanoTime();
            long bytes = fetch(client, base + "&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - start;
            if (i >= warmUp) {
                millis[i - warmUp] = elapsed / 1e6;
                bytesTotal += bytes;
            }
        }
        Arrays.sort(millis);
        double p50 = percentile(millis, 0.5);
        System.out.printf(Locale.ROOT, "TAP sync cone search (HTTP + ADQL + BINARY2), SELECT %s, radius %s deg, %d cones, one client,"
                        + " deep_optical %,d rows: p50 %.1f ms, p99 %.1f ms, mean %.1f ms, %.0f kB per answer (load %s)%n", columns, radiusDeg, cones,
                archive.survey("deep_optical").orElseThrow().totalRows(), p50, percentile(millis, 0.99),
                Arrays.stream(millis).average().orElse(0), bytesTotal / 1024.0 / cones, loadAverage());
        System.out.printf(Locale.ROOT, "  DaCHS TAP cone p50 %.0f ms: skysieve %.2fx faster (target p50 < 10 ms: %s); DaCHS simple cone %.0f ms,"
                        + " bare q3c SQL %.1f ms%n", DACHS_TAP_CONE_P50_MS, DACHS_TAP_CONE_P50_MS / p50, p50 < 10 ? "met" : "NOT met",
                DACHS_SCS_CONE_P50_MS, DACHS_Q3C_SQL_P50_MS);
    }

    private static void download(HttpClient client, String base, long rows, String format) throws Exception {
        String adql = "SELECT TOP " + rows + " * FROM deep_optical.sources";
        String url = base + "&MAXREC=" + rows + "&RESPONSEFORMAT=" + format + "&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
        fetch(client, base + "&RESPONSEFORMAT=" + format + "&QUERY=" + URLEncoder.encode("SELECT TOP 1000 * FROM deep_optical.sources",
                StandardCharsets.UTF_8)); // warm up
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long bytes = fetch(client, url);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = rows / seconds;
            System.out.printf(Locale.ROOT, "TAP sync download of %,d rows x all columns in %s: %.2f s, %,.0f rows/s, %.1f MB (load %s);"
                            + " DaCHS BINARY2 %,.0f rows/s: ratio %.2f; target 2,000,000 rows/s: %s%n",
                    rows, format, seconds, rate, bytes / 1e6, loadAverage(), DACHS_BINARY2_ROWS_PER_SECOND, rate / DACHS_BINARY2_ROWS_PER_SECOND,
                    rate > 2_000_000 ? "met" : "NOT met");
        }
    }

    /** The rows read into column batches alone (what every writer reads), to tell whether the reading or the writing limits. */
    private static void jdbcRead(QueryEngineExecutor executor, long rows) throws Exception {
        String adql = "SELECT TOP " + rows + " * FROM deep_optical.sources";
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long read = 0;
            try (org.skysieve.server.tap.ExecutedQuery query = executor.execute(adql, rows, java.util.List.of(),
                    java.time.Duration.ofMinutes(10))) {
                org.skysieve.formats.ColumnBatch batch = new org.skysieve.formats.ColumnBatch(query.columns());
                for (int filled = query.rows().fill(batch, org.skysieve.formats.ColumnBatch.CAPACITY); filled > 0;
                        filled = query.rows().fill(batch, org.skysieve.formats.ColumnBatch.CAPACITY)) {
                    read += filled;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "read only (engine, DuckDB data chunks into column batches) of %,d rows: %.2f s, %,.0f rows/s (load %s)%n",
                    read, seconds, read / seconds, loadAverage());
        }
    }

    /** The DuckDB scan alone: the same rows as chunks, nothing copied out of them (the floor of any writer). */
    private static void duckDbAlone(QueryEngineExecutor executor, long rows) throws Exception {
        String adql = "SELECT TOP " + rows + " * FROM deep_optical.sources";
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long read = 0;
            try (org.skysieve.query.ChunkedQueryResult result = executor.engine().executeChunked(adql,
                    org.skysieve.query.QueryOptions.of(rows, java.time.Duration.ofMinutes(10)))) {
                while (result.chunks().nextChunk()) {
                    read += result.chunks().chunk().rowCount();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "DuckDB alone (the engine's query, chunks not read) of %,d rows: %.2f s, %,.0f rows/s (load %s)%n",
                    read, seconds, read / seconds, loadAverage());
        }
    }

    /** The 1-minute load average (the machine is shared: figures scale with it). */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** GETs {@code url} and reads the body to its end; returns its size, failing on a non-200 answer. */
    private static long fetch(HttpClient client, String url) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Expected HTTP 200 from " + url + ". Actual: " + response.statusCode());
        }
        return bytes;
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
