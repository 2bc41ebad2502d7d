package org.skysieve.benchmarks;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.check.Analyzer;
import org.skysieve.query.parser.AdqlParsing;
import org.skysieve.query.translate.Translation;

/**
 * The SQL forms a cone search can be sent to DuckDB in, timed interleaved (each cone runs every form in turn, so a
 * shared machine's load weighs on all alike): the typed outer query (a CAST per column, what the engine ran before),
 * the query under a wrapping {@code SELECT * ... LIMIT}, and the query with its LIMIT appended (what the engine runs
 * now when DuckDB's types match the documented ones). p50 of DuckDB's prepare and of execute + reading every chunk,
 * {@code SELECT *} on deep_optical of a {@code medium} sky, on the Parquet files or (MODE {@code memory}) on a copy in
 * memory sorted on {@code _healpix_29}, as {@code serve --memory-tables-mb} makes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ConePlanningVariants [DATA] [CONES]
 * [files|memory]}.
 */
public final class ConePlanningVariants {
    private ConePlanningVariants() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        int cones = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        boolean memory = args.length > 2 && args[2].equals("memory");
        int warmUp = 30;
        String[] forms = {"typed outer query (CASTs)", "wrapped: SELECT * FROM (q) LIMIT n", "q LIMIT n"};
        double[][] prepare = new double[forms.length][cones];
        double[][] execute = new double[forms.length][cones];
        Archive archive = Archive.open(data);
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        try (QueryEngine engine = QueryEngine.open(archive);
                DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties)) {
            try (Statement statement = database.createStatement()) {
                statement.execute("SET parquet_metadata_cache = true");
                if (memory) {
                    statement.execute("CREATE TABLE sources AS SELECT * FROM read_parquet('" + data.toAbsolutePath()
                            + "/deep_optical/sources/dataset/*/*/*.parquet') ORDER BY _healpix_29");
                }
                statement.execute("SET preserve_insertion_order = false");
            }
            Random random = new Random(42);
            for (int i = 0; i < cones + warmUp; i++) {
                double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
                double dec = -10 + random.nextDouble() * 4.6 - 2.3;
                String adql = String.format(Locale.ROOT, "SELECT * FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                        + " CIRCLE('ICRS', %.6f, %.6f, 0.1))", ra, dec);
                AnalyzedQuery analyzed = Analyzer.analyze(AdqlParsing.parse(adql), engine.tables());
                String sql = Translation.toDuckDb(analyzed, engine.tables()).sql();
                if (memory) {
                    sql = sql.replaceAll("read_parquet\\(\\[[^]]*\\], hive_partitioning = false\\)", "sources");
                }
                String[] texts = {QueryEngine.typedOuterQuery(analyzed.columns(), sql, 10_000_001),
                    "SELECT * FROM (" + sql + ") AS q LIMIT 10000001", sql + " LIMIT 10000001"};
                for (int f = 0; f < forms.length; f++) {
                    long t0 = System.nanoTime();
                    try (DuckDBPreparedStatement statement = database.prepareStatement(texts[f]).unwrap(DuckDBPreparedStatement.class)) {
                        long t1 = System.nanoTime();
                        DuckDBChunkedResult chunks = statement.query();
                        while (chunks.nextChunk()) {
                            chunks.chunk().rowCount();
                        }
                        chunks.close();
                        if (i >= warmUp) {
                            prepare[f][i - warmUp] = (t1 - t0) / 1e6;
                            execute[f][i - warmUp] = (System.nanoTime() - t1) / 1e6;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "SQL forms of a 0.1 deg SELECT * cone, %d cones interleaved, deep_optical on %s (load %s):%n", cones,
                memory ? "an in-memory copy sorted on _healpix_29" : "the Parquet files", TapLatencyAndRate.loadAverage());
        for (int f = 0; f < forms.length; f++) {
            System.out.printf(Locale.ROOT, "  %-38s prepare p50 %6.2f ms, execute + read p50 %6.2f ms%n", forms[f], p50(prepare[f]), p50(execute[f]));
        }
    }

    private static double p50(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
