package org.skysieve.synth;

import java.util.Locale;

/** The kinds of true source in the synthetic universe; the ordinal is the code stored in {@link SourceBatch}. */
public enum SourceClass {
    STAR,
    GALAXY,
    QUASAR;

    /** The lower-case word written in the truth table ({@code star}, {@code galaxy}, {@code quasar}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
