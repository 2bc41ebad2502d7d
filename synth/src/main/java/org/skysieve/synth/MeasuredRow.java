package org.skysieve.synth;

import java.util.Arrays;
import org.skysieve.catalog.model.MissingStatus;

/**
 * Scratch holder of one catalogue row while it is written; reused row after row (not thread-safe).
 * NaN in a floating-point field means null in the catalogue. Units as in the columns: degrees for positions,
 * arcsec for imaging position errors, mas and mas/yr for the astrometric solution, micro-Jansky for fluxes.
 */
final class MeasuredRow {
    long id;
    String name;
    double raDeg;
    double decDeg;
    double positionErrorArcsec;
    double raErrorMas;
    double decErrorMas;
    double parallaxMas;
    double parallaxErrorMas;
    double pmraMasPerYear;
    double pmraErrorMasPerYear;
    double pmdecMasPerYear;
    double pmdecErrorMasPerYear;
    String tileId;
    double classStar;
    double fluxRadiusArcsec;
    short extended;
    short blendCount;
    int flags;
    final MissingStatus[] status;
    final double[] mag;
    final double[] magError;
    final double[] fluxMicroJansky;
    final double[] fluxErrorMicroJansky;
    final double[] limitMag;

    MeasuredRow(int bandCount) {
        status = new MissingStatus[bandCount];
        mag = new double[bandCount];
        magError = new double[bandCount];
        fluxMicroJansky = new double[bandCount];
        fluxErrorMicroJansky = new double[bandCount];
        limitMag = new double[bandCount];
    }

    /** An independent copy of this row. */
    MeasuredRow copy() {
        MeasuredRow copy = new MeasuredRow(status.length);
        copy.id = id;
        copy.name = name;
        copy.raDeg = raDeg;
        copy.decDeg = decDeg;
        copy.positionErrorArcsec = positionErrorArcsec;
        copy.raErrorMas = raErrorMas;
        copy.decErrorMas = decErrorMas;
        copy.parallaxMas = parallaxMas;
        copy.parallaxErrorMas = parallaxErrorMas;
        copy.pmraMasPerYear = pmraMasPerYear;
        copy.pmraErrorMasPerYear = pmraErrorMasPerYear;
        copy.pmdecMasPerYear = pmdecMasPerYear;
        copy.pmdecErrorMasPerYear = pmdecErrorMasPerYear;
        copy.tileId = tileId;
        copy.classStar = classStar;
        copy.fluxRadiusArcsec = fluxRadiusArcsec;
        copy.extended = extended;
        copy.blendCount = blendCount;
        copy.flags = flags;
        System.arraycopy(status, 0, copy.status, 0, status.length);
        System.arraycopy(mag, 0, copy.mag, 0, mag.length);
        System.arraycopy(magError, 0, copy.magError, 0, magError.length);
        System.arraycopy(fluxMicroJansky, 0, copy.fluxMicroJansky, 0, fluxMicroJansky.length);
        System.arraycopy(fluxErrorMicroJansky, 0, copy.fluxErrorMicroJansky, 0, fluxErrorMicroJansky.length);
        System.arraycopy(limitMag, 0, copy.limitMag, 0, limitMag.length);
        return copy;
    }

    void clear() {
        name = null;
        tileId = null;
        Arrays.fill(status, null);
        Arrays.fill(mag, Double.NaN);
        Arrays.fill(magError, Double.NaN);
        Arrays.fill(fluxMicroJansky, Double.NaN);
        Arrays.fill(fluxErrorMicroJansky, Double.NaN);
        Arrays.fill(limitMag, Double.NaN);
        raErrorMas = decErrorMas = parallaxMas = parallaxErrorMas = Double.NaN;
        pmraMasPerYear = pmraErrorMasPerYear = pmdecMasPerYear = pmdecErrorMasPerYear = Double.NaN;
        positionErrorArcsec = classStar = fluxRadiusArcsec = Double.NaN;
        extended = 0;
        blendCount = 1;
        flags = 0;
    }
}
