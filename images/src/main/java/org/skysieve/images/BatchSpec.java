package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a batch of cutouts makes: one stamp per position and band, all of {@code widthPixels} x {@code heightPixels}.
 *
 * @param survey        the survey
 * @param bands         its bands, in tensor order (at least one, no repeats)
 * @param widthPixels   stamp columns
 * @param heightPixels  stamp rows
 * @param grid          the common grid to resample onto, or empty for native pixels
 * @param format        the output
 * @param stretch       the PNG stretch (used by {@link BatchFormat#PNG} only)
 * @param threads       worker threads (at least 1); the output is in position order whatever the count
 */
public record BatchSpec(String survey, List<String> bands, int widthPixels, int heightPixels, Optional<CommonGrid> grid,
        BatchFormat format, StampStretch stretch, int threads) {
    public BatchSpec {
        requireNonNull(survey, "survey is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        requireNonNull(grid, "grid is null");
        requireNonNull(format, "format is null");
        requireNonNull(stretch, "stretch is null");
        if (bands.isEmpty()) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected at least one band");
        }
        if (bands.stream().distinct().count() != bands.size()) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected each band once. Actual: " + bands);
        }
        if (widthPixels < 1 || heightPixels < 1 || threads < 1) {
            throw new IllegalArgumentException("Expected a stamp of at least 1 x 1 pixels and threads >= 1. Actual: "
                    + widthPixels + " x " + heightPixels + ", " + threads);
        }
    }

    /** Native pixels, .npy output, every available processor. */
    public static BatchSpec npy(String survey, List<String> bands, int sidePixels) {
        return new BatchSpec(survey, bands, sidePixels, sidePixels, Optional.empty(), BatchFormat.NPY,
                StampStretch.defaults(), Runtime.getRuntime().availableProcessors());
    }

    public BatchSpec withThreads(int count) {
        return new BatchSpec(survey, bands, widthPixels, heightPixels, grid, format, stretch, count);
    }

    public BatchSpec withFormat(BatchFormat other) {
        return new BatchSpec(survey, bands, widthPixels, heightPixels, grid, other, stretch, threads);
    }

    public BatchSpec withGrid(Optional<CommonGrid> other) {
        return new BatchSpec(survey, bands, widthPixels, heightPixels, other, format, stretch, threads);
    }

    public BatchSpec withStretch(StampStretch other) {
        return new BatchSpec(survey, bands, widthPixels, heightPixels, grid, format, other, threads);
    }

    int stampPixels() {
        return widthPixels * heightPixels;
    }
}
