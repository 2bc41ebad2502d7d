package org.skysieve.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.images.SyntheticImages;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.BestNeighbourTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skysieve demo}: generates the small synthetic sky into ./demo-data if it is not there, then serves it.
 * The sky is generated aside and renamed into place, so an interrupted first run leaves no half-made demo-data.
 *
 * <p>Image plates are drawn for {@value #IMAGED_SURVEY} only, RICE-compressed: its 5 tiles x 2 bands are 33 MB and took
 * 55 s at load average 26 on 2 cores, while every imaging survey at small scale is several GB (a deep_optical plate
 * alone is 324 MB) and did not finish in 5 minutes. That is enough for the portal's Cutouts page to show stamps.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the small demo sky (with the image plates of wide_infrared) into ./demo-data (once) and"
                + " serve it on port 8080.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "demo-data", paramLabel = "DIR", description = "Demo data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the demo sky (default: ${DEFAULT-VALUE}).")
    long seed;

    static final String IMAGED_SURVEY = "wide_infrared";

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(data)) {
            Path partial = data.resolveSibling(data.getFileName() + ".partial");
            Folders.deleteRecursively(partial);
            System.out.println("Generating the small demo sky into " + data + " (once; about a minute) ...");
            System.out.println(SkyGenerator.generate(partial, seed, SkyScale.SMALL, System.out::println));
            SyntheticImages.Summary plates = SyntheticImages.write(partial, new SyntheticImages.Options(
                    List.of(IMAGED_SURVEY), Integer.MAX_VALUE, seed, SyntheticImages.Compression.RICE));
            System.out.printf(Locale.ROOT, "images of %s: %d plates, %.1f MB in %.1f s%n", IMAGED_SURVEY,
                    plates.plates(), plates.bytes() / 1e6, plates.seconds());
            BestNeighbourTables.buildAll(partial, Optional.empty(), System.out::println);
            Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
        }
        ServeCommand.serveUntilStopped(Archive.open(data), port);
        return 0;
    }

}
