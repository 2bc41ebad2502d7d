package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.sky.LonLat;

/**
 * Cutouts by survey, band, position and size over a {@link PlateIndex}: on the native pixels of the plates (rules in
 * {@link CutoutMaker}) or resampled onto a {@link CommonGrid} ({@link GridResampler}). Sizes above
 * {@link #maxSidePixels()} are refused. Thread-safe.
 *
 * <p>Speed: the plates whose bounding cone touches the HEALPix cell of the centre are tried first; when the best of them
 * holds the whole stamp (the usual case) no cone search over the index is made and the rows are copied in bulk from
 * the plate's memory map.
 */
public final class CutoutService {
    /** The default largest stamp side, pixels. */
    public static final int DEFAULT_MAX_SIDE_PIXELS = 4096;
    private final PlateIndex index;
    private final int maxSidePixels;

    public CutoutService(PlateIndex index, int maxSidePixels) {
        this.index = requireNonNull(index, "index is null");
        if (maxSidePixels < 1) {
            throw new IllegalArgumentException("Expected maxSidePixels >= 1. Actual: " + maxSidePixels);
        }
        this.maxSidePixels = maxSidePixels;
    }

    public PlateIndex index() {
        return index;
    }

    public int maxSidePixels() {
        return maxSidePixels;
    }

    /** A stamp on native pixels; errors are {@link CutoutException}s naming the survey, band, position or size. */
    public Cutout cut(String survey, String band, LonLat centre, CutoutSize size) throws IOException {
        return cut(survey, band, centre, size, Optional.empty());
    }

    /**
     * A stamp on native pixels, or resampled onto {@code grid} when present (then a size in arcsec is converted with
     * the grid's scale); errors are {@link CutoutException}s naming the survey, band, position or size.
     */
    public Cutout cut(String survey, String band, LonLat centre, CutoutSize size, Optional<CommonGrid> grid)
            throws IOException {
        checkBand(survey, band);
        int[] shape = shape(survey, band, size, grid);
        return cutInto(survey, band, centre, shape[0], shape[1], grid.orElse(null), new float[shape[0] * shape[1]],
                null);
    }

    /** Throws a NOT_FOUND {@link CutoutException} naming what is known when the survey or band has no plates. */
    public void checkBand(String survey, String band) {
        if (!index.surveys().contains(survey)) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected a survey with images among "
                    + index.surveys() + ". Actual: '" + survey + "'");
        }
        if (!index.bands(survey).contains(band)) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected a band of " + survey + " among "
                    + index.bands(survey) + ". Actual: '" + band + "'");
        }
    }

    /**
     * The stamp's {width, height} in pixels: a size in arcsec is converted with the grid's scale, or else the band's
     * (first plate's) pixel scale; refused above {@link #maxSidePixels()}.
     */
    public int[] shape(String survey, String band, CutoutSize size, Optional<CommonGrid> grid) {
        double scaleArcsec = grid.map(CommonGrid::scaleArcsec).orElseGet(() -> pixelScaleArcsec(survey, band));
        int width = size.widthPixels(scaleArcsec);
        int height = size.heightPixels(scaleArcsec);
        if (width > maxSidePixels || height > maxSidePixels || width < 1 || height < 1) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a cutout of at least 1 and at most "
                    + maxSidePixels + " pixels a side. Actual: " + width + " x " + height + " pixels");
        }
        return new int[] {width, height};
    }

    /** The native pixel scale of a band (its first plate's), arcsec per pixel. */
    public double pixelScaleArcsec(String survey, String band) {
        checkBand(survey, band);
        return index.plates(survey, band).get(0).wcs().pixelScaleDeg() * 3600.0;
    }

    /**
     * The stamp of {@code width} x {@code height} pixels into {@code pixels} (overwritten), {@code noPlate} (when not
     * null) set to 1 where no plate covers a pixel. {@code grid} null means native pixels. The survey and band must
     * have been checked. Thread-safe as long as the arrays are the caller's own.
     */
    Cutout cutInto(String survey, String band, LonLat centre, int width, int height, CommonGrid grid, float[] pixels,
            byte[] noPlate) throws IOException {
        List<PlatePixels> atCentre = pixelsOf(index.platesAt(survey, band, centre));
        double nativeScaleArcsec = index.plates(survey, band).get(0).wcs().pixelScaleDeg() * 3600.0;
        // the stamp's extent in native pixels (with a pixel of margin for resampling)
        int nativeWidth = grid == null ? width : (int) Math.ceil(width * grid.scaleArcsec() / nativeScaleArcsec) + 2;
        int nativeHeight = grid == null ? height : (int) Math.ceil(height * grid.scaleArcsec() / nativeScaleArcsec) + 2;
        CutoutMaker.Primary primary = CutoutMaker.primary(atCentre, centre, nativeWidth, nativeHeight);
        if (primary != null && primary.holds(nativeWidth, nativeHeight)) {
            List<PlatePixels> only = List.of(primary.pixels());
            return grid == null ? CutoutMaker.cut(primary, only, width, height, pixels, noPlate)
                    : GridResampler.resample(primary, only, centre, width, height, grid, pixels, noPlate);
        }
        double radiusRad = Math.toRadians(Math.hypot(nativeWidth, nativeHeight) / 2.0 * nativeScaleArcsec / 3600.0)
                + 1e-7;
        List<PlatePixels> candidates = pixelsOf(index.candidates(survey, band, centre, radiusRad));
        primary = CutoutMaker.primary(candidates, centre, nativeWidth, nativeHeight);
        if (grid != null) {
            if (candidates.isEmpty()) {
                throw CutoutMaker.outside(centre, width, height);
            }
            return GridResampler.resample(primary != null && primary.inside() >= 0 ? primary : null, candidates,
                    centre, width, height, grid, pixels, noPlate);
        }
        if (primary == null) {
            throw CutoutMaker.outside(centre, width, height);
        }
        return CutoutMaker.cut(primary, candidates, width, height, pixels, noPlate);
    }

    private List<PlatePixels> pixelsOf(List<Plate> plates) throws IOException {
        if (plates.size() == 1) {
            return List.of(index.pixels(plates.get(0)));
        }
        List<PlatePixels> pixels = new ArrayList<>(plates.size());
        for (Plate plate : plates) {
            pixels.add(index.pixels(plate));
        }
        return pixels;
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
