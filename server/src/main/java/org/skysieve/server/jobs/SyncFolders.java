package org.skysieve.server.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.skysieve.catalog.archive.Folders;

/**
 * The scratch folders of synchronous requests ({@code sync-ID} beside a service's jobs): each request deletes its own
 * when it ends; those a stop cut short are deleted at the next start. Stateless.
 */
public final class SyncFolders {
    private static final String PREFIX = "sync-";

    private SyncFolders() {
    }

    /** A fresh scratch folder's path under {@code workFolder} (not created). */
    public static Path newFolder(Path workFolder, String id) {
        return workFolder.resolve(PREFIX + id);
    }

    /** Deletes the scratch folders left under {@code workFolder} (created if absent). */
    public static void deleteStale(Path workFolder) {
        try {
            Files.createDirectories(workFolder);
            try (Stream<Path> children = Files.list(workFolder)) {
                children.filter(child -> child.getFileName().toString().startsWith(PREFIX))
                        .forEach(Folders::deleteRecursively);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the work folder " + workFolder, e);
        }
    }
}
