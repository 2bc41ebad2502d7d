package org.skysieve.catalog.hats;

/**
 * Hears about a catalogue being written, for progress reports. Called on the writing thread; an exception thrown
 * here aborts the write (the previous catalogue, if any, stays in place).
 */
@FunctionalInterface
public interface HatsWriteListener {
    /** A listener that does nothing. */
    HatsWriteListener NONE = (pixel, partitionRows, rowsWritten, totalRows) -> {
    };

    /**
     * One partition file is complete.
     *
     * @param pixel         the partition's cell
     * @param partitionRows rows in that partition
     * @param rowsWritten   rows written so far, this partition included
     * @param totalRows     rows the catalogue will hold
     */
    void partitionWritten(HatsPixel pixel, long partitionRows, long rowsWritten, long totalRows);
}
