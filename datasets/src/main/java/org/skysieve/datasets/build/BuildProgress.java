package org.skysieve.datasets.build;

/**
 * Where a dataset build reports how far it is. Called from the building thread only; implementations used by a
 * server must be safe to read from other threads.
 */
public interface BuildProgress {
    /**
     * @param stage  what the build is doing now, e.g. {@code plan}, {@code features}, {@code cutouts}, {@code shards}
     * @param done   units of this stage finished (objects or shards)
     * @param total  units of this stage in all, or -1 when not yet known
     */
    void stage(String stage, long done, long total);

    /** Progress nobody reads. */
    static BuildProgress none() {
        return (stage, done, total) -> { };
    }
}
