package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.sky.LonLat;

/**
 * Cutouts by survey, band, position and size over a {@link PlateIndex} (rules in {@link CutoutMaker}). Sizes above
 * {@link #maxSidePixels()} are refused. Thread-safe.
 */
public final class CutoutService {
    /** The default largest stamp side, pixels. */
    public static final int DEFAULT_MAX_SIDE_PIXELS = 4096;
    private final PlateIndex index;
    private final int maxSidePixels;

    public CutoutService(PlateIndex index, int maxSidePixels) {
        this.index = requireNonNull(index, "index is null");
        this.maxSidePixels = maxSidePixels;
    }

    public PlateIndex index() {
        return index;
    }

    public int maxSidePixels() {
        return maxSidePixels;
    }

    /** A stamp; errors are {@link CutoutException}s naming the survey, band, position or size. */
    public Cutout cut(String survey, String band, LonLat centre, CutoutSize size) throws IOException {
        if (!index.surveys().contains(survey)) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected a survey with images among "
                    + index.surveys() + ". Actual: '" + survey + "'");
        }
        if (!index.bands(survey).contains(band)) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected a band of " + survey + " among "
                    + index.bands(survey) + ". Actual: '" + band + "'");
        }
        List<Plate> plates = index.plates(survey, band);
        double scaleArcsec = plates.get(0).wcs().pixelScaleDeg() * 3600.0;
        int width = size.widthPixels(scaleArcsec);
        int height = size.heightPixels(scaleArcsec);
        if (width > maxSidePixels || height > maxSidePixels) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a cutout of at most "
                    + maxSidePixels + " pixels a side. Actual: " + width + " x " + height + " pixels");
        }
        double radiusRad = Math.toRadians(Math.hypot(width, height) / 2.0 * scaleArcsec / 3600.0) + 1e-7;
        List<PlatePixels> candidates = new ArrayList<>();
        for (Plate plate : index.candidates(survey, band, centre, radiusRad)) {
            candidates.add(index.pixels(plate));
        }
        return CutoutMaker.cut(candidates, centre, width, height);
    }

    /** A stamp from one FITS image file (any 2-D celestial image, {@code .gz} allowed), by the same rules. */
    public static Cutout cutImage(java.nio.file.Path file, LonLat centre, CutoutSize size, int maxSidePixels)
            throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.fits(\\.gz)?$", "");
        Plate plate = PlateReader.open(file, "image", "image", name);
        double scaleArcsec = plate.wcs().pixelScaleDeg() * 3600.0;
        int width = size.widthPixels(scaleArcsec);
        int height = size.heightPixels(scaleArcsec);
        if (width > maxSidePixels || height > maxSidePixels) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a cutout of at most "
                    + maxSidePixels + " pixels a side. Actual: " + width + " x " + height + " pixels");
        }
        return CutoutMaker.cut(List.of(PlateReader.pixels(plate)), centre, width, height);
    }
}
