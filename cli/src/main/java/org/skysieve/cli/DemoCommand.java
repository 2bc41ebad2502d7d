package org.skysieve.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.BestNeighbourTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skysieve demo}: generates the small synthetic sky into ./demo-data if it is not there, then serves it.
 * The sky is generated aside and renamed into place, so an interrupted first run leaves no half-made demo-data.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the small demo sky into ./demo-data (once) and serve it on port 8080.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "demo-data", paramLabel = "DIR", description = "Demo data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the demo sky (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(data)) {
            Path partial = data.resolveSibling(data.getFileName() + ".partial");
            Folders.deleteRecursively(partial);
            System.out.println("Generating the small demo sky into " + data + " (once; under a minute) ...");
            System.out.println(SkyGenerator.generate(partial, seed, SkyScale.SMALL, System.out::println));
            BestNeighbourTables.buildAll(partial, Optional.empty(), System.out::println);
            Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
        }
        ServeCommand.serveUntilStopped(Archive.open(data), port);
        return 0;
    }

}
