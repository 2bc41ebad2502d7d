package org.skysieve.synth;

/**
 * The true sources of one chunk of sky, stored column by column (one primitive array per quantity) so that millions
 * of sources cost no object per source.
 *
 * <p>Units: positions ICRS degrees at epoch 2016.0; proper motions mas/yr ({@code pmra} includes cos(dec));
 * parallax mas; half-light radius arcsec; position angle degrees east of north; magnitudes AB, indexed
 * {@code [Passband.ordinal()][source]}. Quantities that do not apply are NaN: redshift for stars, shape for stars
 * and quasars. Proper motion and parallax are 0 for galaxies and quasars. Not thread-safe; filled once, then read.
 */
final class SourceBatch {
    final long[] trueId;
    final byte[] sourceClass;
    final double[] raDeg;
    final double[] decDeg;
    final float[] pmraMasPerYear;
    final float[] pmdecMasPerYear;
    final float[] parallaxMas;
    final float[] redshift;
    final float[] halfLightRadiusArcsec;
    final float[] ellipticity;
    final float[] positionAngleDeg;
    final float[][] magnitudes;
    private int size;

    SourceBatch(int capacity) {
        trueId = new long[capacity];
        sourceClass = new byte[capacity];
        raDeg = new double[capacity];
        decDeg = new double[capacity];
        pmraMasPerYear = new float[capacity];
        pmdecMasPerYear = new float[capacity];
        parallaxMas = new float[capacity];
        redshift = new float[capacity];
        halfLightRadiusArcsec = new float[capacity];
        ellipticity = new float[capacity];
        positionAngleDeg = new float[capacity];
        magnitudes = new float[Passband.all().size()][capacity];
    }

    int size() {
        return size;
    }

    SourceClass classOf(int index) {
        return SourceClass.values()[sourceClass[index]];
    }

    /** Appends a source; {@code offsets} are its {@code m_b - m_r} per band, added to {@code rMag}. */
    int add(long id, SourceClass kind, double ra, double dec, double rMag, double[] offsets) {
        if (size == trueId.length) {
            throw new IllegalStateException("Expected at most " + trueId.length + " sources in this batch. Actual: one more");
        }
        int index = size++;
        trueId[index] = id;
        sourceClass[index] = (byte) kind.ordinal();
        raDeg[index] = ra;
        decDeg[index] = dec;
        redshift[index] = Float.NaN;
        halfLightRadiusArcsec[index] = Float.NaN;
        ellipticity[index] = Float.NaN;
        positionAngleDeg[index] = Float.NaN;
        for (int band = 0; band < magnitudes.length; band++) {
            magnitudes[band][index] = (float) (rMag + offsets[band]);
        }
        return index;
    }

    /** Copies source {@code index} of {@code other} to the end of this batch under a new id. */
    int copyFrom(SourceBatch other, int index, long newId) {
        int target = size++;
        trueId[target] = newId;
        sourceClass[target] = other.sourceClass[index];
        raDeg[target] = other.raDeg[index];
        decDeg[target] = other.decDeg[index];
        pmraMasPerYear[target] = other.pmraMasPerYear[index];
        pmdecMasPerYear[target] = other.pmdecMasPerYear[index];
        parallaxMas[target] = other.parallaxMas[index];
        redshift[target] = other.redshift[index];
        halfLightRadiusArcsec[target] = other.halfLightRadiusArcsec[index];
        ellipticity[target] = other.ellipticity[index];
        positionAngleDeg[target] = other.positionAngleDeg[index];
        for (int band = 0; band < magnitudes.length; band++) {
            magnitudes[band][target] = other.magnitudes[band][index];
        }
        return target;
    }

    /** Half-light radius in arcsec, 0 for point sources (stars and quasars). */
    double extentArcsec(int index) {
        float radius = halfLightRadiusArcsec[index];
        return Float.isNaN(radius) ? 0 : radius;
    }
}
