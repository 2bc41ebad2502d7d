package org.skysieve.synth;

/**
 * Moves true positions from the truth epoch (2016.0) to a catalogue epoch with the proper motion, linearly on the
 * tangent plane: {@code dDec = pmdec dt}, {@code dRA = pmra dt / cos(dec)}. Parallax displacement is ignored (a
 * catalogue position is a mean over many epochs). Good to micro-arcseconds over the few years and tens of mas/yr here.
 */
final class EpochPropagation {
    static final double TRUTH_EPOCH_YEAR = 2016.0;
    private static final double MAS_PER_DEG = 3.6e6;

    private EpochPropagation() {
    }

    /** {@code {raDeg, decDeg}} of source {@code index} at {@code TRUTH_EPOCH_YEAR + dtYears}. */
    static double[] propagate(SourceBatch batch, int index, double dtYears) {
        double dec = batch.decDeg[index];
        double newDec = dec + batch.pmdecMasPerYear[index] * dtYears / MAS_PER_DEG;
        double newRa = batch.raDeg[index] + batch.pmraMasPerYear[index] * dtYears / MAS_PER_DEG / Math.cos(Math.toRadians(dec));
        return new double[] {SkyRegion.normaliseRa(newRa), newDec};
    }
}
