package org.skysieve.synth;

/** Which family of non-photometric columns a simulated survey publishes. */
enum SurveyStyle {
    /** Pointed imaging (KiDS, VIKING): position error, tile id, stellarity, size. */
    IMAGING,
    /** Space astrometry without images (Gaia): astrometric solution with errors at the reference epoch. */
    ASTROMETRIC,
    /** Shallow wide-field imaging with a large PSF (WISE): errors per axis, extendedness, blend count. */
    WIDE
}
