package org.skysieve.images;

/** What became of one stamp of a batch (the word written in the index). */
public enum StampStatus {
    /** Every pixel is on a plate. */
    OK("ok"),
    /** Some pixels are off every plate: NaN and masked. */
    PARTIAL("partial"),
    /** No plate of the band touches the stamp: all NaN, all masked. */
    OUTSIDE("outside"),
    /** The input row has no position (null or NaN): all NaN, all masked. */
    NO_POSITION("no_position");

    private final String word;

    StampStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
