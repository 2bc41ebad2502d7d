package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocInvariants;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The maps agree with the simulation's own geometry on random points of every survey and band of the tiny sky:
 * coverage with {@link Footprint#tileAt} and the band's tiles, masks with {@link MaskIndex#stateAt}, depth with
 * {@link Footprint#limitingMagnitude}. A disagreement is allowed only within one MOC cell of a tile edge or mask
 * circle (the resolution of the maps), and must be rare.
 */
class FootprintMapsTest {
    private static final long SEED = 5;

    @Test
    void mapsAgreeWithTheSimulation() {
        SkyScale scale = SkyScale.TINY;
        UniverseGenerator universe = new UniverseGenerator(SEED, scale.region());
        SplittableRandom random = new SplittableRandom(17);
        for (SurveySpec survey : Surveys.all()) {
            Footprint footprint = new Footprint(SEED, survey, scale);
            MaskIndex masks = MaskIndex.build(SEED, survey, scale, footprint, universe.brightStars());
            FootprintMaps maps = new FootprintMaps(FootprintDescription.of(survey, footprint, masks));
            double cellDeg = 58.6 / (1L << maps.coverageOrder());
            double depthCellDeg = 58.6 / (1L << maps.depthOrder());
            for (int b = 0; b < survey.bands().size(); b++) {
                String band = survey.bands().get(b).name();
                SpatialMoc coverage = maps.coverage(band);
                MocInvariants.check(coverage);
                assertThat(coverage.isEmpty()).as(survey.name() + " " + band).isFalse();
                SpatialMoc masked = SpatialMoc.empty(maps.maskOrder());
                for (SpatialMoc reason : maps.masksByReason().values()) {
                    MocInvariants.check(reason);
                    masked = masked.union(reason);
                }
                masked = masked.intersection(coverage);
                PartialHealpixMap depth = maps.depth(band);
                List<String> unexplained = new ArrayList<>();
                int disagreements = 0;
                int observed = 0;
                int points = 20_000;
                SkyRegion region = scale.region();
                for (int p = 0; p < points; p++) {
                    double raDeg = region.raAt((2 * random.nextDouble() - 1) * region.raHalfWidthDeg());
                    double decDeg = region.decMinDeg() + random.nextDouble() * (region.decMaxDeg() - region.decMinDeg());
                    Tile tile = footprint.tileAt(raDeg, decDeg);
                    boolean inTruth = tile != null && tile.covers(b);
                    boolean maskedTruth = inTruth && masks.stateAt(raDeg, decDeg) == MaskIndex.State.INSIDE;
                    long hash29 = HealpixNested.hash(29, Math.toRadians(raDeg), Math.toRadians(decDeg));
                    boolean inMap = coverage.contains(hash29);
                    boolean maskedMap = masked.contains(hash29);
                    double edge = distanceToAnyEdgeDeg(footprint, masks, raDeg, decDeg);
                    double edgeInCells = distanceToAnyEdgeInCells(footprint, masks, raDeg, decDeg, cellDeg);
                    if (inMap != inTruth || maskedMap != maskedTruth) {
                        disagreements++;
                        if (edgeInCells > 1) {
                            unexplained.add(String.format("%s %s at (%.7f, %.7f): truth %s/%s, map %s/%s, %.2e deg from an edge",
                                    survey.name(), band, raDeg, decDeg, inTruth, maskedTruth, inMap, maskedMap, edge));
                        }
                    }
                    if (inTruth && inMap) {
                        observed++;
                        double limit = depth.valueAtHash29(hash29);
                        double truthLimit = footprint.limitingMagnitude(tile, b, raDeg, decDeg);
                        // the depth varies smoothly except across the shallow strip along the tile edges
                        double strip = Math.abs(tile.edgeDistanceDeg(raDeg, decDeg) - Footprint.EDGE_FRACTION * tile.sizeDeg());
                        double tolerance = Math.min(edge, strip) > 2 * depthCellDeg ? 0.01 : Footprint.EDGE_PENALTY_MAG + 0.01;
                        assertThat(limit).as("%s %s limit at (%f, %f)", survey.name(), band, raDeg, decDeg)
                                .isCloseTo(truthLimit, org.assertj.core.data.Offset.offset(tolerance));
                    }
                }
                assertThat(unexplained).isEmpty();
                // about a quarter of a cell along every edge is on the wrong side: in the tiny sky (tiles of 0.1-0.2 deg
                // with 0.4" cells) 0.05-0.15% of the area
                assertThat(disagreements).as(survey.name() + " " + band).isLessThanOrEqualTo(points / 400);
                assertThat(observed).as(survey.name() + " " + band + " observed points").isGreaterThan(0);
            }
        }
    }

    @Test
    void cheapCircumradiusBoundHolds() {
        SplittableRandom random = new SplittableRandom(1);
        for (int order : new int[] {3, 8, 14, 20}) {
            double worst = 0;
            for (int i = 0; i < 50_000; i++) {
                long cell = random.nextLong(HealpixNested.cellCount(order));
                var centre = HealpixNested.center(order, cell);
                if (Math.abs(centre.latDeg()) < FootprintMaps.CHEAP_RADIUS_MAX_LAT_DEG) {
                    double size = FootprintMaps.CELL_SIZE_DEG_AT_ORDER_0 / (1L << order);
                    // circumradiusDeg adds a 1% margin of its own
                    worst = Math.max(worst, FootprintMaps.circumradiusDeg(order, cell, centre) / 1.01 / size);
                }
            }
            assertThat(worst).as("order %d", order).isLessThan(FootprintMaps.CIRCUMRADIUS_PER_CELL_SIZE).isGreaterThan(0.9);
        }
    }

    /**
     * Distance to the nearest tile edge or mask circle in cells of the map that describes that edge: tiles at the
     * coverage order ({@code tileCellDeg}), each mask with cells of at most 1/100 of its radius.
     */
    private static double distanceToAnyEdgeInCells(Footprint footprint, MaskIndex masks, double raDeg, double decDeg, double tileCellDeg) {
        double nearest = Double.MAX_VALUE;
        for (Tile tile : footprint.tiles()) {
            nearest = Math.min(nearest, Math.abs(tile.edgeDistanceDeg(raDeg, decDeg)) / tileCellDeg);
        }
        for (MaskCircle circle : masks.circles()) {
            double cellArcsec = Math.min(circle.radiusArcsec() / 100, 3600 * 58.6 / (1L << 14));
            nearest = Math.min(nearest, Math.abs(MaskIndex.separationArcsec(circle, raDeg, decDeg) - circle.radiusArcsec()) / cellArcsec);
        }
        return nearest;
    }

    /** Distance to the nearest tile edge or mask circle, degrees (local flat coordinates). */
    private static double distanceToAnyEdgeDeg(Footprint footprint, MaskIndex masks, double raDeg, double decDeg) {
        double nearest = Double.MAX_VALUE;
        for (Tile tile : footprint.tiles()) {
            nearest = Math.min(nearest, Math.abs(tile.edgeDistanceDeg(raDeg, decDeg)));
        }
        for (MaskCircle circle : masks.circles()) {
            nearest = Math.min(nearest, Math.abs(MaskIndex.separationArcsec(circle, raDeg, decDeg) - circle.radiusArcsec()) / 3600);
        }
        return nearest;
    }
}
