package org.skysieve.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A survey's footprint: tiles on the survey's own grid (rows of constant Dec, {@code tileSize + gap} apart, columns
 * spaced the same on the sky), some grid positions missing, each band observed on a share of the tiles, and the
 * 5-sigma point-source limiting magnitude at every position:
 *
 * <pre>
 * limit(band, ra, dec) = medianDepth(band) + tileOffset(tile, band)
 *                      + A sin(2 pi x / L_ra + phi_ra) cos(2 pi dec / L_dec + phi_dec)     (x = RA offset * cos dec)
 *                      - EDGE_PENALTY_MAG if within EDGE_FRACTION * tileSize of the tile edge
 * </pre>
 * Immutable and thread-safe; deterministic for (seed, survey, scale).
 */
final class Footprint {
    /** Share of the tile size, from the edge, that is shallower (fewer overlapping exposures) and flagged. */
    static final double EDGE_FRACTION = 0.03;
    static final double EDGE_PENALTY_MAG = 0.15;

    private final SurveySpec survey;
    private final TilingSpec tiling;
    private final SkyRegion region;
    private final double stepDeg;
    private final Map<Long, Tile> tiles = new HashMap<>();
    private final List<Tile> tileList = new ArrayList<>();
    private final double waveRaDeg;
    private final double waveDecDeg;
    private final double phaseRaRad;
    private final double phaseDecRad;

    Footprint(long seed, SurveySpec survey, SkyScale scale) {
        this.survey = survey;
        this.tiling = survey.tiling().scaled(scale.tileScale());
        this.region = scale.region();
        this.stepDeg = tiling.tileSizeDeg() + tiling.gapDeg();
        SplittableRandom random = Seeds.stream(seed, Seeds.DOMAIN_DEPTH_PATTERN, survey.code());
        this.waveRaDeg = 0.83 * Math.max(tiling.tileSizeDeg(), 0.1) * 1.7;
        this.waveDecDeg = 0.71 * Math.max(tiling.tileSizeDeg(), 0.1) * 1.9;
        this.phaseRaRad = 2 * Math.PI * random.nextDouble();
        this.phaseDecRad = 2 * Math.PI * random.nextDouble();
        buildTiles(seed);
    }

    private void buildTiles(long seed) {
        double half = tiling.tileSizeDeg() / 2;
        List<PendingTile> pending = new ArrayList<>();
        int rowMin = (int) Math.floor((region.decMinDeg() - half - tiling.gridPhaseDeg()) / stepDeg);
        int rowMax = (int) Math.ceil((region.decMaxDeg() + half - tiling.gridPhaseDeg()) / stepDeg);
        for (int row = rowMin; row <= rowMax; row++) {
            double decCentre = rowCentreDeg(row);
            if (decCentre + half < region.decMinDeg() || decCentre - half > region.decMaxDeg()) {
                continue;
            }
            double halfWidthSky = region.raHalfWidthDeg() * Math.cos(Math.toRadians(decCentre));
            int columnMin = (int) Math.floor((-halfWidthSky - half - tiling.gridPhaseDeg()) / stepDeg);
            int columnMax = (int) Math.ceil((halfWidthSky + half - tiling.gridPhaseDeg()) / stepDeg);
            for (int column = columnMin; column <= columnMax; column++) {
                double offsetSky = tiling.gridPhaseDeg() + column * stepDeg;
                if (offsetSky + half < -halfWidthSky || offsetSky - half > halfWidthSky) {
                    continue;
                }
                SplittableRandom random = Seeds.stream(seed, Seeds.DOMAIN_TILE,
                        survey.code() * 1_000_000_000_000L + (row + 100_000L) * 200_000L + column + 100_000L);
                if (random.nextDouble() < tiling.missingFraction()) {
                    continue;
                }
                PendingTile tile = new PendingTile(row, column, new double[survey.bands().size()], new boolean[survey.bands().size()]);
                for (int b = 0; b < tile.depthOffsetMag().length; b++) {
                    tile.covered()[b] = random.nextDouble() < survey.bands().get(b).coverageFraction();
                    tile.depthOffsetMag()[b] = tiling.tileDepthSigmaMag() * Seeds.gaussian(random);
                }
                pending.add(tile);
            }
        }
        // every band of the survey is observed somewhere: on a small sky the dice may leave a band on no tile
        for (int b = 0; b < survey.bands().size() && !pending.isEmpty(); b++) {
            int band = b;
            if (pending.stream().noneMatch(tile -> tile.covered()[band])) {
                pending.get(0).covered()[band] = true;
            }
        }
        for (PendingTile candidate : pending) {
            double[] depthOffsets = candidate.depthOffsetMag().clone();
            for (int b = 0; b < depthOffsets.length; b++) {
                depthOffsets[b] = candidate.covered()[b] ? depthOffsets[b] : Double.NaN;
            }
            double decCentre = rowCentreDeg(candidate.row());
            double cosDec = Math.cos(Math.toRadians(decCentre));
            double raCentre = region.raAt((tiling.gridPhaseDeg() + candidate.column() * stepDeg) / cosDec);
            String id = String.format(Locale.ROOT, "%s_%07.3f_%+07.3f", tiling.tilePrefix(), raCentre, decCentre);
            Tile tile = new Tile(id, raCentre, decCentre, tiling.tileSizeDeg(), depthOffsets);
            tiles.put(key(candidate.row(), candidate.column()), tile);
            tileList.add(tile);
        }
    }

    /** A grid position kept as a tile, before its bands are final. */
    private record PendingTile(int row, int column, double[] depthOffsetMag, boolean[] covered) {
    }

    private double rowCentreDeg(int row) {
        return tiling.gridPhaseDeg() + row * stepDeg;
    }

    private static long key(int row, int column) {
        return ((long) row << 32) ^ (column & 0xFFFFFFFFL);
    }

    /** The tile containing the point, or null when the point is in a gap, a missing tile or off the grid. */
    Tile tileAt(double raDeg, double decDeg) {
        int row = (int) Math.round((decDeg - tiling.gridPhaseDeg()) / stepDeg);
        double cosDec = Math.cos(Math.toRadians(rowCentreDeg(row)));
        double offsetSky = region.raOffsetDeg(raDeg) * cosDec;
        int column = (int) Math.round((offsetSky - tiling.gridPhaseDeg()) / stepDeg);
        Tile tile = tiles.get(key(row, column));
        if (tile == null || tile.edgeDistanceDeg(raDeg, decDeg) < 0) {
            return null;
        }
        return tile;
    }

    /**
     * The part of the limiting magnitude that depends on position only (smooth term minus edge penalty), mag;
     * add {@link #tileDepthMag} of a band to get its limit.
     */
    double positionDepthTermMag(Tile tile, double raDeg, double decDeg) {
        double x = region.raOffsetDeg(raDeg) * Math.cos(Math.toRadians(decDeg));
        double smooth = tiling.smoothDepthAmplitudeMag()
                * Math.sin(2 * Math.PI * x / waveRaDeg + phaseRaRad) * Math.cos(2 * Math.PI * decDeg / waveDecDeg + phaseDecRad);
        return smooth - (nearEdge(tile, raDeg, decDeg) ? EDGE_PENALTY_MAG : 0);
    }

    /** The depth of band {@code bandIndex} on {@code tile} (which must cover it), before the position term, mag. */
    double tileDepthMag(Tile tile, int bandIndex) {
        return survey.bands().get(bandIndex).medianDepthMag() + tile.depthOffsetMag(bandIndex);
    }

    /** The 5-sigma point-source limiting magnitude of band {@code bandIndex} at a point of {@code tile}. */
    double limitingMagnitude(Tile tile, int bandIndex, double raDeg, double decDeg) {
        return tileDepthMag(tile, bandIndex) + positionDepthTermMag(tile, raDeg, decDeg);
    }

    boolean nearEdge(Tile tile, double raDeg, double decDeg) {
        return tile.edgeDistanceDeg(raDeg, decDeg) < EDGE_FRACTION * tile.sizeDeg();
    }

    List<Tile> tiles() {
        return List.copyOf(tileList);
    }

    TilingSpec tiling() {
        return tiling;
    }

    /** The parameters of the smooth depth term, for the footprint description. */
    FootprintDescription.DepthModel depthModel() {
        List<FootprintDescription.BandDepth> medians = new ArrayList<>();
        for (SurveyBandSpec band : survey.bands()) {
            medians.add(new FootprintDescription.BandDepth(band.name(), band.medianDepthMag()));
        }
        return new FootprintDescription.DepthModel(medians, tiling.smoothDepthAmplitudeMag(), waveRaDeg, waveDecDeg,
                phaseRaRad, phaseDecRad, EDGE_FRACTION, EDGE_PENALTY_MAG);
    }
}
