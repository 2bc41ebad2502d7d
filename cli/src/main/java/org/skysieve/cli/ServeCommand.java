package org.skysieve.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.query.EngineResources;
import org.skysieve.query.MemoryTables;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.datasets.DatasetSettings;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skysieve serve}: the HTTP server over a data folder. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a data folder over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--memory-tables-mb", paramLabel = "MB|auto", defaultValue = "auto", description = "Copy survey tables"
            + " into memory, sorted on their HEALPix index, smallest first while they fit in MB MiB together, and run queries"
            + " on the copies (cone searches and bulk downloads about twice as fast); the HATS files stay the source of truth."
            + " 0 = none; auto (the default) = an eighth of physical memory, at most 4096.")
    String memoryTablesMb;


    @Option(names = "--upload-limit-rows", paramLabel = "ROWS", description = "Most rows in one table uploaded to TAP (default: "
            + TapSettings.DEFAULT_UPLOAD_LIMIT_ROWS + "; advertised in /tap/capabilities).")
    Long uploadLimitRows;

    @Option(names = "--upload-limit-bytes", paramLabel = "BYTES", description = "Most bytes uploaded to TAP in one request (default: "
            + TapSettings.DEFAULT_UPLOAD_LIMIT_BYTES + "; advertised in /tap/capabilities).")
    Long uploadLimitBytes;

    @Option(names = "--dataset-builds", paramLabel = "N", defaultValue = "1", description = "Dataset builds (POST /datasets)"
            + " executing at once; later ones wait QUEUED (default: ${DEFAULT-VALUE}).")
    int datasetBuilds;

    @Option(names = "--dataset-retention-days", paramLabel = "DAYS", defaultValue = "7", description = "Days a dataset job"
            + " and its files are kept after submission (default: ${DEFAULT-VALUE}).")
    int datasetRetentionDays;

    @Option(names = "--dataset-max-objects", paramLabel = "N", defaultValue = "10000000", description = "Most objects in"
            + " one dataset built over HTTP (default: ${DEFAULT-VALUE}).")
    long datasetMaxObjects;

    @Override
    public Integer call() throws InterruptedException {
        long memoryTablesBytes = memoryTablesBytes();
        Archive archive = Archive.open(data);
        EngineResources defaults = defaultResources(archive);
        EngineResources resources = new EngineResources(queryThreads == null ? defaults.threads() : queryThreads,
                queryMemoryMb == null ? defaults.memoryLimitBytes() : queryMemoryMb << 20, defaults.spillFolder(), querySpillMb << 20);
        if (querySpillMb == 0) {
            resources = new EngineResources(resources.threads(), resources.memoryLimitBytes(), java.util.Optional.empty(), 0);
        }
        resources = resources.withMemoryTables(memoryTablesBytes);
        DatasetSettings datasets = DatasetSettings.defaults(archive.layout().root().resolve(".datasets"))
                .withMaxConcurrentBuilds(datasetBuilds).withRetention(java.time.Duration.ofDays(datasetRetentionDays))
                .withMaxObjects(datasetMaxObjects);
        serveUntilStopped(archive, port, resources, settings -> {
            TapSettings chosen = uploadLimitRows == null ? settings : settings.withUploadLimitRows(uploadLimitRows);
            return uploadLimitBytes == null ? chosen : chosen.withUploadLimit(uploadLimitBytes);
        }, datasets);
        return 0;
    }

    private long memoryTablesBytes() {
        if (memoryTablesMb.equals("auto")) {
            return EngineResources.automaticMemoryTablesBytes();
        }
        long megabytes;
        try {
            megabytes = Long.parseLong(memoryTablesMb);
        } catch (NumberFormatException e) {
            megabytes = -1;
        }
        if (megabytes < 0 || megabytes > (Long.MAX_VALUE >> 20)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Expected --memory-tables-mb to be a number"
                    + " of MiB >= 0 or 'auto'. Actual: " + memoryTablesMb);
        }
        return megabytes << 20;
    }

    static void serveUntilStopped(Archive archive, int port) throws InterruptedException {
        serveUntilStopped(archive, port, defaultResources(archive), UnaryOperator.identity());
    }

    /**
     * {@link EngineResources#defaults()}, spilling at most 10 GiB under {@code DATA/.tap/spill}, with in-memory copies
     * of the tables within {@link EngineResources#automaticMemoryTablesBytes()}.
     */
    static EngineResources defaultResources(Archive archive) {
        return EngineResources.defaults().withSpill(archive.layout().root().resolve(".tap").resolve("spill"), 10L << 30)
                .withMemoryTables(EngineResources.automaticMemoryTablesBytes());
    }

    static void serveUntilStopped(Archive archive, int port, EngineResources resources, UnaryOperator<TapSettings> configure)
            throws InterruptedException {
        serveUntilStopped(archive, port, resources, configure,
                DatasetSettings.defaults(archive.layout().root().resolve(".datasets")));
    }

    static void serveUntilStopped(Archive archive, int port, EngineResources resources, UnaryOperator<TapSettings> configure,
            DatasetSettings datasets) throws InterruptedException {
        Served served = start(archive, port, resources, configure, datasets);
        SkysieveServer server = served.server();
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "skysieve-shutdown"));
        String base = "http://localhost:" + server.port();
        System.out.println("skysieve is serving " + archive.surveys().size() + " surveys from " + archive.layout().root());
        archive.surveys().forEach(s -> System.out.printf("  %-16s %,12d rows%n", s.survey().name(), s.totalRows()));
        MemoryTables copies = served.executor().engine().memoryTables();
        if (copies.budgetBytes() > 0) {
            System.out.printf("  in memory (--memory-tables-mb %d): %d MiB used%n", copies.budgetBytes() >> 20, copies.usedBytes() >> 20);
            copies.loaded().forEach(t -> System.out.printf("    %-44s %,12d rows %6d MiB, loaded in %.1f s%n", t.tableName(), t.rows(),
                    t.bytes() >> 20, t.loadTime().toMillis() / 1000.0));
            copies.skipped().forEach(t -> System.out.printf("    %-44s left on its files: %s%n", t.tableName(), t.reason()));
        }
        System.out.println("  portal: " + base + "/  (surveys, columns, query, cross-match, cutouts, jobs, datasets)");
        System.out.println("  services: " + base + "/services");
        System.out.println("  health: " + base + "/health");
        System.out.println("  TAP:    " + base + "/tap  (ADQL 2.1; e.g. pyvo.dal.TAPService(\"" + base + "/tap\"))");
        System.out.println("  datasets: " + base + "/datasets  (POST a dataset spec; docs/datasets.md)");
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
        return start(archive, port, resources, configure,
                DatasetSettings.defaults(archive.layout().root().resolve(".datasets")));
    }

    /** As {@link #start(Archive, int, EngineResources, UnaryOperator)}, dataset jobs under {@code datasets}. */
    static Served start(Archive archive, int port, EngineResources resources, UnaryOperator<TapSettings> configure,
            DatasetSettings datasets) {
        TapSettings settings = configure.apply(TapSettings.defaults(archive.layout().root().resolve(".tap")));
        QueryEngineExecutor executor = QueryEngineExecutor.open(archive, settings.jobsFolder(), resources);
        try {
            return new Served(SkysieveServer.start(archive, port, settings, executor, datasets), executor);
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
