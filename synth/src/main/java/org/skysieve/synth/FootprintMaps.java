package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.CellVertices;
import org.skysieve.sky.healpix.HealpixCoverage;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The maps of a synthetic survey's bands, made from its {@link FootprintDescription} with the very geometry the
 * simulation uses ({@link Tile#edgeDistanceDeg}, {@link MaskIndex#separationArcsec}, {@link Footprint}'s depth):
 * per band a coverage MOC (the tiles observed in the band), a mask MOC (mask circles inside the coverage, all reasons
 * and one per reason) and a depth map (the 5-sigma limiting magnitude, a {@link PartialHealpixMap}).
 *
 * <p>Resolution: a MOC describes a tile's inside with large cells and only its edge with cells of the maximum order,
 * chosen so that a cell is at most 1/1000 of the tile size (coverage) and 1/100 of each mask's radius (masks; the
 * mask MOC's order is that of the smallest mask), between orders 14 and 20. An edge cell at the maximum order is in the MOC when its centre is inside: positions within half
 * a cell of an edge may get the other side's status. The depth map's order makes a cell no larger than half the
 * shallow strip along tile edges ({@code edgeFraction * tileSize}), at least order 8; its value is the limit at the
 * cell centre (or, for a cell whose centre is outside the band's tiles, at the centre of a covered cell inside it).
 */
final class FootprintMaps {
    static final String COVERAGE_PREFIX = "coverage_";
    static final String MASKS_PREFIX = "masks_";
    static final String DEPTH_PREFIX = "depth_";
    static final String MOC_SUFFIX = ".moc.fits";
    private static final int MIN_MOC_ORDER = 14;
    private static final int MAX_MOC_ORDER = 20;
    /** Cells of about a tile's size / 4 to start the descent from. */
    static final double CELL_SIZE_DEG_AT_ORDER_0 = 58.6;
    /** An upper bound of a cell's circumradius over its nominal size, below {@link #CHEAP_RADIUS_MAX_LAT_DEG}. */
    static final double CIRCUMRADIUS_PER_CELL_SIZE = 1.1;
    static final double CHEAP_RADIUS_MAX_LAT_DEG = 60;

    private final FootprintDescription footprint;
    private final int coverageOrder;
    private final int maskOrder;
    private final int depthOrder;
    private final Map<FootprintDescription.TileDescription, SpatialMoc> tileMocs = new LinkedHashMap<>();
    /** Per mask reason, the cells of the mask circles (every band is masked in them where observed). */
    private final Map<String, SpatialMoc> masks;

    FootprintMaps(FootprintDescription footprint) {
        this.footprint = requireNonNull(footprint, "footprint is null");
        this.coverageOrder = clamp(orderForCellSize(footprint.tileSizeDeg() / 1000), MIN_MOC_ORDER, MAX_MOC_ORDER);
        double smallestMaskDeg = footprint.masks().stream().mapToDouble(mask -> mask.radiusArcsec() / 3600).min().orElse(1);
        this.maskOrder = maskOrder(smallestMaskDeg);
        double stripDeg = footprint.depth().edgeFraction() * footprint.tileSizeDeg();
        this.depthOrder = clamp(orderForCellSize(stripDeg / 2), 8, coverageOrder);
        // tiles are independent: described in parallel, kept in the description's order
        List<SpatialMoc> mocs = footprint.tiles().parallelStream().map(this::tileMoc).toList();
        for (int t = 0; t < mocs.size(); t++) {
            tileMocs.put(footprint.tiles().get(t), mocs.get(t));
        }
        this.masks = masksByReason();
    }

    int coverageOrder() {
        return coverageOrder;
    }

    int maskOrder() {
        return maskOrder;
    }

    int depthOrder() {
        return depthOrder;
    }

    /** The order describing the edge of a mask of {@code radiusDeg}: cells of at most 1/100 of the radius. */
    private static int maskOrder(double radiusDeg) {
        return clamp(orderForCellSize(radiusDeg / 100), MIN_MOC_ORDER, MAX_MOC_ORDER);
    }

    /** The smallest order whose cells are at most {@code sizeDeg} across. */
    private static int orderForCellSize(double sizeDeg) {
        int order = 0;
        while (order < 29 && CELL_SIZE_DEG_AT_ORDER_0 / (1L << order) > sizeDeg) {
            order++;
        }
        return order;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Writes {@code coverage_<band>.moc.fits}, {@code masks_<band>.moc.fits} (and one per reason), {@code depth_<band>.fits}. */
    void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (FootprintDescription.BandDepth band : footprint.depth().medianDepths()) {
            SpatialMoc coverage = coverage(band.band());
            write(coverage, folder.resolve(COVERAGE_PREFIX + band.band() + MOC_SUFFIX));
            SpatialMoc allMasks = SpatialMoc.empty(maskOrder);
            for (Map.Entry<String, SpatialMoc> reason : masks.entrySet()) {
                SpatialMoc observed = reason.getValue().intersection(coverage);
                allMasks = allMasks.union(observed);
                write(observed, folder.resolve(MASKS_PREFIX + band.band() + "_" + reason.getKey() + MOC_SUFFIX));
            }
            write(allMasks, folder.resolve(MASKS_PREFIX + band.band() + MOC_SUFFIX));
            PartialHealpixMap depth = depth(band.band());
            Path depthFile = folder.resolve(DEPTH_PREFIX + band.band() + ".fits");
            Path temporary = depthFile.resolveSibling(depthFile.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                depth.write(out);
            }
            Files.move(temporary, depthFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void write(SpatialMoc moc, Path file) throws IOException {
        MocFiles.write(moc, MocFiles.Format.FITS, file);
    }

    /** The union of the tiles observed in {@code band}. */
    SpatialMoc coverage(String band) {
        List<long[]> bounds = new ArrayList<>();
        for (Map.Entry<FootprintDescription.TileDescription, SpatialMoc> tile : tileMocs.entrySet()) {
            if (bandDepth(tile.getKey(), band) != null) {
                bounds.add(tile.getValue().rangeBounds());
            }
        }
        return SpatialMoc.ofRangeBounds(coverageOrder, concatenate(bounds));
    }

    private static long[] concatenate(List<long[]> arrays) {
        long[] all = new long[arrays.stream().mapToInt(array -> array.length).sum()];
        int size = 0;
        for (long[] array : arrays) {
            System.arraycopy(array, 0, all, size, array.length);
            size += array.length;
        }
        return all;
    }

    /** Per mask reason, the mask circles' cells (anywhere; intersect with a band's coverage). */
    Map<String, SpatialMoc> masksByReason() {
        Map<String, List<long[]>> boundsByReason = new LinkedHashMap<>();
        boundsByReason.put(MaskCircle.BRIGHT_STAR, new ArrayList<>());
        boundsByReason.put(MaskCircle.BAD_REGION, new ArrayList<>());
        List<long[]> described = footprint.masks().parallelStream().map(mask -> descend(mask.raDeg(), mask.decDeg(),
                Math.toRadians(mask.radiusArcsec() / 3600) * 1.01, (raDeg, decDeg) ->
                        (mask.radiusArcsec() - MaskIndex.separationArcsec(mask, raDeg, decDeg)) / 3600, mask.decDeg(),
                maskOrder(mask.radiusArcsec() / 3600))).toList();
        for (int m = 0; m < described.size(); m++) {
            boundsByReason.computeIfAbsent(footprint.masks().get(m).reason(), reason -> new ArrayList<>()).add(described.get(m));
        }
        Map<String, SpatialMoc> masks = new LinkedHashMap<>();
        for (Map.Entry<String, List<long[]>> reason : boundsByReason.entrySet()) {
            masks.put(reason.getKey(), SpatialMoc.ofRangeBounds(maskOrder, concatenate(reason.getValue())));
        }
        return masks;
    }

    /** The limiting magnitude of {@code band} on every depth-order cell that touches the band's coverage. */
    PartialHealpixMap depth(String band) {
        Map<Long, Float> values = new HashMap<>();
        int shift = 2 * (29 - depthOrder);
        for (Map.Entry<FootprintDescription.TileDescription, SpatialMoc> entry : tileMocs.entrySet()) {
            FootprintDescription.TileDescription tile = entry.getKey();
            Double tileDepth = bandDepth(tile, band);
            if (tileDepth == null) {
                continue;
            }
            long[] fine = entry.getValue().rangeBounds();
            long[] coarse = entry.getValue().degrade(depthOrder).rangeBounds();
            int next = 0;
            for (int i = 0; i < coarse.length; i += 2) {
                for (long cell = coarse[i] >>> shift; cell < coarse[i + 1] >>> shift; cell++) {
                    LonLat centre = HealpixNested.center(depthOrder, cell);
                    boolean inside = edgeDistanceDeg(tile, centre.lonDeg(), centre.latDeg()) >= 0;
                    if (!inside && values.containsKey(cell)) {
                        continue;
                    }
                    if (!inside) {
                        // a cell on the tile's edge: take the limit where the tile is, at a covered cell inside it
                        long cellStart = cell << shift;
                        while (fine[next + 1] <= cellStart) {
                            next += 2;
                        }
                        long first = Math.max(fine[next], cellStart);
                        centre = HealpixNested.center(coverageOrder, first >>> (2 * (29 - coverageOrder)));
                    }
                    values.put(cell, (float) limitMag(tile, tileDepth, centre.lonDeg(), centre.latDeg()));
                }
            }
        }
        long[] cells = values.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        float[] limits = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            limits[i] = values.get(cells[i]);
        }
        return new PartialHealpixMap(depthOrder, cells, limits, "mag");
    }

    /** {@link Footprint#limitingMagnitude}, from the description. */
    double limitMag(FootprintDescription.TileDescription tile, double tileDepthMag, double raDeg, double decDeg) {
        FootprintDescription.DepthModel model = footprint.depth();
        double x = SkyRegion.wrapOffset(raDeg) * Math.cos(Math.toRadians(decDeg));
        double smooth = model.amplitudeMag() * Math.sin(2 * Math.PI * x / model.waveRaDeg() + model.phaseRaRad())
                * Math.cos(2 * Math.PI * decDeg / model.waveDecDeg() + model.phaseDecRad());
        boolean nearEdge = edgeDistanceDeg(tile, raDeg, decDeg) < model.edgeFraction() * tile.sizeDeg();
        return tileDepthMag + smooth - (nearEdge ? model.edgePenaltyMag() : 0);
    }

    static Double bandDepth(FootprintDescription.TileDescription tile, String band) {
        for (FootprintDescription.BandDepth depth : tile.bands()) {
            if (depth.band().equals(band)) {
                return depth.depthMag();
            }
        }
        return null;
    }

    /** {@link Tile#edgeDistanceDeg}: distance to the nearest edge in the tile's local coordinates; negative outside. */
    static double edgeDistanceDeg(FootprintDescription.TileDescription tile, double raDeg, double decDeg) {
        double cosDec = Math.cos(Math.toRadians(tile.decCentreDeg()));
        double x = Math.abs(SkyRegion.wrapOffset(raDeg - tile.raCentreDeg())) * cosDec;
        double y = Math.abs(decDeg - tile.decCentreDeg());
        return Math.min(tile.sizeDeg() / 2 - x, tile.sizeDeg() / 2 - y);
    }

    private SpatialMoc tileMoc(FootprintDescription.TileDescription tile) {
        double halfDiagonalRad = Math.toRadians(tile.sizeDeg() / 2 * Math.sqrt(2) / Math.cos(Math.toRadians(tile.decCentreDeg()))) * 1.01;
        return SpatialMoc.ofRangeBounds(coverageOrder, descend(tile.raCentreDeg(), tile.decCentreDeg(), halfDiagonalRad,
                (raDeg, decDeg) -> edgeDistanceDeg(tile, raDeg, decDeg), tile.decCentreDeg(), coverageOrder));
    }

    /** Signed distance from a shape's edge, degrees in the shape's local (flat) coordinates, positive inside. */
    private interface SignedDistance {
        double deg(double raDeg, double decDeg);
    }

    /**
     * The cells of a shape inside the cap (centre, radiusRad): a cell whose circumcircle lies inside (outside) is taken
     * (dropped) whole; cells on the edge are split down to the MOC order, where the centre decides.
     */
    private long[] descend(double raDeg, double decDeg, double radiusRad, SignedDistance distance, double localDecDeg, int targetOrder) {
        int startOrder = clamp(orderForCellSize(Math.toDegrees(radiusRad)), 0, targetOrder);
        long[] start = HealpixCoverage.coneCells(startOrder, Math.toRadians(raDeg), Math.toRadians(decDeg), radiusRad);
        Bounds bounds = new Bounds();
        for (long cell : start) {
            descend(startOrder, cell, targetOrder, distance, Math.cos(Math.toRadians(localDecDeg)), bounds);
        }
        return bounds.toArray();
    }

    private void descend(int order, long cell, int targetOrder, SignedDistance distance, double cosLocalDec, Bounds bounds) {
        LonLat centre = HealpixNested.center(order, cell);
        double signed = distance.deg(centre.lonDeg(), centre.latDeg());
        if (order < targetOrder) {
            // within 60 deg of the equator a cell's circumradius is at most 1.045 times its nominal size (FootprintMapsTest
            // measures it): bound it cheaply; nearer the poles measure it
            double radiusDeg = Math.abs(centre.latDeg()) < CHEAP_RADIUS_MAX_LAT_DEG
                    ? CIRCUMRADIUS_PER_CELL_SIZE * CELL_SIZE_DEG_AT_ORDER_0 / (1L << order) : circumradiusDeg(order, cell, centre);
            // local coordinates stretch RA offsets by cos(local dec) / cos(dec): allow for it, with a margin
            double stretch = 1.05 * Math.max(1, cosLocalDec / Math.max(1e-9, Math.cos(Math.toRadians(Math.abs(centre.latDeg()) + radiusDeg))));
            if (signed < -radiusDeg * stretch) {
                return;
            }
            if (signed <= radiusDeg * stretch) {
                for (long child = cell << 2; child < (cell << 2) + 4; child++) {
                    descend(order + 1, child, targetOrder, distance, cosLocalDec, bounds);
                }
                return;
            }
        } else if (signed < 0) {
            return;
        }
        int shift = 2 * (29 - order);
        bounds.add(cell << shift, (cell + 1) << shift);
    }

    /** Growing range bounds, merged when they touch (the descent produces them in order). */
    private static final class Bounds {
        private long[] values = new long[64];
        private int size;

        void add(long start, long end) {
            if (size > 0 && values[size - 1] == start) {
                values[size - 1] = end;
                return;
            }
            if (size + 2 > values.length) {
                values = Arrays.copyOf(values, 2 * values.length);
            }
            values[size++] = start;
            values[size++] = end;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static double circumradiusDeg(int order, long cell, LonLat centre) {
        CellVertices vertices = HealpixNested.vertices(order, cell);
        double farthest = 0;
        for (LonLat vertex : Arrays.asList(vertices.north(), vertices.south(), vertices.east(), vertices.west())) {
            farthest = Math.max(farthest, centre.distanceRad(vertex));
        }
        return Math.toDegrees(farthest) * 1.01;
    }
}
