package org.skysieve.server.tap;

/** The phases of a UWS 1.1 job that this service uses (no HELD, SUSPENDED or ARCHIVED). */
public enum UwsPhase {
    PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED;

    /** Whether the job has stopped for good. */
    public boolean isFinal() {
        return this == COMPLETED || this == ERROR || this == ABORTED;
    }
}
