package org.skysieve.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The ADQL functions {@code sieve_coverage} and {@code sieve_limit} over N positions per band (default 1,000,000), run
 * through the query engine (ADQL to DuckDB, the functions vectorised in Java, DuckDB's own threads) on an uploaded
 * table of positions uniform in a box around the survey's coverage. Beside it, the same query without the functions,
 * so that the functions' own cost can be read off. Prints the best of 5 runs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.StatusFunctionRate DATA [survey] [positions]}
 */
public final class StatusFunctionRate {
    private StatusFunctionRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments.length > 0 ? arguments[0] : "demo-data");
        String survey = arguments.length > 1 ? arguments[1] : "deep_optical";
        int count = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 1_000_000;
        Archive archive = Archive.open(data);
        StatusMaps maps = new StatusMaps(archive);
        SpatialMoc coverage = maps.surveyCoverage(survey);
        Path uploads = Files.createTempDirectory("status-function-rate");
        Path file = uploads.resolve("positions.parquet");
        CoverageBox box = CoverageBox.around(coverage);
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.5)");
            statement.execute(String.format(Locale.ROOT, "COPY (SELECT i AS id, ((%f + random() * %f) %% 360 + 360) %% 360 AS ra,"
                    + " greatest(-90, least(90, %f + random() * %f)) AS dec FROM range(%d) t(i)) TO '%s' (FORMAT parquet)",
                    box.raMinDeg(), box.raMaxDeg() - box.raMinDeg(), box.decMinDeg(), box.decMaxDeg() - box.decMinDeg(), count, file));
        }
        QueryOptions options = new QueryOptions(10, Duration.ofMinutes(5), List.of(new QueryOptions.UploadedTable("positions", file, List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")))));
        try (QueryEngine engine = QueryEngine.open(archive, List.of(), List.of(uploads))) {
            double plain = best(engine, "SELECT COUNT(*), AVG(ra + dec) FROM TAP_UPLOAD.positions", options);
            System.out.printf(Locale.ROOT, "%s: %,d positions; without the functions %.3f s%n", survey, count, plain);
            for (String band : maps.bandNames(survey)) {
                String call = "('" + survey + "', '" + band + "', ra, dec)";
                double coverageSeconds = best(engine, "SELECT COUNT(*) FROM TAP_UPLOAD.positions WHERE sieve_coverage" + call
                        + " = 'observed'", options);
                double both = best(engine, "SELECT COUNT(*), SUM(CASE WHEN sieve_coverage" + call + " = 'masked' THEN 1 ELSE 0 END),"
                        + " AVG(sieve_limit" + call + ") FROM TAP_UPLOAD.positions", options);
                System.out.printf(Locale.ROOT, "  %s: sieve_coverage %.3f s (%.0f ns/position); sieve_coverage + sieve_limit %.3f s%n",
                        band, coverageSeconds, 1e9 * coverageSeconds / count, both);
            }
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(uploads);
    }

    private static double best(QueryEngine engine, String adql, QueryOptions options) throws Exception {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            try (QueryResult result = engine.execute(adql, options)) {
                while (result.next()) {
                    result.rows().getObject(1);
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
