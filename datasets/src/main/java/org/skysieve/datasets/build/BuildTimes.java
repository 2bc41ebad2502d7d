package org.skysieve.datasets.build;

/**
 * Where a build's wall time went, in nanoseconds: planning, features files, cutouts and checksums/moves/manifest
 * ("write"). Shards reused from an interrupted build cost only their checksum check, counted as write. One build thread.
 */
public final class BuildTimes {
    private long planNanos;
    private long featuresNanos;
    private long cutoutsNanos;
    private long writeNanos;

    void addPlan(long nanos) {
        planNanos += nanos;
    }

    void addFeatures(long nanos) {
        featuresNanos += nanos;
    }

    void addCutouts(long nanos) {
        cutoutsNanos += nanos;
    }

    void addWrite(long nanos) {
        writeNanos += nanos;
    }

    public double planSeconds() {
        return planNanos / 1e9;
    }

    public double featuresSeconds() {
        return featuresNanos / 1e9;
    }

    public double cutoutsSeconds() {
        return cutoutsNanos / 1e9;
    }

    public double writeSeconds() {
        return writeNanos / 1e9;
    }
}
