package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Expands a file pattern with {@code *}, {@code ?}, {@code [..]}, {@code {a,b}} or {@code **} relative to a folder. */
final class FileGlobs {
    private FileGlobs() {
    }

    /** The regular files matching {@code pattern}, sorted by path; empty if none. */
    static List<Path> expand(Path folder, String pattern) {
        Path whole = folder.resolve(pattern).normalize();
        if (!hasGlob(pattern)) {
            return Files.isRegularFile(whole) ? List.of(whole) : List.of();
        }
        // walk from the deepest folder that the pattern names literally
        Path base = whole.getRoot();
        int globStart = 0;
        for (int i = 0; i < whole.getNameCount(); i++) {
            if (hasGlob(whole.getName(i).toString())) {
                globStart = i;
                break;
            }
            base = base.resolve(whole.getName(i));
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String rest = whole.subpath(globStart, whole.getNameCount()).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : whole.getNameCount() - globStart;
        Path start = base;
        try (Stream<Path> paths = Files.walk(start, depth)) {
            return paths.filter(Files::isRegularFile).filter(path -> matcher.matches(start.relativize(path))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + start, e);
        }
    }

    private static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
