package org.skysieve.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixCoverage;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * Which plate covers which sky: every plate of a data folder ({@code DATA/<survey>/images/<band>/*.fits[.gz]}), indexed
 * per survey and band by the HEALPix cells (depth {@value #DEPTH}, about 3.4 arcmin) of a cone bounding the plate (its
 * centre and the farthest corner). A look-up for a cone collects the plates of the cells the cone touches: a superset
 * of the plates that overlap it, which the cutout then tests exactly through each plate's WCS.
 *
 * <p>Opening reads every plate's header (not its data). Pixel data are mapped on first use and kept. Thread-safe.
 */
public final class PlateIndex {
    static final int DEPTH = 10;
    private final Map<String, Map<String, List<Plate>>> platesBySurveyBand;
    private final Map<String, Map<Long, List<Plate>>> cellIndex = new HashMap<>();
    private final Map<Plate, PlatePixels> pixels = new ConcurrentHashMap<>();

    private PlateIndex(Map<String, Map<String, List<Plate>>> platesBySurveyBand) {
        this.platesBySurveyBand = platesBySurveyBand;
        platesBySurveyBand.forEach((survey, bands) -> bands.forEach((band, plates) -> {
            Map<Long, List<Plate>> cells = new HashMap<>();
            for (Plate plate : plates) {
                LonLat centre = plate.wcs().pixelToWorld(new PixelPosition((plate.width() + 1) / 2.0,
                        (plate.height() + 1) / 2.0)).orElseThrow(() -> new IllegalArgumentException(
                                "The centre of plate " + plate.file() + " is outside its projection"));
                double radiusRad = 0.0;
                for (double[] corner : new double[][] {{0.5, 0.5}, {plate.width() + 0.5, 0.5},
                        {0.5, plate.height() + 0.5}, {plate.width() + 0.5, plate.height() + 0.5}}) {
                    LonLat world = plate.wcs().pixelToWorld(new PixelPosition(corner[0], corner[1])).orElse(null);
                    radiusRad = world == null ? Math.PI : Math.max(radiusRad, separationRad(centre, world));
                }
                for (long cell : HealpixCoverage.coneCells(DEPTH, centre.lonRad(), centre.latRad(),
                        Math.min(Math.PI, radiusRad * 1.01 + 1e-6))) {
                    cells.computeIfAbsent(cell, key -> new ArrayList<>()).add(plate);
                }
            }
            cells.replaceAll((cell, list) -> List.copyOf(list));
            cellIndex.put(survey + "/" + band, cells);
        }));
    }

    /** Indexes the plates under a data folder (no plates: an empty index). */
    public static PlateIndex open(Path dataFolder) throws IOException {
        Map<String, Map<String, List<Plate>>> plates = new TreeMap<>();
        if (Files.isDirectory(dataFolder)) {
            try (Stream<Path> surveys = Files.list(dataFolder)) {
                for (Path survey : surveys.sorted().toList()) {
                    Path images = survey.resolve(PlateLayout.IMAGES_FOLDER);
                    if (!Files.isDirectory(images)) {
                        continue;
                    }
                    try (Stream<Path> bands = Files.list(images)) {
                        for (Path band : bands.filter(Files::isDirectory).sorted().toList()) {
                            List<Plate> list = new ArrayList<>();
                            try (Stream<Path> files = Files.list(band)) {
                                for (Path file : files.sorted().toList()) {
                                    String name = file.getFileName().toString();
                                    if (name.endsWith(".fits") || name.endsWith(".fits.gz")) {
                                        list.add(PlateReader.open(file, survey.getFileName().toString(),
                                                band.getFileName().toString(), name.replaceFirst("\\.fits(\\.gz)?$", "")));
                                    }
                                }
                            }
                            plates.computeIfAbsent(survey.getFileName().toString(), key -> new TreeMap<>())
                                    .put(band.getFileName().toString(), List.copyOf(list));
                        }
                    }
                }
            }
        }
        return new PlateIndex(plates);
    }

    /** Surveys with plates. */
    public Set<String> surveys() {
        return Collections.unmodifiableSet(platesBySurveyBand.keySet());
    }

    /** Bands of a survey with plates (empty for an unknown survey). */
    public Set<String> bands(String survey) {
        return Collections.unmodifiableSet(platesBySurveyBand.getOrDefault(survey, Map.of()).keySet());
    }

    /** Every plate of a band. */
    public List<Plate> plates(String survey, String band) {
        return platesBySurveyBand.getOrDefault(survey, Map.of()).getOrDefault(band, List.of());
    }

    /** Plates of the band that may overlap the cone (a superset; see the type's contract). */
    public List<Plate> candidates(String survey, String band, LonLat centre, double radiusRad) {
        Map<Long, List<Plate>> cells = cellIndex.getOrDefault(survey + "/" + band, Map.of());
        Set<Plate> found = new LinkedHashSet<>();
        for (long cell : HealpixCoverage.coneCells(DEPTH, centre.lonRad(), centre.latRad(), radiusRad)) {
            found.addAll(cells.getOrDefault(cell, List.of()));
        }
        return List.copyOf(found);
    }

    /**
     * Plates of the band whose bounding cone touches the HEALPix cell holding {@code centre}: every plate that contains
     * the centre is among them (a superset).
     */
    public List<Plate> platesAt(String survey, String band, LonLat centre) {
        Map<Long, List<Plate>> cells = cellIndex.getOrDefault(survey + "/" + band, Map.of());
        return cells.getOrDefault(HealpixNested.hash(DEPTH, centre.lonRad(), centre.latRad()), List.of());
    }

    /** The pixels of a plate, mapped once. */
    public PlatePixels pixels(Plate plate) throws IOException {
        PlatePixels existing = pixels.get(plate);
        if (existing != null) {
            return existing;
        }
        PlatePixels opened = PlateReader.pixels(plate);
        PlatePixels raced = pixels.putIfAbsent(plate, opened);
        return raced == null ? opened : raced;
    }

    static double separationRad(LonLat a, LonLat b) {
        double sinDLat = Math.sin((b.latRad() - a.latRad()) / 2);
        double sinDLon = Math.sin((b.lonRad() - a.lonRad()) / 2);
        double h = sinDLat * sinDLat + Math.cos(a.latRad()) * Math.cos(b.latRad()) * sinDLon * sinDLon;
        return 2 * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
