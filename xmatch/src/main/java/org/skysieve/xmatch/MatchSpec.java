package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

/**
 * How to match.
 *
 * @param mode          best, all or symmetric
 * @param radiusArcsec  the match radius in arcsec, in [0.001, 3600]; with {@code sigmaCount > 0} the largest radius
 * @param sigmaCount    0 for a fixed radius; k > 0 for a per-pair radius of k times the combined positional error
 *                      sqrt(errorLeft^2 + errorRight^2), capped at {@code radiusArcsec}
 * @param threads       worker threads, at least 1
 */
public record MatchSpec(MatchMode mode, double radiusArcsec, double sigmaCount, int threads) {
    public static final double MIN_RADIUS_ARCSEC = 0.001;
    public static final double MAX_RADIUS_ARCSEC = 3600.0;

    public MatchSpec {
        requireNonNull(mode, "mode is null");
        if (!(radiusArcsec >= MIN_RADIUS_ARCSEC && radiusArcsec <= MAX_RADIUS_ARCSEC)) {
            throw new IllegalArgumentException("Expected a radius in [" + MIN_RADIUS_ARCSEC + ", " + MAX_RADIUS_ARCSEC + "] arcsec. Actual: " + radiusArcsec);
        }
        if (!(sigmaCount >= 0) || Double.isInfinite(sigmaCount)) {
            throw new IllegalArgumentException("Expected sigmaCount >= 0. Actual: " + sigmaCount);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Expected threads >= 1. Actual: " + threads);
        }
    }

    /** A fixed radius, using every available processor. */
    public static MatchSpec of(MatchMode mode, double radiusArcsec) {
        return new MatchSpec(mode, radiusArcsec, 0.0, Runtime.getRuntime().availableProcessors());
    }

    public MatchSpec withThreads(int threadCount) {
        return new MatchSpec(mode, radiusArcsec, sigmaCount, threadCount);
    }

    public MatchSpec withSigmaCount(double count) {
        return new MatchSpec(mode, radiusArcsec, count, threads);
    }

    public MatchSpec withMode(MatchMode newMode) {
        return new MatchSpec(newMode, radiusArcsec, sigmaCount, threads);
    }
}
