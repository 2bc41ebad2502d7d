package org.skysieve.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A survey's masks with a grid index for point look-ups: bright stars (brighter than the survey's threshold in its
 * mask band, radius growing with brightness) and bad regions (random circles).
 *
 * <p>Distances use the flat-sky approximation around each circle, good to far better than an arcsecond for the
 * radii here (at most a few arcminutes). Immutable and thread-safe.
 */
final class MaskIndex {
    /** Where a point is relative to the masks. */
    enum State {
        CLEAR,
        /** Outside every mask but within twice the radius of a bright-star mask. */
        NEAR_BRIGHT_STAR,
        INSIDE
    }

    private static final double CELL_DEG = 0.02;

    private final List<MaskCircle> circles;
    private final Map<Long, List<Integer>> cells = new HashMap<>();

    MaskIndex(List<MaskCircle> circles) {
        this.circles = List.copyOf(circles);
        for (int c = 0; c < this.circles.size(); c++) {
            MaskCircle circle = this.circles.get(c);
            double reachDeg = 2 * circle.radiusArcsec() / 3600;
            double cosDec = Math.cos(Math.toRadians(circle.decDeg()));
            double x = SkyRegion.wrapOffset(circle.raDeg()) * cosDec;
            for (long cx = cell(x - reachDeg); cx <= cell(x + reachDeg); cx++) {
                for (long cy = cell(circle.decDeg() - reachDeg); cy <= cell(circle.decDeg() + reachDeg); cy++) {
                    cells.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    /**
     * The masks of {@code survey}: its bright stars from {@code brightStars} and its bad regions (detector or
     * reduction artefacts, so centred on the survey's tiles; radius scaled by the square root of the tile scale so
     * that even the tiny sky masks a few sources).
     */
    static MaskIndex build(long seed, SurveySpec survey, SkyScale scale, Footprint footprint, SourceBatch brightStars) {
        List<MaskCircle> circles = new ArrayList<>();
        MaskSpec spec = survey.masks();
        double dt = survey.epochYear() - EpochPropagation.TRUTH_EPOCH_YEAR;
        for (int s = 0; s < brightStars.size(); s++) {
            double mag = brightStars.magnitudes[spec.maskBand().ordinal()][s];
            if (mag < spec.thresholdMag()) {
                double[] position = EpochPropagation.propagate(brightStars, s, dt);
                circles.add(new MaskCircle(position[0], position[1], spec.radiusArcsec(mag), MaskCircle.BRIGHT_STAR));
            }
        }
        if (spec.badRegionsPerSquareDeg() > 0) {
            SkyRegion region = scale.region();
            SplittableRandom random = Seeds.stream(seed, Seeds.DOMAIN_BAD_REGIONS, survey.code());
            long count = 1 + Seeds.poisson(random, spec.badRegionsPerSquareDeg() * region.areaSquareDeg());
            SkyChunk whole = new SkyChunk(-1, region, -region.raHalfWidthDeg(), region.raHalfWidthDeg(), region.decMinDeg(), region.decMaxDeg());
            for (long r = 0; r < count; r++) {
                double[] position = whole.randomPoint(random);
                for (int attempt = 0; attempt < 100 && footprint.tileAt(position[0], position[1]) == null; attempt++) {
                    position = whole.randomPoint(random);
                }
                double radius = spec.badRegionRadiusArcsec() * Math.sqrt(scale.tileScale()) * (0.5 + random.nextDouble());
                circles.add(new MaskCircle(position[0], position[1], radius, MaskCircle.BAD_REGION));
            }
        }
        return new MaskIndex(circles);
    }

    private static long cell(double deg) {
        return (long) Math.floor(deg / CELL_DEG);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xFFFFFFFFL);
    }

    State stateAt(double raDeg, double decDeg) {
        double x = SkyRegion.wrapOffset(raDeg) * Math.cos(Math.toRadians(decDeg));
        List<Integer> candidates = cells.get(key(cell(x), cell(decDeg)));
        if (candidates == null) {
            return State.CLEAR;
        }
        State state = State.CLEAR;
        for (int c : candidates) {
            MaskCircle circle = circles.get(c);
            double separationArcsec = separationArcsec(circle, raDeg, decDeg);
            if (separationArcsec <= circle.radiusArcsec()) {
                return State.INSIDE;
            }
            if (separationArcsec <= 2 * circle.radiusArcsec() && MaskCircle.BRIGHT_STAR.equals(circle.reason())) {
                state = State.NEAR_BRIGHT_STAR;
            }
        }
        return state;
    }

    static double separationArcsec(MaskCircle circle, double raDeg, double decDeg) {
        double dx = SkyRegion.wrapOffset(raDeg - circle.raDeg()) * Math.cos(Math.toRadians(circle.decDeg()));
        double dy = decDeg - circle.decDeg();
        return Math.hypot(dx, dy) * 3600;
    }

    List<MaskCircle> circles() {
        return circles;
    }
}
