package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.sky.wcs.CelestialWcs;

/**
 * A cutout: row-major pixels from FITS y = 1, NaN where no plate has data. Either on the native pixel grid of its
 * primary plate (the default: the WCS is the plate's with CRPIX shifted, made only when asked for), or resampled onto a
 * {@link CommonGrid} (the WCS is the grid's; {@link #resampling()} names the method).
 *
 * <p>The pixel array is the one the cutout was made into: batch code reuses it between stamps, so a cutout escaping a
 * batch must not be kept. Immutable otherwise; thread-safe for reading.
 */
public final class Cutout {
    private final float[] pixels;
    private final int width;
    private final int height;
    private final Plate primary;
    private final List<Plate> plates;
    private final long firstX;
    private final long firstY;
    private final int blankCount;
    private final CommonGrid grid;
    private volatile CelestialWcs wcs;

    /**
     * @param pixels      width x height values
     * @param width       columns
     * @param height      rows
     * @param wcs         the WCS of the pixel grid, or null to derive it (native: the primary's, CRPIX shifted)
     * @param primary     the plate whose pixel grid a native cutout uses (for a resampled one: the plate holding the
     *                    centre, or the first that gave pixels)
     * @param plates      every plate that gave pixels (the primary first)
     * @param firstX      0-based column of the primary plate where a native cutout starts (may be negative)
     * @param firstY      0-based row of the primary plate where a native cutout starts (may be negative)
     * @param blankCount  pixels left NaN because no plate covers them (NaN pixels inside plates are not counted)
     * @param grid        the common grid of a resampled cutout, or null for native pixels
     */
    Cutout(float[] pixels, int width, int height, CelestialWcs wcs, Plate primary, List<Plate> plates, long firstX,
            long firstY, int blankCount, CommonGrid grid) {
        this.pixels = requireNonNull(pixels, "pixels is null");
        this.primary = requireNonNull(primary, "primary is null");
        this.plates = List.copyOf(plates);
        this.width = width;
        this.height = height;
        this.firstX = firstX;
        this.firstY = firstY;
        this.blankCount = blankCount;
        this.grid = grid;
        this.wcs = wcs;
        if (wcs == null && grid != null) {
            throw new IllegalArgumentException("A resampled cutout needs its grid's WCS");
        }
    }

    public float[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The WCS of the cutout's pixel grid. */
    public CelestialWcs wcs() {
        CelestialWcs current = wcs;
        if (current == null) {
            current = primary.wcs().forSubImage(firstX + 1, firstY + 1);
            wcs = current;
        }
        return current;
    }

    public Plate primary() {
        return primary;
    }

    public List<Plate> plates() {
        return plates;
    }

    public long firstX() {
        return firstX;
    }

    public long firstY() {
        return firstY;
    }

    public int blankCount() {
        return blankCount;
    }

    /** The common grid of a resampled cutout; empty for native pixels. */
    public Optional<CommonGrid> grid() {
        return Optional.ofNullable(grid);
    }

    /** The resampling method ({@code nearest}, {@code bilinear}); empty for native pixels. */
    public Optional<String> resampling() {
        return grid().map(common -> common.method().keyword());
    }

    /** The FITS header cards of the cutout besides the image structure: WCS and provenance. */
    public Map<String, String> cards() {
        Map<String, String> cards = new LinkedHashMap<>(wcs().toCards());
        cards.put("SURVEY", "'" + primary.survey() + "'");
        cards.put("BAND", "'" + primary.band() + "'");
        cards.put("PLATE", "'" + primary.name() + "'");
        if (grid == null) {
            cards.put("LTV1", Long.toString(-firstX));
            cards.put("LTV2", Long.toString(-firstY));
            cards.put("RESAMPLE", "'none'");
        } else {
            cards.put("RESAMPLE", "'" + grid.method().keyword() + "'");
        }
        cards.put("NPLATES", Integer.toString(plates.size()));
        cards.put("NBLANK", Integer.toString(blankCount));
        return cards;
    }

    /** The FITS file: the cutout with its WCS and provenance cards. */
    public byte[] toFits() {
        return FitsImageWriter.toBytes(pixels, width, height, cards());
    }
}
