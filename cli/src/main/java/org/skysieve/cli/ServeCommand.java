package org.skysieve.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skysieve serve}: the HTTP server over a data folder. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a data folder over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (from generate or ingest).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        serveUntilStopped(Archive.open(data), port);
        return 0;
    }

    static void serveUntilStopped(Archive archive, int port) throws InterruptedException {
        SkysieveServer server = SkysieveServer.start(archive, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "skysieve-shutdown"));
        String base = "http://localhost:" + server.port();
        System.out.println("skysieve is serving " + archive.surveys().size() + " surveys from " + archive.layout().root());
        archive.surveys().forEach(s -> System.out.printf("  %-16s %,12d rows%n", s.survey().name(), s.totalRows()));
        System.out.println("  home:   " + base + "/");
        System.out.println("  health: " + base + "/health");
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }
}
