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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.postgresql.PGConnection;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.formats.ColumnBatch;
import org.skysieve.formats.DuckDbChunkRows;
import org.skysieve.query.ChunkedQueryResult;
import org.skysieve.query.EngineResources;
import org.skysieve.query.QueryOptions;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;

/**
 * Cone search latency side by side, in one run, on the same rows and the same cones: PostgreSQL with q3c (what DaCHS
 * runs on) against skysieve. deep_optical of a {@code medium} sky (every column but the hidden HEALPix index) is
 * loaded into PostgreSQL, given a q3c index, clustered on it and analysed; then the same random 0.1 deg cones as
 * {@link TapLatencyAndRate} ({@code SELECT *}, then {@code SELECT id, ra, dec}) run as
 * <ul>
 *   <li>PostgreSQL + q3c: the bare SQL {@code q3c_radial_query} over JDBC, every value read (the floor of any TAP
 *       service on PostgreSQL: no ADQL, no HTTP, no VOTable);</li>
 *   <li>skysieve's engine: ADQL through {@code QueryEngine.executeChunked}, every cell read into column batches;</li>
 *   <li>skysieve's TAP service: HTTP GET {@code /tap/sync}, VOTable BINARY2 read to its end, one client keeping its
 *       connection open;</li>
 * </ul>
 * each on the Parquet files and on in-memory copies ({@code --memory-tables-mb}). p50, p99 and the ratio
 * PostgreSQL / skysieve (above 1: skysieve faster). The PostgreSQL server is started and stopped by
 * {@code benchmarks/compare/cone-latency-vs-q3c.sh}, which passes its JDBC URL.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.ConeLatencyVsPostgres DATA CONES
 * RADIUS_DEG JDBC_URL [MEMORY_TABLES_MB]}.
 */
public final class ConeLatencyVsPostgres {
    private static final int WARM_UP = 20;

    private ConeLatencyVsPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int cones = Integer.parseInt(args[1]);
        double radiusDeg = Double.parseDouble(args[2]);
        String url = args[3];
        long memoryTablesMb = args.length > 4 ? Long.parseLong(args[4]) : 2048;
        Archive archive = Archive.open(data);
        double[][] centres = centres(cones + WARM_UP);
        List<String> lines = new ArrayList<>();
        try (Connection postgres = DriverManager.getConnection(url)) {
            load(archive, postgres);
            for (String columns : new String[] {"*", "id, ra, dec"}) {
                lines.add(line("PostgreSQL + q3c, bare SQL over JDBC", columns, postgres(postgres, centres, radiusDeg, columns)));
            }
        }
        for (long budgetMb : new long[] {0, memoryTablesMb}) {
            Path jobs = Files.createTempDirectory("skysieve-q3c-bench-");
            String where = budgetMb == 0 ? "Parquet files" : "in-memory copies";
            try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs, EngineResources.defaults().withMemoryTables(budgetMb << 20));
                    SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(jobs), executor)) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String base = "http://localhost:" + server.port() + "/tap/sync?LANG=ADQL&QUERY=";
                for (String columns : new String[] {"*", "id, ra, dec"}) {
                    lines.add(line("skysieve engine (ADQL, no HTTP), " + where, columns, engine(executor, centres, radiusDeg, columns)));
                    lines.add(line("skysieve TAP /tap/sync (HTTP + ADQL + BINARY2), " + where, columns,
                            http(client, base, centres, radiusDeg, columns)));
                }
            } finally {
                org.skysieve.catalog.archive.Folders.deleteRecursively(jobs);
            }
        }
        System.out.printf(Locale.ROOT, "cone search, radius %s deg, %d cones after %d warm-up, one client, deep_optical of %s (%,d rows):%n",
                radiusDeg, cones, WARM_UP, data, archive.survey("deep_optical").orElseThrow().totalRows());
        lines.forEach(System.out::println);
    }

    /** p50, p99 in ms and, for skysieve, the ratio to PostgreSQL's p50 of the same columns (kept from the first lines). */
    private static final java.util.Map<String, Double> POSTGRES_P50 = new java.util.HashMap<>();

    private static String line(String what, String columns, double[] millis) {
        Arrays.sort(millis);
        double p50 = percentile(millis, 0.5);
        String ratio = "";
        if (what.startsWith("PostgreSQL")) {
            POSTGRES_P50.put(columns, p50);
        } else {
            ratio = String.format(Locale.ROOT, ", PostgreSQL p50 / this p50 = %.2f", POSTGRES_P50.get(columns) / p50);
        }
        return String.format(Locale.ROOT, "  %-72s SELECT %-11s p50 %6.2f ms  p99 %6.2f ms%s (load %s)", what, columns, p50,
                percentile(millis, 0.99), ratio, TapLatencyAndRate.loadAverage());
    }

    /** The same centres as {@link TapLatencyAndRate}: inside the medium sky, RA 0 +- 2.3 deg, Dec -10 +- 2.3 deg. */
    private static double[][] centres(int count) {
        Random random = new Random(42);
        double[][] centres = new double[count][];
        for (int i = 0; i < count; i++) {
            double ra = (random.nextDouble() * 4.6 - 2.3 + 360) % 360;
            double dec = -10 + random.nextDouble() * 4.6 - 2.3;
            centres[i] = new double[] {ra, dec};
        }
        return centres;
    }

    /** deep_optical into table {@code deep_optical} (CSV through COPY), q3c index, CLUSTER, ANALYZE; skipped when loaded. */
    private static void load(Archive archive, Connection postgres) throws Exception {
        HatsCatalog catalogue = HatsCatalog.open(archive.survey("deep_optical").orElseThrow().tables().get(0).catalogueFolder());
        try (Statement statement = postgres.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS q3c");
            try (ResultSet exists = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'deep_optical'")) {
                exists.next();
                if (exists.getLong(1) > 0) {
                    System.out.println("PostgreSQL: table deep_optical already loaded");
                    return;
                }
            }
        }
        Path csv = Files.createTempFile("deep-optical-", ".csv");
        List<String> definitions = new ArrayList<>();
        String source = "(SELECT * EXCLUDE (" + catalogue.healpixColumn() + ") FROM read_parquet(" + catalogue.duckDbFileList()
                + ", hive_partitioning = false))";
        try (Connection duckdb = DuckDbConnections.openInMemory(); Statement statement = duckdb.createStatement()) {
            try (ResultSet columns = statement.executeQuery("DESCRIBE " + source)) {
                while (columns.next()) {
                    definitions.add("\"" + columns.getString(1) + "\" " + postgresType(columns.getString(2)));
                }
            }
            statement.execute("COPY " + source + " TO '" + csv + "' (FORMAT csv, HEADER false)");
        }
        try (Statement statement = postgres.createStatement()) {
            long start = System.nanoTime();
            statement.execute("CREATE TABLE deep_optical (" + String.join(", ", definitions) + ")");
            try (InputStream in = Files.newInputStream(csv)) {
                postgres.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY deep_optical FROM STDIN (FORMAT csv)", in);
            }
            long loaded = System.nanoTime();
            statement.execute("CREATE INDEX deep_optical_q3c ON deep_optical (q3c_ang2ipix(ra, dec))");
            statement.execute("CLUSTER deep_optical USING deep_optical_q3c");
            statement.execute("ANALYZE deep_optical");
            System.out.printf(Locale.ROOT, "PostgreSQL: loaded in %.1f s, q3c index + CLUSTER + ANALYZE in %.1f s%n",
                    (loaded - start) / 1e9, (System.nanoTime() - loaded) / 1e9);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static String postgresType(String duckDbType) {
        return switch (duckDbType) {
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "SMALLINT" -> "smallint";
            case "TINYINT" -> "smallint";
            case "DOUBLE" -> "double precision";
            case "FLOAT" -> "real";
            case "BOOLEAN" -> "boolean";
            default -> "text";
        };
    }

    private static double[] postgres(Connection postgres, double[][] centres, double radiusDeg, String columns) throws Exception {
        double[] millis = new double[centres.length - WARM_UP];
        try (PreparedStatement statement = postgres.prepareStatement("SELECT " + columns
                + " FROM deep_optical WHERE q3c_radial_query(ra, dec, ?, ?, ?)")) {
            statement.setFetchSize(0);
            for (int i = 0; i < centres.length; i++) {
                long start = System.nanoTime();
                statement.setDouble(1, centres[i][0]);
                statement.setDouble(2, centres[i][1]);
                statement.setDouble(3, radiusDeg);
                try (ResultSet rows = statement.executeQuery()) {
                    int count = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= count; c++) {
                            rows.getObject(c);
                        }
                    }
                }
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return millis;
    }

    private static double[] engine(QueryEngineExecutor executor, double[][] centres, double radiusDeg, String columns) throws Exception {
        double[] millis = new double[centres.length - WARM_UP];
        QueryOptions options = QueryOptions.of(10_000_000, Duration.ofMinutes(5));
        for (int i = 0; i < centres.length; i++) {
            long start = System.nanoTime();
            try (ChunkedQueryResult result = executor.engine().executeChunked(adql(centres[i], radiusDeg, columns), options)) {
                DuckDbChunkRows source = new DuckDbChunkRows(result.chunks());
                ColumnBatch batch = new ColumnBatch(result.columns());
                while (source.fill(batch, ColumnBatch.CAPACITY) > 0) {
                    // every cell read, as the TAP service reads it
                }
            }
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    private static double[] http(HttpClient client, String base, double[][] centres, double radiusDeg, String columns) throws Exception {
        double[] millis = new double[centres.length - WARM_UP];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < centres.length; i++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base
                    + URLEncoder.encode(adql(centres[i], radiusDeg, columns), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                while (in.read(buffer) >= 0) {
                    // read to the end
                }
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Expected HTTP 200 from /tap/sync. Actual: " + response.statusCode());
            }
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    private static String adql(double[] centre, double radiusDeg, String columns) {
        return String.format(Locale.ROOT, "SELECT %s FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),"
                + " CIRCLE('ICRS', %.6f, %.6f, %s))", columns, centre[0], centre[1], radiusDeg);
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
