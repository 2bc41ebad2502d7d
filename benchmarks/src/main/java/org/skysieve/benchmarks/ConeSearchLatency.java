package org.skysieve.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.formats.ColumnBatch;
import org.skysieve.formats.DuckDbChunkRows;
import org.skysieve.query.ChunkedQueryResult;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * Cone search latency through {@link QueryEngine} (ADQL parse, check, HEALPix rewrite, partition pruning, DuckDB,
 * every cell read into column batches as the TAP service reads them): p50 and p99 over random cones of 0.1 deg on the
 * deep_optical survey of a {@code medium} sky, one client, beside DaCHS's figures measured on this machine. Beside it, what a user with DuckDB alone would run: the same haversine over every Parquet file of the
 * catalogue (no HEALPix), on fewer cones.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ConeSearchLatency [DATA] [CONES]
 * [RADIUS_DEG]}; DATA defaults to /tmp/medium-sky, generated there (about a minute) when absent.
 */
public final class ConeSearchLatency {
    private ConeSearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        int cones = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double radiusDeg = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        if (!Files.isDirectory(data)) {
            System.out.println("generating a medium sky into " + data + " ...");
            SkyGenerator.generate(data, 1L, SkyScale.MEDIUM, message -> { });
        }
        Archive archive = Archive.open(data);
        Random random = new Random(42);
        double[][] centres = new double[cones + 20][];
        for (int i = 0; i < centres.length; i++) {
            // inside the medium sky: RA 0 +- 2.5 deg, Dec -10 +- 2.5 deg
            centres[i] = new double[] {(random.nextDouble() * 4.6 - 2.3 + 360) % 360, -10 + random.nextDouble() * 4.6 - 2.3};
        }
        try (QueryEngine engine = QueryEngine.open(archive)) {
            for (String columns : new String[] {"*", "id, ra, dec"}) {
                measure(engine, archive, centres, cones, radiusDeg, columns);
            }
        }
        plainDuckDb(archive, centres, Math.min(20, cones), radiusDeg);
    }

    private static void measure(QueryEngine engine, Archive archive, double[][] centres, int cones, double radiusDeg, String columns)
            throws Exception {
        QueryOptions options = QueryOptions.of(10_000_000, Duration.ofMinutes(5));
        long rowsTotal = 0;
        double[] millis = new double[cones];
        {
            for (int i = 0; i < centres.length; i++) {
                String adql = String.format(Locale.ROOT, "SELECT %s FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                        + " CIRCLE('ICRS', %.6f, %.6f, %s))", columns, centres[i][0], centres[i][1], radiusDeg);
                long start = System.nanoTime();
                long rows = 0;
                try (ChunkedQueryResult result = engine.executeChunked(adql, options)) {
                    // every cell read, as the TAP service reads it (DuckDB chunks into column batches)
                    DuckDbChunkRows source = new DuckDbChunkRows(result.chunks());
                    ColumnBatch batch = new ColumnBatch(result.columns());
                    for (int filled = source.fill(batch, ColumnBatch.CAPACITY); filled > 0; filled = source.fill(batch, ColumnBatch.CAPACITY)) {
                        rows += filled;
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (i >= 20) { // the first 20 warm up
                    millis[i - 20] = elapsed / 1e6;
                    rowsTotal += rows;
                }
            }
        }
        Arrays.sort(millis);
        double p50 = percentile(millis, 0.5);
        System.out.printf(Locale.ROOT, "skysieve QueryEngine cone search SELECT %s, radius %s deg, %d cones on %s rows: p50 %.1f ms,"
                        + " p99 %.1f ms, mean %.1f ms, %.0f rows per cone (load %s)%n", columns, radiusDeg, cones,
                archive.survey("deep_optical").orElseThrow().totalRows(), p50, percentile(millis, 0.99),
                Arrays.stream(millis).average().orElse(0), rowsTotal / (double) cones, TapLatencyAndRate.loadAverage());
        System.out.printf(Locale.ROOT, "  DaCHS on this machine: TAP cone p50 %.0f ms (ratio %.2f), simple cone search %.0f ms (ratio %.2f),"
                        + " bare q3c SQL %.1f ms (ratio %.2f); ratio = DaCHS / skysieve%n",
                TapLatencyAndRate.DACHS_TAP_CONE_P50_MS, TapLatencyAndRate.DACHS_TAP_CONE_P50_MS / p50,
                TapLatencyAndRate.DACHS_SCS_CONE_P50_MS, TapLatencyAndRate.DACHS_SCS_CONE_P50_MS / p50,
                TapLatencyAndRate.DACHS_Q3C_SQL_P50_MS, TapLatencyAndRate.DACHS_Q3C_SQL_P50_MS / p50);
    }

    /** The same cones as a full haversine scan of every file with plain DuckDB. */
    private static void plainDuckDb(Archive archive, double[][] centres, int cones, double radiusDeg) throws Exception {
        HatsCatalog catalogue = HatsCatalog.open(archive.survey("deep_optical").orElseThrow().tables().get(0).catalogueFolder());
        double[] millis = new double[cones];
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < cones + 5; i++) {
                double[] centre = centres[20 + (i % cones)];
                String sql = String.format(Locale.ROOT, "SELECT * FROM read_parquet(%4$s, hive_partitioning = false) WHERE"
                                + " pow(sin(radians(dec - %2$.6f) / 2), 2) + cos(radians(dec)) * cos(radians(%2$.6f))"
                                + " * pow(sin(radians(ra - %1$.6f) / 2), 2) <= pow(sin(radians(%3$s) / 2), 2)",
                        centre[0], centre[1], radiusDeg, catalogue.duckDbFileList());
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        // read every row, as the engine's client does
                    }
                }
                if (i >= 5) {
                    millis[i - 5] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "plain DuckDB haversine over every file (what a user would run), %d cones: p50 %.1f ms,"
                + " p99 %.1f ms%n", cones, percentile(millis, 0.5), percentile(millis, 0.99));
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
