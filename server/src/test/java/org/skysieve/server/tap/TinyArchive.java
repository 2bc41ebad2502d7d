package org.skysieve.server.tap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/** One tiny synthetic sky per test JVM (about 2 s to generate), shared read-only by the TAP tests. */
final class TinyArchive {
    private static Path folder;
    private static Archive archive;

    private TinyArchive() {
    }

    static synchronized Archive get() {
        if (archive == null) {
            try {
                folder = Files.createTempDirectory("skysieve-tap-sky-");
                SkyGenerator.generate(folder.resolve("sky"), 42, SkyScale.TINY, message -> { });
                archive = Archive.open(folder.resolve("sky"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> org.skysieve.catalog.archive.Folders.deleteRecursively(folder)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return archive;
    }
}
