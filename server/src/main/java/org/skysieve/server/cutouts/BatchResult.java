package org.skysieve.server.cutouts;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skysieve.images.BatchFormat;
import org.skysieve.server.jobs.ResultArchive;

/**
 * The files a batch made and how they are served. Every format has one bundle ({@code result}): for npy a NumPy
 * {@code .npz} archive streamed from the three files ({@code cutouts.npy}, {@code mask.npy}, {@code index.csv}:
 * {@code numpy.load} opens it, {@code ['cutouts']} is the tensor, {@code ['index.csv']} the bytes of the index), for
 * fits the FITS file, for png the ZIP. The npy files are also served one by one.
 *
 * @param format  the batch format
 * @param files   result name to file: {@code cutouts.npy}, {@code mask.npy}, {@code index.csv} (npy) or
 *                {@code result} (fits, png)
 * @param stamps  stamps written
 * @param outside stamps outside every plate or without a position
 */
record BatchResult(BatchFormat format, Map<String, Path> files, long stamps, long outside) {
    /** The time of every bundle entry, so that the same batch gives the same bytes. */
    private static final Instant FIXED_TIME = Instant.parse("2000-01-01T00:00:00Z");

    BatchResult {
        requireNonNull(format, "format is null");
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The MIME type of the bundle. */
    String bundleType() {
        return switch (format) {
            case NPY, PNG -> "application/zip";
            case FITS -> "application/fits";
        };
    }

    /** The file name offered for the bundle. */
    String bundleName() {
        return switch (format) {
            case NPY -> "cutouts.npz";
            case FITS -> "cutouts.fits";
            case PNG -> "cutouts.zip";
        };
    }

    static String typeOf(String name) {
        return name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/octet-stream";
    }

    /** Writes the bundle to {@code out} (not closed). */
    void writeBundle(OutputStream out) throws IOException {
        if (format != BatchFormat.NPY) {
            try (InputStream in = Files.newInputStream(files.get("result"))) {
                in.transferTo(out);
            }
            return;
        }
        ResultArchive.write(ResultArchive.Format.ZIP, files, FIXED_TIME, out);
    }
}
