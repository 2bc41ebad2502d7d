package org.skysieve.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.BestNeighbourTables;

/**
 * One tiny synthetic sky (seed 11) shared by the dataset tests of a test JVM, generated on first use with the one
 * best-neighbour table they read ({@code deep_optical.best_neighbour_astrometric}), deleted when the JVM exits.
 */
public final class TestSky {
    private static Path sky;

    private TestSky() {
    }

    public static synchronized Path path() {
        if (sky == null) {
            try {
                Path folder = Files.createTempDirectory("datasets-sky");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteRecursively(folder)));
                SkyGenerator.generate(folder, 11, SkyScale.TINY, message -> { });
                BestNeighbourTables.build(folder, "deep_optical", "astrometric", 1.0);
                sky = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sky;
    }
}
