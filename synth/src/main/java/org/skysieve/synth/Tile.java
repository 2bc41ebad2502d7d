package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One tile of a survey's footprint: a square of {@code sizeDeg} on the sky centred on (raCentreDeg, decCentreDeg),
 * observed in some of the survey's bands, each with its own depth offset.
 *
 * <p>The square is taken in local coordinates (RA offset times cos of the tile's Dec centre, Dec), which for
 * tiles of a degree or two differs from a gnomonic square by far less than a pixel's worth of science here.
 * Immutable.
 */
final class Tile {
    private final String id;
    private final double raCentreDeg;
    private final double decCentreDeg;
    private final double sizeDeg;
    private final double[] depthOffsetMag;

    /** @param depthOffsetMag per survey band, NaN where the band was not observed on this tile */
    Tile(String id, double raCentreDeg, double decCentreDeg, double sizeDeg, double[] depthOffsetMag) {
        this.id = requireNonNull(id, "id is null");
        this.raCentreDeg = raCentreDeg;
        this.decCentreDeg = decCentreDeg;
        this.sizeDeg = sizeDeg;
        this.depthOffsetMag = depthOffsetMag.clone();
    }

    String id() {
        return id;
    }

    double raCentreDeg() {
        return raCentreDeg;
    }

    double decCentreDeg() {
        return decCentreDeg;
    }

    double sizeDeg() {
        return sizeDeg;
    }

    boolean covers(int bandIndex) {
        return !Double.isNaN(depthOffsetMag[bandIndex]);
    }

    /** Depth offset of the band on this tile, mag (positive = deeper); NaN when the band is not observed. */
    double depthOffsetMag(int bandIndex) {
        return depthOffsetMag[bandIndex];
    }

    /** Distance from the point to the nearest tile edge, degrees; negative outside the tile. */
    double edgeDistanceDeg(double raDeg, double decDeg) {
        double cosDec = Math.cos(Math.toRadians(decCentreDeg));
        double x = Math.abs(SkyRegion.wrapOffset(raDeg - raCentreDeg)) * cosDec;
        double y = Math.abs(decDeg - decCentreDeg);
        return Math.min(sizeDeg / 2 - x, sizeDeg / 2 - y);
    }

    @Override
    public String toString() {
        return "Tile[" + id + ", bands " + Arrays.toString(depthOffsetMag) + "]";
    }
}
