package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Carries a descriptor's image plates into the survey's images folder, {@code images/BAND/FILE} (where the plate index
 * of the cutout services finds them), after checking every one ({@link PlateChecks}), and writes
 * {@code images/plates.csv}: one line per plate with its band, file name, size, centre and radius (degrees), a record
 * of which plate covers which part of the sky. Files are copied, not linked, as the other footprint files.
 */
final class PlateCopier {
    static final String INDEX_FILE = "plates.csv";

    private PlateCopier() {
    }

    /** Checks every plate (all of them, before copying any). */
    static List<PlateChecks.CheckedPlate> check(Map<String, List<Path>> images) {
        List<PlateChecks.CheckedPlate> plates = new ArrayList<>();
        for (Map.Entry<String, List<Path>> band : new java.util.TreeMap<>(images).entrySet()) {
            for (Path file : band.getValue()) {
                plates.add(PlateChecks.check(band.getKey(), file));
            }
        }
        return plates;
    }

    static void copy(List<PlateChecks.CheckedPlate> plates, Path target) {
        StringBuilder index = new StringBuilder("band,file,width,height,ra_centre_deg,dec_centre_deg,radius_deg,ctype\n");
        for (PlateChecks.CheckedPlate plate : plates) {
            Path folder = target.resolve(plate.band());
            Path destination = folder.resolve(plate.file().getFileName());
            try {
                Files.createDirectories(folder);
                if (Files.exists(destination)) {
                    throw IngestException.inFile(plate.file(), "Two image plates of band " + plate.band()
                            + " have the same file name " + plate.file().getFileName(), null);
                }
                Files.copy(plate.file(), destination);
            } catch (IOException e) {
                throw IngestException.inFile(plate.file(), "Cannot copy into the images folder: " + e.getMessage(), e);
            }
            index.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.9f,%.9f,%.9f,%s%n", plate.band(),
                    plate.file().getFileName(), plate.width(), plate.height(), plate.centre().lonDeg(),
                    plate.centre().latDeg(), plate.radiusDeg(), plate.projection().replace(',', ' ')));
        }
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve(INDEX_FILE), index);
        } catch (IOException e) {
            throw IngestException.general("Cannot write " + target.resolve(INDEX_FILE) + ": " + e.getMessage(), e);
        }
    }
}
