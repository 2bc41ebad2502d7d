package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The per-band coverage maps, mask maps, depth maps and images a descriptor names, resolved and checked to
 * exist. Ingest copies them into the survey's footprint folder as they are; later stages interpret them.
 *
 * @param coverage band name to its coverage map (an IVOA MOC)
 * @param masks    band name to its mask map (an IVOA MOC)
 * @param depth    band name to its depth map (a HEALPix map)
 * @param images   band name to its image files
 * @param maskReasons band name to its mask maps per reason (reason name to an IVOA MOC); the band's mask is the union
 *                    of its mask map and these
 */
public record FootprintFiles(
        Map<String, Path> coverage,
        Map<String, Path> masks,
        Map<String, Path> depth,
        Map<String, List<Path>> images,
        Map<String, Map<String, Path>> maskReasons) {

    public FootprintFiles {
        coverage = Map.copyOf(requireNonNull(coverage, "coverage is null"));
        masks = Map.copyOf(requireNonNull(masks, "masks is null"));
        depth = Map.copyOf(requireNonNull(depth, "depth is null"));
        images = Map.copyOf(requireNonNull(images, "images is null"));
        Map<String, Map<String, Path>> reasons = new java.util.LinkedHashMap<>();
        requireNonNull(maskReasons, "maskReasons is null").forEach((band, files) -> reasons.put(band, Map.copyOf(files)));
        maskReasons = Map.copyOf(reasons);
    }

    public static FootprintFiles none() {
        return new FootprintFiles(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return coverage.isEmpty() && masks.isEmpty() && depth.isEmpty() && images.isEmpty() && maskReasons.isEmpty();
    }
}
