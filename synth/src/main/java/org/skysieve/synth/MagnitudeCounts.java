package org.skysieve.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Differential number counts dN/dm (sources per square degree per magnitude) as a piecewise linear function of
 * log10(dN/dm) between knots, with sampling of magnitudes from it.
 *
 * <p>Immutable and thread-safe. Magnitudes outside the knot range have zero density.
 */
final class MagnitudeCounts {
    private static final double STEP_MAG = 0.005;

    private final double firstMag;
    private final double[] cumulativePerSquareDeg;

    /**
     * @param knotMags        increasing magnitudes
     * @param knotLog10Density log10 of dN/dm at each knot, per deg2 per mag
     */
    MagnitudeCounts(double[] knotMags, double[] knotLog10Density) {
        if (knotMags.length < 2 || knotMags.length != knotLog10Density.length) {
            throw new IllegalArgumentException("Expected at least two knots with one density each. Actual: "
                    + knotMags.length + " magnitudes, " + knotLog10Density.length + " densities");
        }
        firstMag = knotMags[0];
        int steps = (int) Math.round((knotMags[knotMags.length - 1] - firstMag) / STEP_MAG);
        cumulativePerSquareDeg = new double[steps + 1];
        for (int s = 1; s <= steps; s++) {
            double mid = firstMag + (s - 0.5) * STEP_MAG;
            cumulativePerSquareDeg[s] = cumulativePerSquareDeg[s - 1] + density(knotMags, knotLog10Density, mid) * STEP_MAG;
        }
    }

    private static double density(double[] mags, double[] logs, double mag) {
        int k = 0;
        while (k < mags.length - 2 && mag > mags[k + 1]) {
            k++;
        }
        double t = (mag - mags[k]) / (mags[k + 1] - mags[k]);
        return Math.pow(10, logs[k] + t * (logs[k + 1] - logs[k]));
    }

    /** Sources per square degree with magnitude in [magMin, magMax). */
    double perSquareDeg(double magMin, double magMax) {
        return Math.max(0, cumulative(magMax) - cumulative(magMin));
    }

    /** A magnitude drawn from the counts restricted to [magMin, magMax). */
    double sample(SplittableRandom random, double magMin, double magMax) {
        double low = cumulative(magMin);
        double high = cumulative(magMax);
        double target = low + random.nextDouble() * (high - low);
        int index = Arrays.binarySearch(cumulativePerSquareDeg, target);
        if (index >= 0) {
            return firstMag + index * STEP_MAG;
        }
        int upper = Math.min(-index - 1, cumulativePerSquareDeg.length - 1);
        int lower = Math.max(upper - 1, 0);
        double span = cumulativePerSquareDeg[upper] - cumulativePerSquareDeg[lower];
        double t = span > 0 ? (target - cumulativePerSquareDeg[lower]) / span : 0;
        return firstMag + (lower + t) * STEP_MAG;
    }

    private double cumulative(double mag) {
        double position = (mag - firstMag) / STEP_MAG;
        if (position <= 0) {
            return 0;
        }
        int last = cumulativePerSquareDeg.length - 1;
        if (position >= last) {
            return cumulativePerSquareDeg[last];
        }
        int lower = (int) position;
        double t = position - lower;
        return cumulativePerSquareDeg[lower] + t * (cumulativePerSquareDeg[lower + 1] - cumulativePerSquareDeg[lower]);
    }
}
