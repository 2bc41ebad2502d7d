package org.skysieve.benchmarks;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Whether a cached prepared statement pays for cone searches over an in-memory copy sorted on {@code _healpix_29}
 * (issue 3, the proposal of session 3): each cone's SQL as the engine translates it (literals, prepared anew each time:
 * what the service does) against the same SQL with its HEALPix ranges turned into row ranges in Java (binary search of
 * a sorted {@code long[]} of the copy's {@code _healpix_29}, {@code rowid BETWEEN ? AND ?}) and its decimal literals
 * (the cone's centre and radius) as parameters, prepared once per query shape (the number of ranges) and reused.
 * Interleaved cone by cone; p50 of prepare and of execute + reading every chunk, the rows of both forms compared.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ConeStatementCache [DATA] [CONES]
 * [RADIUS_DEG] [COLUMNS]}; COLUMNS: the ADQL select list, default {@code *}. DuckDB level only; the service makes the
 * same form from the query tree since session 4 ({@code Translation.toDuckDbWithParameters}, docs/tap.md).
 */
public final class ConeStatementCache {
    private static final Pattern HEALPIX_BETWEEN = Pattern.compile("((?:\"?\\w+\"?\\.)?\"?_healpix_29\"?) BETWEEN (-?\\d+) AND (-?\\d+)");
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.'\"])(-?\\d+\\.\\d*(?:[eE][-+]?\\d+)?)(?![\\w.'\"])");

    private ConeStatementCache() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/medium-sky");
        int cones = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double radiusDeg = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        String columns = args.length > 3 ? args[3] : "*";
        int warmUp = 30;
        double[][] prepare = new double[2][cones];
        double[][] execute = new double[2][cones];
        long rowsDiffering = 0;
        long rowsTotal = 0;
        Archive archive = Archive.open(data);
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        Map<String, DuckDBPreparedStatement> cache = new HashMap<>();
        try (QueryEngine engine = QueryEngine.open(archive);
                DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties)) {
            try (Statement statement = database.createStatement()) {
                statement.execute("CREATE TABLE sources AS SELECT * FROM read_parquet('" + data.toAbsolutePath()
                        + "/deep_optical/sources/dataset/*/*/*.parquet') ORDER BY _healpix_29");
                statement.execute("SET preserve_insertion_order = false");
            }
            long[] healpix = healpixByRow(database);
            Random random = new Random(42);
            for (int i = 0; i < cones + warmUp; i++) {
                double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
                double dec = -10 + random.nextDouble() * 4.6 - 2.3;
                String adql = String.format(Locale.ROOT, "SELECT %s FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                        + " CIRCLE('ICRS', %.6f, %.6f, %s))", columns, ra, dec, radiusDeg);
                AnalyzedQuery analyzed = Analyzer.analyze(AdqlParsing.parse(adql), engine.tables());
                String sql = Translation.toDuckDb(analyzed, engine.tables()).sql()
                        .replaceAll("read_parquet\\(\\[[^]]*\\], hive_partitioning = false\\)", "sources") + " LIMIT 10000001";
                List<Object> parameters = new ArrayList<>();
                String shape = parameterized(sql, healpix, parameters);
                if (i == 0) {
                    System.out.println("literal SQL: " + sql);
                    System.out.println("parameterized SQL: " + shape + "\n  parameters: " + parameters);
                }
                long[] rows = new long[2];
                for (int form = 0; form < 2; form++) {
                    long t0 = System.nanoTime();
                    DuckDBPreparedStatement statement;
                    if (form == 0) {
                        statement = database.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
                    } else {
                        statement = cache.get(shape);
                        if (statement == null) {
                            statement = database.prepareStatement(shape).unwrap(DuckDBPreparedStatement.class);
                            cache.put(shape, statement);
                        }
                        for (int p = 0; p < parameters.size(); p++) {
                            statement.setObject(p + 1, parameters.get(p));
                        }
                    }
                    long t1 = System.nanoTime();
                    DuckDBChunkedResult chunks = statement.query();
                    while (chunks.nextChunk()) {
                        rows[form] += chunks.chunk().rowCount();
                    }
                    chunks.close();
                    if (form == 0) {
                        statement.close();
                    }
                    if (i >= warmUp) {
                        prepare[form][i - warmUp] = (t1 - t0) / 1e6;
                        execute[form][i - warmUp] = (System.nanoTime() - t1) / 1e6;
                    }
                }
                rowsDiffering += Math.abs(rows[0] - rows[1]);
                rowsTotal += rows[0];
            }
            for (DuckDBPreparedStatement statement : cache.values()) {
                statement.close();
            }
        }
        System.out.printf(Locale.ROOT, "%s cones of %s deg, %d interleaved, in-memory copy sorted on _healpix_29, %d query shapes cached"
                + " (load %s); rows %d, differing %d:%n", "SELECT " + columns, radiusDeg, cones, cache.size(),
                TapLatencyAndRate.loadAverage(), rowsTotal, rowsDiffering);
        String[] forms = {"literals, prepared each time", "rowid ranges + parameters, cached"};
        for (int f = 0; f < 2; f++) {
            double[] sum = new double[cones];
            for (int i = 0; i < cones; i++) {
                sum[i] = prepare[f][i] + execute[f][i];
            }
            System.out.printf(Locale.ROOT, "  %-36s prepare(+bind) p50 %6.2f ms, execute + read p50 %6.2f ms, sum p50 %6.2f p99 %6.2f ms%n",
                    forms[f], percentile(prepare[f], 0.5), percentile(execute[f], 0.5), percentile(sum, 0.5), percentile(sum, 0.99));
        }
    }

    /** The copy's _healpix_29 by row number (the copy is sorted on it, so the array is sorted). */
    private static long[] healpixByRow(DuckDBConnection database) throws Exception {
        try (Statement statement = database.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM sources")) {
            count.next();
            long[] values = new long[Math.toIntExact(count.getLong(1))];
            try (ResultSet rows = statement.executeQuery("SELECT rowid, _healpix_29 FROM sources")) {
                while (rows.next()) {
                    values[Math.toIntExact(rows.getLong(1))] = rows.getLong(2);
                }
            }
            for (int i = 1; i < values.length; i++) {
                if (values[i] < values[i - 1]) {
                    throw new IllegalStateException("rowid order is not _healpix_29 order at row " + i);
                }
            }
            return values;
        }
    }

    /** {@code sql} with HEALPix ranges as row ranges and decimal literals as parameters (appended to {@code parameters}). */
    private static String parameterized(String sql, long[] healpix, List<Object> parameters) {
        int where = sql.indexOf(" WHERE ");
        StringBuilder out = new StringBuilder(sql.substring(0, where));
        String condition = sql.substring(where);
        // one pass over both patterns, in the order of the text, so that the parameters come in order
        Pattern both = Pattern.compile(HEALPIX_BETWEEN.pattern() + "|" + DECIMAL.pattern());
        Matcher matcher = both.matcher(condition);
        int last = 0;
        while (matcher.find()) {
            out.append(condition, last, matcher.start());
            if (matcher.group(1) != null) {
                out.append("rowid BETWEEN ? AND ?");
                parameters.add(firstAtLeast(healpix, Long.parseLong(matcher.group(2))));
                parameters.add(firstAtLeast(healpix, Long.parseLong(matcher.group(3)) + 1) - 1);
            } else {
                out.append("CAST(? AS DOUBLE)");
                parameters.add(Double.parseDouble(matcher.group(4)));
            }
            last = matcher.end();
        }
        return out.append(condition.substring(last)).toString();
    }

    /** The first index whose value is at least {@code value} (the length when none). */
    private static long firstAtLeast(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }
}
