package org.skysieve.benchmarks;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.formats.ColumnBatch;
import org.skysieve.formats.DuckDbChunkRows;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.TableWriters;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.check.Analyzer;
import org.skysieve.query.parser.AdqlParsing;
import org.skysieve.query.translate.TranslatedQuery;
import org.skysieve.query.translate.Translation;
import org.skysieve.query.tree.QueryExpression;

/**
 * Where the time of one cone search goes, step by step, over the same random cones as {@link TapLatencyAndRate}
 * ({@code SELECT *}, deep_optical of a {@code medium} sky): ADQL parse, check, translation to SQL, DuckDB prepare
 * (parse, bind incl. the Parquet file list and footers, plan), execution up to the first chunk, reading every chunk
 * into column batches (scan and conversion), and the VOTable BINARY2 writing (the same rows written to a discarding
 * stream, minus the reading alone). p50 and mean of each step, with the number of files and rows per cone.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ConeLatencyBreakdown [DATA] [CONES]
 * [RADIUS_DEG] [THREADS]}; THREADS: DuckDB threads of the connection (default: one per processor). The DuckDB steps
 * run on a connection of their own with the engine's scan settings (metadata cache, no insertion order). Environment:
 * {@code NO_HTTP} skips the HTTP pass (time to the response headers and to the last byte through {@code /tap/sync});
 * {@code EXPLAIN} prints the SQL and DuckDB's {@code EXPLAIN ANALYZE} of the first measured cone; {@code NATIVE}
 * (an experiment, not what the service does) first copies deep_optical into an in-memory DuckDB table sorted on
 * {@code _healpix_29} and queries that instead of the Parquet files, to tell the Parquet scan's share.
 */
public final class ConeLatencyBreakdown {
    private ConeLatencyBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        int cones = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double radiusDeg = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Archive archive = Archive.open(data);
        int warmUp = 20;
        String[] steps = {"parse", "check", "translate", "prepare", "execute", "read", "read+write", "files", "rows"};
        double[][] figures = new double[steps.length][cones];
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("jdbc_stream_results", "true");
        try (QueryEngine engine = QueryEngine.open(archive);
                DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties)) {
            try (Statement statement = database.createStatement()) {
                statement.execute("SET parquet_metadata_cache = true");
                statement.execute("SET threads = " + threads);
                if (System.getenv("NATIVE") != null) {
                    // the survey copied into a DuckDB table (in memory), sorted on _healpix_29 (insertion order kept)
                    long start = System.nanoTime();
                    statement.execute("CREATE TABLE native_sources AS SELECT * FROM read_parquet('" + data.toAbsolutePath()
                            + "/deep_optical/sources/dataset/*/*/*.parquet') ORDER BY _healpix_29");
                    System.out.printf(Locale.ROOT, "native table loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
                }
                statement.execute("SET preserve_insertion_order = false");
            }
            Random random = new Random(42);
            for (int i = 0; i < cones + warmUp; i++) {
                double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
                double dec = -10 + random.nextDouble() * 4.6 - 2.3;
                String adql = String.format(Locale.ROOT, "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                        + " CIRCLE('ICRS', %.6f, %.6f, %s))", ra, dec, radiusDeg);
                long t0 = System.nanoTime();
                QueryExpression tree = AdqlParsing.parse(adql);
                long t1 = System.nanoTime();
                AnalyzedQuery analyzed = Analyzer.analyze(tree, engine.tables());
                long t2 = System.nanoTime();
                TranslatedQuery translated = Translation.toDuckDb(analyzed, engine.tables());
                // as the engine runs a query whose columns DuckDB already types as documented: no outer CAST layer
                // (TYPED=1: the CAST layer, as before)
                String sql = System.getenv("TYPED") != null ? QueryEngine.typedOuterQuery(analyzed.columns(), translated.sql(), 10_000_001)
                        : "SELECT * FROM (" + translated.sql() + ") AS q LIMIT 10000001";
                if (System.getenv("NATIVE") != null) {
                    sql = sql.replaceAll("read_parquet\\(\\[[^]]*\\], hive_partitioning = false\\)", "native_sources");
                }
                long t3 = System.nanoTime();
                long[] read = run(database, sql, analyzed, false);
                long[] written = run(database, sql, analyzed, true);
                if (i == warmUp && System.getenv("EXPLAIN") != null) {
                    System.out.println(sql);
                    try (Statement statement = database.createStatement();
                            java.sql.ResultSet plan = statement.executeQuery("EXPLAIN ANALYZE " + sql)) {
                        while (plan.next()) {
                            System.out.println(plan.getString(2));
                        }
                    }
                }
                if (i >= warmUp) {
                    int k = i - warmUp;
                    figures[0][k] = (t1 - t0) / 1e6;
                    figures[1][k] = (t2 - t1) / 1e6;
                    figures[2][k] = (t3 - t2) / 1e6;
                    figures[3][k] = read[0] / 1e6;
                    figures[4][k] = read[1] / 1e6;
                    figures[5][k] = read[2] / 1e6;
                    figures[6][k] = written[2] / 1e6;
                    figures[7][k] = translated.filesRead().size();
                    figures[8][k] = read[3];
                }
            }
        }
        if (System.getenv("NO_HTTP") == null) {
            http(archive, cones, radiusDeg, warmUp);
        }
        System.out.printf(Locale.ROOT, "cone search breakdown, SELECT *, radius %s deg, %d cones, DuckDB threads %d, %s (load %s)%n",
                radiusDeg, cones, threads, data, TapLatencyAndRate.loadAverage());
        for (int s = 0; s < steps.length; s++) {
            double[] sorted = figures[s].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-11s p50 %8.2f  mean %8.2f  p99 %8.2f%s%n", steps[s], sorted[sorted.length / 2],
                    Arrays.stream(sorted).average().orElse(0), sorted[(int) Math.ceil(0.99 * sorted.length) - 1], s < 7 ? " ms" : "");
        }
    }

    /** The same cones through /tap/sync: time to the response headers and to the last byte. */
    private static void http(Archive archive, int cones, double radiusDeg, int warmUp) throws Exception {
        Path jobs = java.nio.file.Files.createTempDirectory("skysieve-breakdown-");
        double[] headers = new double[cones];
        double[] total = new double[cones];
        org.skysieve.query.EngineResources resources = org.skysieve.query.EngineResources.defaults()
                .withMemoryTables(System.getenv("NATIVE") != null ? 4L << 30 : 0);
        try (org.skysieve.server.tap.QueryEngineExecutor executor = org.skysieve.server.tap.QueryEngineExecutor.open(archive, jobs, resources);
                org.skysieve.server.SkysieveServer server = org.skysieve.server.SkysieveServer.start(archive, 0,
                        org.skysieve.server.tap.TapSettings.defaults(jobs), executor)) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + server.port() + "/tap/sync?LANG=ADQL";
            Random random = new Random(42);
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < cones + warmUp; i++) {
                double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
                double dec = -10 + random.nextDouble() * 4.6 - 2.3;
                String adql = String.format(Locale.ROOT, "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                        + " CIRCLE('ICRS', %.6f, %.6f, %s))", ra, dec, radiusDeg);
                long t0 = System.nanoTime();
                var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "&QUERY="
                        + java.net.URLEncoder.encode(adql, java.nio.charset.StandardCharsets.UTF_8))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                long t1 = System.nanoTime();
                try (var in = response.body()) {
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                }
                long t2 = System.nanoTime();
                if (i >= warmUp) {
                    headers[i - warmUp] = (t1 - t0) / 1e6;
                    total[i - warmUp] = (t2 - t0) / 1e6;
                }
            }
        } finally {
            org.skysieve.catalog.archive.Folders.deleteRecursively(jobs);
        }
        Arrays.sort(headers);
        Arrays.sort(total);
        System.out.printf(Locale.ROOT, "  HTTP /tap/sync: headers p50 %.2f ms, last byte p50 %.2f ms, p99 %.2f ms (load %s)%n",
                headers[cones / 2], total[cones / 2], total[(int) Math.ceil(0.99 * cones) - 1], TapLatencyAndRate.loadAverage());
    }

    /** prepare, execute (to the first chunk), read or read+write of every chunk, in nanoseconds; and the row count. */
    private static long[] run(DuckDBConnection database, String sql, AnalyzedQuery analyzed, boolean write) throws Exception {
        long t0 = System.nanoTime();
        try (Connection connection = database.duplicate();
                DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            long t1 = System.nanoTime();
            DuckDBChunkedResult chunks = statement.query();
            long t2 = System.nanoTime();
            long rows = 0;
            DuckDbChunkRows source = new DuckDbChunkRows(chunks);
            if (write) {
                rows = TableWriters.forFormat(TableFormat.VOTABLE_BINARY2, Path.of("/tmp")).write(analyzed.columns(),
                        Collections.nCopies(analyzed.columns().size(), ""), source, 10_000_000, OutputStream.nullOutputStream()).rows();
            } else {
                ColumnBatch batch = new ColumnBatch(analyzed.columns());
                for (int filled = source.fill(batch, ColumnBatch.CAPACITY); filled > 0; filled = source.fill(batch, ColumnBatch.CAPACITY)) {
                    rows += filled;
                }
            }
            long t3 = System.nanoTime();
            chunks.close();
            return new long[] {t1 - t0, t2 - t1, t3 - t2, rows};
        }
    }
}
