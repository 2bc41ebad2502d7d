package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

/** A dataset build that could not run or did not finish; the output folder then holds no manifest. */
public final class DatasetBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the build stopped. */
    public enum Reason {
        /** The output folder holds files that are not a dataset's, or cannot be written: nothing was done. */
        OUTPUT_FOLDER,
        /** The caller's cancel flag was raised: finished shards are kept for a later build to continue from. */
        CANCELLED,
        /** The planned rows break the planning contract (a bug, not a user error). */
        PLAN_CONTRACT
    }

    private final Reason reason;

    public DatasetBuildException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public Reason reason() {
        return reason;
    }
}
