package org.skysieve.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.EngineResources;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skysieve serve}: the HTTP server over a data folder. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a data folder over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (from generate or ingest).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--query-threads", paramLabel = "N", description = "DuckDB threads shared by all queries at once"
            + " (default: one per processor).")
    Integer queryThreads;

    @Option(names = "--query-memory-mb", paramLabel = "MB", description = "The most memory DuckDB may hold for all queries"
            + " at once, in MiB (default: a quarter of physical memory); a query needing more fails with an error.")
    Long queryMemoryMb;

    @Option(names = "--query-spill-mb", paramLabel = "MB", defaultValue = "10240", description = "The most disk DuckDB may use"
            + " under DATA/.tap/spill for sorts, joins and aggregates larger than memory, in MiB (default: ${DEFAULT-VALUE};"
            + " 0 = no spilling).")
    long querySpillMb;

    @Option(names = "--upload-limit-rows", paramLabel = "ROWS", description = "Most rows in one table uploaded to TAP (default: "
            + TapSettings.DEFAULT_UPLOAD_LIMIT_ROWS + "; advertised in /tap/capabilities).")
    Long uploadLimitRows;

    @Option(names = "--upload-limit-bytes", paramLabel = "BYTES", description = "Most bytes uploaded to TAP in one request (default: "
            + TapSettings.DEFAULT_UPLOAD_LIMIT_BYTES + "; advertised in /tap/capabilities).")
    Long uploadLimitBytes;

    @Override
    public Integer call() throws InterruptedException {
        Archive archive = Archive.open(data);
        EngineResources defaults = defaultResources(archive);
        EngineResources resources = new EngineResources(queryThreads == null ? defaults.threads() : queryThreads,
                queryMemoryMb == null ? defaults.memoryLimitBytes() : queryMemoryMb << 20, defaults.spillFolder(), querySpillMb << 20);
        if (querySpillMb == 0) {
            resources = new EngineResources(resources.threads(), resources.memoryLimitBytes(), java.util.Optional.empty(), 0);
        }
        serveUntilStopped(archive, port, resources, settings -> {
            TapSettings chosen = uploadLimitRows == null ? settings : settings.withUploadLimitRows(uploadLimitRows);
            return uploadLimitBytes == null ? chosen : chosen.withUploadLimit(uploadLimitBytes);
        });
        return 0;
    }

    static void serveUntilStopped(Archive archive, int port) throws InterruptedException {
        serveUntilStopped(archive, port, defaultResources(archive), UnaryOperator.identity());
    }

    /** {@link EngineResources#defaults()}, spilling at most 10 GiB under {@code DATA/.tap/spill}. */
    static EngineResources defaultResources(Archive archive) {
        return EngineResources.defaults().withSpill(archive.layout().root().resolve(".tap").resolve("spill"), 10L << 30);
    }

    static void serveUntilStopped(Archive archive, int port, EngineResources resources, UnaryOperator<TapSettings> configure)
            throws InterruptedException {
        Served served = start(archive, port, resources, configure);
        SkysieveServer server = served.server();
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "skysieve-shutdown"));
        String base = "http://localhost:" + server.port();
        System.out.println("skysieve is serving " + archive.surveys().size() + " surveys from " + archive.layout().root());
        archive.surveys().forEach(s -> System.out.printf("  %-16s %,12d rows%n", s.survey().name(), s.totalRows()));
        System.out.println("  portal: " + base + "/  (surveys, columns, query, cross-match, cutouts, jobs, datasets)");
        System.out.println("  services: " + base + "/services");
        System.out.println("  health: " + base + "/health");
        System.out.println("  TAP:    " + base + "/tap  (ADQL 2.1; e.g. pyvo.dal.TAPService(\"" + base + "/tap\"))");
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /**
     * Starts the server over {@code archive} with TAP running ADQL on the real engine, jobs under {@code DATA/.tap}.
     * Closing stops the server, then the engine.
     */
    static Served start(Archive archive, int port) {
        return start(archive, port, defaultResources(archive), UnaryOperator.identity());
    }

    /** As {@link #start(Archive, int)}, DuckDB bounded by {@code resources}, the TAP settings changed by {@code configure}. */
    static Served start(Archive archive, int port, EngineResources resources, UnaryOperator<TapSettings> configure) {
        TapSettings settings = configure.apply(TapSettings.defaults(archive.layout().root().resolve(".tap")));
        QueryEngineExecutor executor = QueryEngineExecutor.open(archive, settings.jobsFolder(), resources);
        try {
            return new Served(SkysieveServer.start(archive, port, settings, executor), executor);
        } catch (RuntimeException e) {
            closeQuietly(executor);
            throw e;
        }
    }

    /** A running server and the query engine behind its TAP service. */
    record Served(SkysieveServer server, QueryEngineExecutor executor) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            closeQuietly(executor);
        }
    }

    private static void closeQuietly(QueryEngineExecutor executor) {
        try {
            executor.close();
        } catch (java.sql.SQLException e) {
            System.err.println("skysieve serve: closing the query engine failed: " + e.getMessage());
        }
    }
}
