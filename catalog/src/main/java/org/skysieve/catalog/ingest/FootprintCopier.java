package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocFiles;

/**
 * Carries a descriptor's footprint files into a survey's footprint folder as they are:
 * {@code coverage/BAND/FILE}, {@code masks/BAND/FILE}, {@code mask_reasons/BAND/REASON/FILE}, {@code depth/BAND/FILE},
 * {@code images/BAND/FILE...}.
 * MOCs and depth maps are read first: a malformed one fails the ingest. Files are copied, not linked: a source file edited later in place must not change the archive.
 */
final class FootprintCopier {
    private FootprintCopier() {
    }

    static void copy(FootprintFiles footprint, Path target) {
        check(footprint);
        copyEach(Map.copyOf(footprint.coverage()), "coverage", target);
        copyEach(Map.copyOf(footprint.masks()), "masks", target);
        copyEach(Map.copyOf(footprint.depth()), "depth", target);
        for (Map.Entry<String, Map<String, Path>> band : footprint.maskReasons().entrySet()) {
            copyEach(band.getValue(), "mask_reasons/" + band.getKey(), target);
        }
        for (Map.Entry<String, List<Path>> band : footprint.images().entrySet()) {
            for (Path image : band.getValue()) {
                place(image, target.resolve("images").resolve(band.getKey()));
            }
        }
    }

    /** Every MOC and depth map must be readable: a malformed map fails the ingest, naming the file and the fault. */
    static void check(FootprintFiles footprint) {
        for (Map.Entry<String, Path> band : new TreeMap<>(footprint.coverage()).entrySet()) {
            checkMoc(band.getValue(), "coverage", band.getKey());
        }
        for (Map.Entry<String, Path> band : new TreeMap<>(footprint.masks()).entrySet()) {
            checkMoc(band.getValue(), "masks", band.getKey());
        }
        for (Map.Entry<String, Map<String, Path>> band : new TreeMap<>(footprint.maskReasons()).entrySet()) {
            for (Map.Entry<String, Path> reason : new TreeMap<>(band.getValue()).entrySet()) {
                checkMoc(reason.getValue(), "mask reason " + reason.getKey(), band.getKey());
            }
        }
        for (Map.Entry<String, Path> band : new TreeMap<>(footprint.depth()).entrySet()) {
            try (InputStream in = Files.newInputStream(band.getValue())) {
                PartialHealpixMap.read(in, band.getValue().getFileName().toString());
            } catch (IOException | IllegalArgumentException e) {
                throw IngestException.inFile(band.getValue(), "Expected the depth map of band " + band.getKey()
                        + " (a HEALPix partial-sky FITS map): " + e.getMessage(), e);
            }
        }
    }

    private static void checkMoc(Path file, String kind, String band) {
        try {
            MocFiles.read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException | IllegalArgumentException e) {
            throw IngestException.inFile(file, "Expected the " + kind + " MOC of band " + band
                    + " (IVOA MOC 2.0 in FITS, JSON or ASCII): " + e.getMessage(), e);
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
