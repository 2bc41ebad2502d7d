package org.skysieve.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * Resamples plates onto a {@link CommonGrid} stamp: every grid pixel's centre goes through the grid's WCS to the sky
 * and through each plate's WCS to a plate pixel position, the primary plate (the one holding the centre farthest from
 * its edges) first, then the other candidates; the first plate that reaches the position gives the value by
 * {@link CommonGrid.Resampling}. Nearest takes the plate pixel whose centre is nearest (a position within half a pixel of
 * the plate's edge counts as on the plate); bilinear weights the 4 surrounding pixel centres, clamped to the edge pixels
 * within half a pixel of the edge, and is NaN when a pixel with a non-zero weight is NaN. Pixels no plate reaches are
 * NaN and counted blank. Stateless.
 */
final class GridResampler {
    private GridResampler() {
    }

    static Cutout resample(CutoutMaker.Primary primary, List<PlatePixels> candidates, LonLat centre, int width,
            int height, CommonGrid grid, float[] pixels, byte[] noPlate) {
        CelestialWcs wcs = grid.wcsAt(centre, width, height);
        List<PlatePixels> order = new ArrayList<>(candidates.size());
        if (primary != null) {
            order.add(primary.pixels());
        }
        for (PlatePixels candidate : candidates) {
            if (primary == null || candidate != primary.pixels()) {
                order.add(candidate);
            }
        }
        int[] used = new int[order.size()];
        int blank = 0;
        boolean bilinear = grid.method() == CommonGrid.Resampling.BILINEAR;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int at = row * width + column;
                Optional<LonLat> world = wcs.pixelToWorld(new PixelPosition(column + 1.0, row + 1.0));
                int source = -1;
                for (int index = 0; index < order.size() && world.isPresent() && source < 0; index++) {
                    PlatePixels plate = order.get(index);
                    Optional<PixelPosition> there = plate.plate().wcs().worldToPixel(world.get());
                    if (there.isEmpty()) {
                        continue;
                    }
                    double x = there.get().x() - 1.0;
                    double y = there.get().y() - 1.0;
                    int plateWidth = plate.plate().width();
                    int plateHeight = plate.plate().height();
                    if (!(x >= -0.5 && y >= -0.5 && x < plateWidth - 0.5 && y < plateHeight - 0.5)) {
                        continue;
                    }
                    pixels[at] = bilinear ? bilinear(plate, x, y) : plate.value(nearest(x, plateWidth),
                            nearest(y, plateHeight));
                    source = index;
                }
                if (source < 0) {
                    pixels[at] = Float.NaN;
                    blank++;
                } else {
                    used[source]++;
                }
                if (noPlate != null) {
                    noPlate[at] = (byte) (source < 0 ? 1 : 0);
                }
            }
        }
        List<Plate> plates = new ArrayList<>();
        for (int index = 0; index < order.size(); index++) {
            if (used[index] > 0) {
                plates.add(order.get(index).plate());
            }
        }
        if (plates.isEmpty()) {
            throw CutoutMaker.outside(centre, width, height);
        }
        Plate named = primary != null ? primary.pixels().plate() : plates.get(0);
        if (!plates.contains(named)) {
            plates.add(0, named);
        }
        return new Cutout(pixels, width, height, wcs, named, plates, 0, 0, blank, grid);
    }

    private static int nearest(double coordinate, int extent) {
        return (int) Math.max(0, Math.min(extent - 1, Math.round(coordinate)));
    }

    private static float bilinear(PlatePixels plate, double x, double y) {
        int width = plate.plate().width();
        int height = plate.plate().height();
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.min(width - 2, Math.floor(cx));
        int y0 = (int) Math.min(height - 2, Math.floor(cy));
        if (width == 1 || height == 1) {
            return plate.value(nearest(x, width), nearest(y, height));
        }
        double fx = cx - x0;
        double fy = cy - y0;
        double sum = 0;
        double[] weights = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        int[][] corners = {{x0, y0}, {x0 + 1, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}};
        for (int corner = 0; corner < 4; corner++) {
            if (weights[corner] == 0) {
                continue;
            }
            sum += weights[corner] * plate.value(corners[corner][0], corners[corner][1]);
        }
        return (float) sum;
    }
}
