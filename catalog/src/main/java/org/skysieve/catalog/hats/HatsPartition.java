package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * One partition of a HATS catalogue: the cell it covers and its Parquet file(s) (one file, or several when the
 * catalogue stores {@code Npix=n} as a folder).
 */
public record HatsPartition(HatsPixel pixel, List<Path> files) {
    public HatsPartition {
        requireNonNull(pixel, "pixel is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public int order() {
        return pixel.order();
    }

    public long npix() {
        return pixel.pixel();
    }

    /**
     * The path of a partition relative to {@code dataset/}: {@code Norder=k/Dir=d/Npix=n} followed by the suffix
     * ({@code .parquet}, or {@code /} for a folder of files).
     */
    public static String relativePath(HatsPixel pixel, String npixSuffix) {
        return "Norder=" + pixel.order() + "/Dir=" + pixel.directory() + "/Npix=" + pixel.pixel() + npixSuffix;
    }
}
