package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Carries a descriptor's footprint files into a survey's footprint folder as they are:
 * {@code coverage/BAND/FILE}, {@code masks/BAND/FILE}, {@code depth/BAND/FILE}, {@code images/BAND/FILE...}.
 * Files are copied, not linked: a source file edited later in place must not change the archive.
 */
final class FootprintCopier {
    private FootprintCopier() {
    }

    static void copy(FootprintFiles footprint, Path target) {
        copyEach(Map.copyOf(footprint.coverage()), "coverage", target);
        copyEach(Map.copyOf(footprint.masks()), "masks", target);
        copyEach(Map.copyOf(footprint.depth()), "depth", target);
        for (Map.Entry<String, List<Path>> band : footprint.images().entrySet()) {
            for (Path image : band.getValue()) {
                place(image, target.resolve("images").resolve(band.getKey()));
            }
        }
    }

    private static void copyEach(Map<String, Path> files, String kind, Path target) {
        for (Map.Entry<String, Path> band : files.entrySet()) {
            place(band.getValue(), target.resolve(kind).resolve(band.getKey()));
        }
    }

    private static void place(Path file, Path folder) {
        Path destination = folder.resolve(file.getFileName());
        try {
            Files.createDirectories(folder);
            if (Files.exists(destination)) {
                throw IngestException.inFile(file, "Two footprint files of one band have the same name " + file.getFileName(), null);
            }
            Files.copy(file, destination);
        } catch (IOException e) {
            throw IngestException.inFile(file, "Cannot copy into the footprint folder: " + e.getMessage(), e);
        }
    }
}
