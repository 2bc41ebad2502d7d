package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * Simulates one survey observing the true sources of a chunk.
 *
 * <p>For each (blend group of) true source(s), at the survey epoch: outside the band's tiles it is {@code unobserved};
 * inside a mask it is {@code masked}; otherwise the flux is measured with noise {@code sigma = f(limit) / 5}, widened by
 * {@code sqrt(1 + (r_half / FWHM)^2)} for extended galaxies, plus a 1% calibration term, and the band is detected when
 * the measured S/N is at least 5 and the source has a row. A row exists when a detection band is detected.
 * Sources brighter than a band's saturation limit are measured too faint and flagged.
 * Spurious rows are added at a fixed rate at random unmasked positions, 5 to 6.5 sigma in one detection band.
 *
 * <p>Catalogue ids: {@code code * 10^15 + (chunk index + 1) * 10^7 + running number}, except in the astrometric
 * survey, whose ids are Gaia-style ({@link #gaiaStyleId}). Immutable and thread-safe;
 * deterministic for (seed, chunk).
 */
final class SurveyObserver {
    private static final double AB_ZERO_POINT_MICRO_JANSKY = 23.9;
    private static final double DETECTION_SN = 5.0;
    private static final double CALIBRATION_ERROR = 0.01;
    private static final long ID_SURVEY_BLOCK = 1_000_000_000_000_000L;
    private static final long ID_CHUNK_BLOCK = 10_000_000L;
    private static final int GAIA_ID_DEPTH = 12;

    private final SurveySpec survey;
    private final Footprint footprint;
    private final MaskIndex masks;
    private final int bandCount;

    SurveyObserver(SurveySpec survey, Footprint footprint, MaskIndex masks) {
        this.survey = requireNonNull(survey, "survey is null");
        this.footprint = requireNonNull(footprint, "footprint is null");
        this.masks = requireNonNull(masks, "masks is null");
        this.bandCount = survey.bands().size();
    }

    static double fluxMicroJansky(double mag) {
        return Math.pow(10, (AB_ZERO_POINT_MICRO_JANSKY - mag) / 2.5);
    }

    static double magnitude(double fluxMicroJansky) {
        return AB_ZERO_POINT_MICRO_JANSKY - 2.5 * Math.log10(fluxMicroJansky);
    }

    /** Observes every source of {@code batch} (all inside {@code chunk}) and the chunk's spurious detections. */
    void observe(SkyChunk chunk, SourceBatch batch, long seed, ObservationSink sink) throws SQLException {
        int n = batch.size();
        double dt = survey.epochYear() - EpochPropagation.TRUTH_EPOCH_YEAR;
        double[] ra = new double[n];
        double[] dec = new double[n];
        for (int i = 0; i < n; i++) {
            double[] position = EpochPropagation.propagate(batch, i, dt);
            ra[i] = position[0];
            dec[i] = position[1];
        }
        int reference = survey.referenceBandIndex();
        SurveyBandSpec referenceBand = survey.bands().get(reference);
        float[] referenceMag = batch.magnitudes[referenceBand.truthBand().ordinal()];
        int[] primaryOf = Blender.group(ra, dec, referenceMag, referenceBand.medianDepthMag() + 1, survey.blendRadiusArcsec());
        int[] nextMember = new int[n];
        Arrays.fill(nextMember, -1);
        for (int i = 0; i < n; i++) {
            int p = primaryOf[i];
            if (p != i) {
                nextMember[i] = nextMember[p];
                nextMember[p] = i;
            }
        }
        SplittableRandom random = chunk.random(seed, 100 + survey.code());
        Measurement measurement = new Measurement(bandCount);
        MeasuredRow row = new MeasuredRow(bandCount);
        long idBase = survey.code() * ID_SURVEY_BLOCK + (chunk.index() + 1L) * ID_CHUNK_BLOCK;
        long rows = 0;
        for (int p = 0; p < n; p++) {
            if (primaryOf[p] != p) {
                continue;
            }
            int members = 0;
            double weight = 0;
            double dx = 0;
            double dy = 0;
            Arrays.fill(measurement.trueFlux, 0);
            for (int m = p; m != -1; m = nextMember[m]) {
                members++;
                for (int b = 0; b < bandCount; b++) {
                    measurement.trueFlux[b] += fluxMicroJansky(batch.magnitudes[survey.bands().get(b).truthBand().ordinal()][m]);
                }
                double w = fluxMicroJansky(referenceMag[m]);
                weight += w;
                dx += w * SkyRegion.wrapOffset(ra[m] - ra[p]);
                dy += w * (dec[m] - dec[p]);
            }
            double centreRa = SkyRegion.normaliseRa(ra[p] + dx / weight);
            double centreDec = dec[p] + dy / weight;
            boolean rowExists = measure(measurement, centreRa, centreDec, batch.extentArcsec(p), -1, random);
            long rowId = 0;
            if (rowExists) {
                fillRow(row, idBase + rows, chunk.index(), rows, measurement, centreRa, centreDec, batch, p, members, random);
                rowId = row.id;
                rows++;
                sink.catalogueRow(row);
            }
            for (int m = p; m != -1; m = nextMember[m]) {
                for (int b = 0; b < bandCount; b++) {
                    sink.observation(batch.trueId[m], b, measurement.status[b], rowExists, rowId, measurement.limitMag[b], m == p);
                }
            }
        }
        addSpurious(chunk, seed, idBase, rows, measurement, row, batch, sink);
    }

    /**
     * Measures every band at a position; {@code forcedBand} (or -1) gets a 5-6.5 sigma spurious signal instead of the
     * true flux. Fills the statuses, limits, fluxes and S/N of {@code measurement}.
     *
     * @return whether a detection band is detected (the source makes a row)
     */
    private boolean measure(Measurement measurement, double raDeg, double decDeg, double extentArcsec, int forcedBand,
                            SplittableRandom random) {
        Tile tile = footprint.tileAt(raDeg, decDeg);
        MaskIndex.State maskState = masks.stateAt(raDeg, decDeg);
        measurement.tile = tile;
        measurement.maskState = maskState;
        double positionDepthTerm = tile == null ? 0 : footprint.positionDepthTermMag(tile, raDeg, decDeg);
        boolean rowExists = false;
        for (int b = 0; b < bandCount; b++) {
            SurveyBandSpec band = survey.bands().get(b);
            measurement.saturated[b] = false;
            measurement.signalToNoise[b] = Double.NaN;
            measurement.observedFlux[b] = Double.NaN;
            measurement.fluxError[b] = Double.NaN;
            measurement.limitMag[b] = Double.NaN;
            if (tile == null || !tile.covers(b)) {
                measurement.status[b] = MissingStatus.UNOBSERVED;
                continue;
            }
            if (maskState == MaskIndex.State.INSIDE) {
                measurement.status[b] = MissingStatus.MASKED;
                continue;
            }
            double limit = footprint.tileDepthMag(tile, b) + positionDepthTerm;
            double extentRatio = extentArcsec / band.psfFwhmArcsec();
            double background = fluxMicroJansky(limit) / DETECTION_SN * Math.sqrt(1 + extentRatio * extentRatio);
            double trueFlux = forcedBand < 0 ? measurement.trueFlux[b] : 0;
            double sigma = Math.hypot(background, CALIBRATION_ERROR * trueFlux);
            double observed = trueFlux + sigma * Seeds.gaussian(random);
            if (b == forcedBand) {
                observed = sigma * (DETECTION_SN + 1.5 * random.nextDouble());
            }
            if (trueFlux > 0 && magnitude(trueFlux) < band.saturationMag()) {
                double biasMag = Math.min(1.5, 0.3 * (band.saturationMag() - magnitude(trueFlux)));
                observed *= Math.pow(10, -0.4 * biasMag);
                measurement.saturated[b] = true;
            }
            measurement.limitMag[b] = limit;
            measurement.observedFlux[b] = observed;
            measurement.fluxError[b] = sigma;
            measurement.signalToNoise[b] = observed / sigma;
            measurement.status[b] = MissingStatus.UNDETECTED;
            if (band.detection() && observed / sigma >= DETECTION_SN) {
                rowExists = true;
            }
        }
        if (rowExists) {
            for (int b = 0; b < bandCount; b++) {
                if (measurement.status[b] == MissingStatus.UNDETECTED && measurement.signalToNoise[b] >= DETECTION_SN) {
                    measurement.status[b] = MissingStatus.DETECTED;
                }
            }
        }
        return rowExists;
    }

    /**
     * Fills {@code row}: id ({@code sequentialId}, or for the astrometric survey a Gaia-style id from the position),
     * position, errors, photometry, shape and flags.
     */
    private void fillRow(MeasuredRow row, long sequentialId, int chunkIndex, long rowInChunk, Measurement measurement,
                         double raDeg, double decDeg, SourceBatch batch, int source, int members, SplittableRandom random) {
        row.clear();
        row.id = sequentialId;
        int best = -1;
        int detectedBands = 0;
        boolean saturated = false;
        for (int b = 0; b < bandCount; b++) {
            MissingStatus status = measurement.status[b];
            row.status[b] = status;
            if (status == MissingStatus.DETECTED || status == MissingStatus.UNDETECTED) {
                row.fluxMicroJansky[b] = measurement.observedFlux[b];
                row.fluxErrorMicroJansky[b] = measurement.fluxError[b];
                row.limitMag[b] = measurement.limitMag[b];
            }
            if (status == MissingStatus.DETECTED) {
                detectedBands++;
                saturated |= measurement.saturated[b];
                row.mag[b] = magnitude(measurement.observedFlux[b]);
                row.magError[b] = 1.0857 * measurement.fluxError[b] / measurement.observedFlux[b] + (measurement.saturated[b] ? 0.05 : 0);
                if (best < 0 || measurement.signalToNoise[b] > measurement.signalToNoise[best]) {
                    best = b;
                }
            }
        }
        double bestSn = measurement.signalToNoise[best];
        double fwhm = survey.bands().get(best).psfFwhmArcsec();
        double extent = source < 0 ? 0 : batch.extentArcsec(source);
        double cosDec = Math.cos(Math.toRadians(decDeg));
        if (survey.style() == SurveyStyle.ASTROMETRIC) {
            double gMag = row.mag[survey.referenceBandIndex()];
            double sigmaMas = Math.hypot(0.015, 0.35 * Math.pow(10, 0.2 * (gMag - 20)));
            row.raDeg = SkyRegion.normaliseRa(raDeg + sigmaMas * Seeds.gaussian(random) / 3.6e6 / cosDec);
            row.decDeg = decDeg + sigmaMas * Seeds.gaussian(random) / 3.6e6;
            row.raErrorMas = sigmaMas;
            row.decErrorMas = sigmaMas;
            row.parallaxErrorMas = 1.2 * sigmaMas;
            row.pmraErrorMasPerYear = 1.1 * sigmaMas;
            row.pmdecErrorMasPerYear = 1.1 * sigmaMas;
            row.parallaxMas = (source < 0 ? 0 : batch.parallaxMas[source]) + row.parallaxErrorMas * Seeds.gaussian(random);
            row.pmraMasPerYear = (source < 0 ? 0 : batch.pmraMasPerYear[source]) + row.pmraErrorMasPerYear * Seeds.gaussian(random);
            row.pmdecMasPerYear = (source < 0 ? 0 : batch.pmdecMasPerYear[source]) + row.pmdecErrorMasPerYear * Seeds.gaussian(random);
            row.id = gaiaStyleId(row.raDeg, row.decDeg, chunkIndex, rowInChunk);
            row.name = survey.designationPrefix() + " " + row.id;
        } else {
            double sigmaArcsec = Math.hypot(survey.positionFloorArcsec(), 0.5 * fwhm / bestSn);
            row.raDeg = SkyRegion.normaliseRa(raDeg + sigmaArcsec * Seeds.gaussian(random) / 3600 / cosDec);
            row.decDeg = decDeg + sigmaArcsec * Seeds.gaussian(random) / 3600;
            row.positionErrorArcsec = sigmaArcsec;
            row.name = Designations.iau(survey.designationPrefix(), row.raDeg, row.decDeg);
            row.tileId = measurement.tile.id();
            double measuredExtent = extent / fwhm + 0.6 / bestSn * Seeds.gaussian(random);
            row.classStar = 1 / (1 + Math.exp((measuredExtent - 0.25) / 0.06));
            row.fluxRadiusArcsec = Math.max(0.01, Math.hypot(extent, 0.5 * fwhm) * (1 + Seeds.gaussian(random) / bestSn));
            row.extended = (short) (measuredExtent > 0.3 ? 1 : 0);
        }
        row.blendCount = (short) members;
        int flags = 0;
        if (saturated) {
            flags |= QualityFlags.SATURATED;
        }
        if (members > 1) {
            flags |= QualityFlags.BLENDED;
        }
        if (measurement.maskState == MaskIndex.State.NEAR_BRIGHT_STAR) {
            flags |= QualityFlags.NEAR_BRIGHT_STAR;
        }
        if (footprint.nearEdge(measurement.tile, raDeg, decDeg)) {
            flags |= QualityFlags.EDGE_OF_TILE;
        }
        if (detectedBands == 1 && bestSn < 7) {
            flags |= QualityFlags.SINGLE_BAND_LOW_SN;
        }
        row.flags = flags;
    }

    private void addSpurious(SkyChunk chunk, long seed, long idBase, long rowsSoFar, Measurement measurement, MeasuredRow row,
                             SourceBatch batch, ObservationSink sink) throws SQLException {
        SplittableRandom random = chunk.random(seed, 200 + survey.code());
        long count = Seeds.poisson(random, survey.spuriousPerSquareDeg() * chunk.areaSquareDeg());
        long rows = rowsSoFar;
        for (long s = 0; s < count; s++) {
            double[] position = chunk.randomPoint(random);
            Tile tile = footprint.tileAt(position[0], position[1]);
            int forced = -1;
            for (int b = 0; b < bandCount && tile != null; b++) {
                if (forced < 0 && survey.bands().get(b).detection() && tile.covers(b)) {
                    forced = b;
                }
            }
            if (forced < 0 || masks.stateAt(position[0], position[1]) == MaskIndex.State.INSIDE) {
                continue;
            }
            Arrays.fill(measurement.trueFlux, 0);
            measure(measurement, position[0], position[1], 0, forced, random);
            fillRow(row, idBase + rows, chunk.index(), rows, measurement, position[0], position[1], batch, -1, 1, random);
            rows++;
            sink.catalogueRow(row);
            sink.spurious(row.id, row.raDeg, row.decDeg, forced);
        }
    }

    /**
     * A Gaia-style source id: the HEALPix NESTED index at depth 12 of the position times 2^35, plus a number unique
     * within the chunk ({@code chunk * 2^20 + row}), so that {@code source_id / 34359738368} is the depth-12 cell as
     * in Gaia.
     */
    static long gaiaStyleId(double raDeg, double decDeg, int chunkIndex, long rowInChunk) {
        if (chunkIndex >= 1 << 15 || rowInChunk >= 1 << 20) {
            throw new IllegalStateException("Expected at most 2^15 chunks and 2^20 rows per chunk. Actual: chunk " + chunkIndex
                    + ", row " + rowInChunk);
        }
        long cell = HealpixNested.hash(GAIA_ID_DEPTH, Math.toRadians(raDeg), Math.toRadians(decDeg));
        return (cell << 35) | ((long) chunkIndex << 20) | rowInChunk;
    }

    /** Per-band scratch values of one measurement (reused; not thread-safe). */
    private static final class Measurement {
        final double[] trueFlux;
        final double[] observedFlux;
        final double[] fluxError;
        final double[] signalToNoise;
        final double[] limitMag;
        final boolean[] saturated;
        final MissingStatus[] status;
        Tile tile;
        MaskIndex.State maskState;

        Measurement(int bands) {
            trueFlux = new double[bands];
            observedFlux = new double[bands];
            fluxError = new double[bands];
            signalToNoise = new double[bands];
            limitMag = new double[bands];
            saturated = new boolean[bands];
            status = new MissingStatus[bands];
        }
    }
}
