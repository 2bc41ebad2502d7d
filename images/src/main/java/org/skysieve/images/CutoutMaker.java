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
 */
final class CutoutMaker {
    private static final double SNAP_PIXELS = 1e-6;

    private CutoutMaker() {
    }

    static Cutout cut(List<PlatePixels> candidates, LonLat centre, int width, int height) {
        PlatePixels primary = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        PixelPosition primaryPixel = null;
        for (PlatePixels candidate : candidates) {
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
                primary = candidate;
                primaryPixel = pixel.get();
            }
        }
        if (primary == null) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "No plate covers a " + width + " x " + height
                    + " pixel stamp at (" + centre.lonDeg() + ", " + centre.latDeg() + ") deg");
        }
        Plate plate = primary.plate();
        long firstX = (long) Math.ceil(snap(primaryPixel.x() - 1.0) - width / 2.0);
        long firstY = (long) Math.ceil(snap(primaryPixel.y() - 1.0) - height / 2.0);
        float[] pixels = new float[width * height];
        Arrays.fill(pixels, Float.NaN);
        int x0 = (int) Math.max(0, firstX);
        int y0 = (int) Math.max(0, firstY);
        int x1 = (int) Math.min(plate.width(), firstX + width);
        int y1 = (int) Math.min(plate.height(), firstY + height);
        primary.copy(x0, y0, x1 - x0, y1 - y0, pixels, width, (int) (x0 - firstX), (int) (y0 - firstY));
        CelestialWcs wcs = plate.wcs().forSubImage(firstX + 1, firstY + 1);
        List<Plate> used = new ArrayList<>(List.of(plate));
        int blank = 0;
        boolean partial = x0 > firstX || y0 > firstY || x1 < firstX + width || y1 < firstY + height;
        if (partial && candidates.size() == 1) {
            blank = width * height - (x1 - x0) * (y1 - y0);
        } else if (partial) {
            int[] filledBy = new int[candidates.size()];
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < width; column++) {
                    long plateX = firstX + column;
                    long plateY = firstY + row;
                    if (plateX >= x0 && plateX < x1 && plateY >= y0 && plateY < y1) {
                        continue;
                    }
                    boolean filled = false;
                    Optional<LonLat> world = wcs.pixelToWorld(new PixelPosition(column + 1.0, row + 1.0));
                    for (int index = 0; index < candidates.size() && world.isPresent() && !filled; index++) {
                        PlatePixels other = candidates.get(index);
                        if (other == primary) {
                            continue;
                        }
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
                    }
                }
            }
            for (int index = 0; index < candidates.size(); index++) {
                if (filledBy[index] > 0) {
                    used.add(candidates.get(index).plate());
                }
            }
        }
        return new Cutout(pixels, width, height, wcs, plate, used, firstX, firstY, blank);
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
