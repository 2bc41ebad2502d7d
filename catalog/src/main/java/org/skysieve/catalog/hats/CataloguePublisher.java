package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.skysieve.catalog.archive.Folders;

/**
 * Publishes a folder atomically: it is built in a hidden sibling {@code .NAME.building-RANDOM}, then renamed to
 * {@code NAME}. A previous {@code NAME} is first renamed aside to {@code .NAME.old-RANDOM} and deleted once the new
 * one is in place.
 *
 * <p>Guarantee: {@code NAME} is either the complete previous folder or the complete new one, never a partial one.
 * Between the two renames {@code NAME} is briefly absent (Java has no atomic exchange of two folders); a crash at
 * that instant leaves the previous folder intact in {@code .NAME.old-*}, and {@link #recoverInterrupted} moves it
 * back. A failure or crash during the build leaves only the hidden building folder (deleted on failure).
 * Not thread-safe: one publisher per target folder at a time.
 */
public final class CataloguePublisher implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path building;
    private boolean published;

    private CataloguePublisher(Path target, Path building) {
        this.target = target;
        this.building = building;
    }

    /** Creates the hidden building folder beside {@code target} (whose parent is created if missing). */
    public static CataloguePublisher begin(Path target) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("Expected a catalogue folder with a parent folder. Actual: " + target);
        }
        try {
            Files.createDirectories(absolute.getParent());
            recoverInterrupted(absolute);
            Path building = absolute.resolveSibling("." + absolute.getFileName() + ".building-" + randomSuffix());
            Files.createDirectory(building);
            return new CataloguePublisher(absolute, building);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a building folder beside " + target, e);
        }
    }

    /** The hidden folder to build into. */
    public Path buildingFolder() {
        return building;
    }

    /** Renames the building folder into place, replacing a previous catalogue. */
    public void publish() {
        if (published) {
            throw new IllegalStateException("Already published: " + target);
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + randomSuffix());
        boolean movedAside = false;
        try {
            if (Files.exists(target)) {
                move(target, old);
                movedAside = true;
            }
            move(building, target);
            published = true;
        } catch (IOException e) {
            if (movedAside && !Files.exists(target)) {
                try {
                    move(old, target);
                } catch (IOException restoreFailure) {
                    e.addSuppressed(restoreFailure);
                }
            }
            throw new UncheckedIOException("Cannot publish " + target, e);
        }
        if (movedAside) {
            Folders.deleteRecursively(old);
        }
    }

    /** Deletes the building folder unless it was published. */
    @Override
    public void close() {
        if (!published) {
            Folders.deleteRecursively(building);
        }
    }

    /**
     * Undoes a publish interrupted between its two renames: when {@code target} is absent and a
     * {@code .NAME.old-*} sibling exists, the most recent one is moved back.
     */
    public static void recoverInterrupted(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return;
        }
        String prefix = "." + absolute.getFileName() + ".old-";
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(absolute.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).forEach(candidates::add);
        }
        if (candidates.isEmpty()) {
            return;
        }
        candidates.sort(Comparator.comparing(CataloguePublisher::lastModified).reversed());
        move(candidates.get(0), absolute);
    }

    private static java.nio.file.attribute.FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
