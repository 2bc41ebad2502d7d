package org.skysieve.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * Cuts a stamp out of plates, following astropy's {@code Cutout2D(mode='partial', fill_value=nan)}.
 *
 * <p>Rules, written down:
 * <ol>
 *   <li>The primary plate is the candidate holding the centre farthest from its edges (or, when none holds it, the
 *       one whose box overlaps the stamp most). The stamp uses its native pixel grid: no resampling.</li>
 *   <li>With p the centre's 0-based pixel position on the primary plate (snapped to an integer within 1e-6 pixel so that
 *       rounding noise in the WCS cannot move the box), the stamp's first column is {@code ceil(p_x - width / 2)} and
 *       its first row {@code ceil(p_y - height / 2)}: astropy's {@code overlap_slices} rule, for odd and even sizes.</li>
 *   <li>The stamp's WCS is the primary's with CRPIX shifted by the first column and row, also when they lie outside the
 *       plate (partial mode).</li>
 *   <li>Pixels outside the primary plate are taken from the other candidate plates by nearest pixel (the plate pixel
 *       whose centre is nearest to the stamp pixel's sky position, through both WCSs); pixels outside every plate are
 *       NaN and counted as blank.</li>
 *   <li>A stamp that touches no plate is an error.</li>
 * </ol>
 * Stateless; the arrays passed in belong to the caller.
 */
final class CutoutMaker {
    private static final double SNAP_PIXELS = 1e-6;
    private static final int OUTLINE_STEP_PIXELS = 32;
    private static final double OUTLINE_MARGIN_PIXELS = 2.0;

    /**
     * The primary plate of a stamp and the centre's 0-based pixel position on it.
     *
     * @param inside distance of the centre to the plate's nearest edge, pixels (negative: the centre is outside)
     */
    record Primary(PlatePixels pixels, double x, double y, double inside) {
        /** Whether the whole stamp lies on this plate (then no other plate matters). */
        boolean holds(int width, int height) {
            Plate plate = pixels.plate();
            long firstX = (long) Math.ceil(snap(x) - width / 2.0);
            long firstY = (long) Math.ceil(snap(y) - height / 2.0);
            return inside >= 0 && firstX >= 0 && firstY >= 0 && firstX + width <= plate.width()
                    && firstY + height <= plate.height();
        }
    }

    private CutoutMaker() {
    }

    static Cutout cut(List<PlatePixels> candidates, LonLat centre, int width, int height) {
        return cut(candidates, centre, width, height, new float[width * height], null);
    }

    /**
     * The stamp into {@code pixels} (width x height, overwritten); {@code noPlate}, when not null, gets 1 where no plate
     * covers the pixel and 0 elsewhere.
     */
    static Cutout cut(List<PlatePixels> candidates, LonLat centre, int width, int height, float[] pixels,
            byte[] noPlate) {
        Primary primary = primary(candidates, centre, width, height);
        if (primary == null) {
            throw outside(centre, width, height);
        }
        return cut(primary, candidates, width, height, pixels, noPlate);
    }

    static CutoutException outside(LonLat centre, int width, int height) {
        return new CutoutException(CutoutException.Reason.NOT_FOUND, "No plate covers a " + width + " x " + height
                + " pixel stamp at (" + centre.lonDeg() + ", " + centre.latDeg() + ") deg");
    }

    /** The primary plate among the candidates (rule 1), or null when the stamp overlaps none. */
    static Primary primary(List<PlatePixels> candidates, LonLat centre, int width, int height) {
        Primary best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int index = 0; index < candidates.size(); index++) {
            PlatePixels candidate = candidates.get(index);
            Plate plate = candidate.plate();
            Optional<PixelPosition> pixel = plate.wcs().worldToPixel(centre);
            if (pixel.isEmpty()) {
                continue;
            }
            double x = pixel.get().x() - 1.0;
            double y = pixel.get().y() - 1.0;
            // inside: distance to the nearest edge (positive); outside: minus the overlap deficit
            double inside = Math.min(Math.min(x + 0.5, plate.width() - 0.5 - x), Math.min(y + 0.5,
                    plate.height() - 0.5 - y));
            double overlapX = overlap(x, width, plate.width());
            double overlapY = overlap(y, height, plate.height());
            if (overlapX <= 0 || overlapY <= 0) {
                continue;
            }
            double score = inside >= 0 ? 1e12 + inside : overlapX * overlapY;
            if (score > bestScore) {
                bestScore = score;
                best = new Primary(candidate, x, y, inside);
            }
        }
        return best;
    }

    /** The stamp on the primary's grid, other candidates filling what lies off the primary (rules 2 to 4). */
    static Cutout cut(Primary primary, List<PlatePixels> candidates, int width, int height, float[] pixels,
            byte[] noPlate) {
        Plate plate = primary.pixels().plate();
        long firstX = (long) Math.ceil(snap(primary.x()) - width / 2.0);
        long firstY = (long) Math.ceil(snap(primary.y()) - height / 2.0);
        int x0 = (int) Math.max(0, firstX);
        int y0 = (int) Math.max(0, firstY);
        int x1 = (int) Math.min(plate.width(), firstX + width);
        int y1 = (int) Math.min(plate.height(), firstY + height);
        boolean partial = x0 > firstX || y0 > firstY || x1 < firstX + width || y1 < firstY + height;
        if (noPlate != null) {
            Arrays.fill(noPlate, 0, width * height, (byte) 0);
        }
        if (!partial) {
            primary.pixels().copy(x0, y0, width, height, pixels, width, 0, 0);
            return new Cutout(pixels, width, height, null, plate, List.of(plate), firstX, firstY, 0, null);
        }
        Arrays.fill(pixels, 0, width * height, Float.NaN);
        primary.pixels().copy(x0, y0, x1 - x0, y1 - y0, pixels, width, (int) (x0 - firstX), (int) (y0 - firstY));
        List<Plate> used = new ArrayList<>(List.of(plate));
        CelestialWcs wcs = plate.wcs().forSubImage(firstX + 1, firstY + 1);
        List<PlatePixels> others = new ArrayList<>();
        for (PlatePixels candidate : candidates) {
            if (candidate != primary.pixels() && mayCover(candidate.plate(), wcs, width, height)) {
                others.add(candidate);
            }
        }
        int blank = 0;
        int[] filledBy = new int[others.size()];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                long plateX = firstX + column;
                long plateY = firstY + row;
                if (plateX >= x0 && plateX < x1 && plateY >= y0 && plateY < y1) {
                    continue;
                }
                boolean filled = false;
                Optional<LonLat> world = others.isEmpty() ? Optional.empty()
                        : wcs.pixelToWorld(new PixelPosition(column + 1.0, row + 1.0));
                for (int index = 0; index < others.size() && world.isPresent() && !filled; index++) {
                    PlatePixels other = others.get(index);
                    Optional<PixelPosition> there = other.plate().wcs().worldToPixel(world.get());
                    if (there.isPresent()) {
                        long x = Math.round(there.get().x() - 1.0);
                        long y = Math.round(there.get().y() - 1.0);
                        if (x >= 0 && y >= 0 && x < other.plate().width() && y < other.plate().height()) {
                            pixels[row * width + column] = other.value((int) x, (int) y);
                            filledBy[index]++;
                            filled = true;
                        }
                    }
                }
                if (!filled) {
                    blank++;
                    if (noPlate != null) {
                        noPlate[row * width + column] = 1;
                    }
                }
            }
        }
        for (int index = 0; index < others.size(); index++) {
            if (filledBy[index] > 0) {
                used.add(others.get(index).plate());
            }
        }
        return new Cutout(pixels, width, height, wcs, plate, used, firstX, firstY, blank, null);
    }

    /**
     * Whether {@code other} may hold a pixel of the stamp: the stamp's outline (its edges sampled every
     * {@value #OUTLINE_STEP_PIXELS} pixels) mapped onto the other plate has a bounding box within
     * {@value #OUTLINE_MARGIN_PIXELS} pixels of it. A quick rejection only: kept plates are still tested pixel by
     * pixel, and anything the projections cannot map is kept.
     */
    private static boolean mayCover(Plate other, CelestialWcs stamp, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int stepsX = Math.max(1, (int) Math.ceil(width / (double) OUTLINE_STEP_PIXELS));
        int stepsY = Math.max(1, (int) Math.ceil(height / (double) OUTLINE_STEP_PIXELS));
        for (int side = 0; side < 4; side++) {
            int steps = side < 2 ? stepsX : stepsY;
            for (int step = 0; step <= steps; step++) {
                double fraction = step / (double) steps;
                double x = side < 2 ? 0.5 + fraction * width : (side == 2 ? 0.5 : width + 0.5);
                double y = side < 2 ? (side == 0 ? 0.5 : height + 0.5) : 0.5 + fraction * height;
                Optional<LonLat> world = stamp.pixelToWorld(new PixelPosition(x, y));
                Optional<PixelPosition> there = world.isEmpty() ? Optional.empty()
                        : other.wcs().worldToPixel(world.get());
                if (there.isEmpty()) {
                    return true;
                }
                minX = Math.min(minX, there.get().x());
                maxX = Math.max(maxX, there.get().x());
                minY = Math.min(minY, there.get().y());
                maxY = Math.max(maxY, there.get().y());
            }
        }
        return maxX >= 0.5 - OUTLINE_MARGIN_PIXELS && minX <= other.width() + 0.5 + OUTLINE_MARGIN_PIXELS
                && maxY >= 0.5 - OUTLINE_MARGIN_PIXELS && minY <= other.height() + 0.5 + OUTLINE_MARGIN_PIXELS;
    }

    /** Length of the overlap of a stamp of {@code size} centred at 0-based {@code centre} with [0, extent). */
    private static double overlap(double centre, int size, int extent) {
        double first = Math.ceil(centre - size / 2.0);
        return Math.min(extent, first + size) - Math.max(0, first);
    }

    private static double snap(double coordinate) {
        double nearest = Math.rint(coordinate);
        return Math.abs(coordinate - nearest) < SNAP_PIXELS ? nearest : coordinate;
    }
}
