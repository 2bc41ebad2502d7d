package org.skysieve.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.skysieve.catalog.model.MissingStatus;

/**
 * An {@link ObservationSink} that keeps everything it receives (observations in primitive arrays) so that a chunk
 * can be observed on a worker thread and written later, in chunk order, on the writing thread ({@link StagingStore}
 * reads the observations column by column). Not thread-safe: filled by one thread, then handed over (through a
 * {@code Future}) and read by another.
 */
final class RecordingSink implements ObservationSink {
    private final List<MeasuredRow> rows = new ArrayList<>();
    private final List<SpuriousRow> spurious = new ArrayList<>();
    private long[] trueIds = new long[1024];
    private long[] sourceIds = new long[1024];
    private float[] limits = new float[1024];
    private byte[] bands = new byte[1024];
    private byte[] statuses = new byte[1024];
    private boolean[] inCatalogue = new boolean[1024];
    private boolean[] primary = new boolean[1024];
    private int observations;

    @Override
    public void catalogueRow(MeasuredRow row) {
        rows.add(row.copy());
    }

    @Override
    public void observation(long trueId, int bandIndex, MissingStatus status, boolean inCatalogueRow, long sourceId, double limitMag,
                            boolean primarySource) {
        if (observations == trueIds.length) {
            int capacity = 2 * observations;
            trueIds = Arrays.copyOf(trueIds, capacity);
            sourceIds = Arrays.copyOf(sourceIds, capacity);
            limits = Arrays.copyOf(limits, capacity);
            bands = Arrays.copyOf(bands, capacity);
            statuses = Arrays.copyOf(statuses, capacity);
            inCatalogue = Arrays.copyOf(inCatalogue, capacity);
            primary = Arrays.copyOf(primary, capacity);
        }
        int index = observations++;
        trueIds[index] = trueId;
        sourceIds[index] = sourceId;
        limits[index] = (float) limitMag;
        bands[index] = (byte) bandIndex;
        statuses[index] = (byte) status.ordinal();
        inCatalogue[index] = inCatalogueRow;
        primary[index] = primarySource;
    }

    @Override
    public void spurious(long sourceId, double raDeg, double decDeg, int bandIndex) {
        spurious.add(new SpuriousRow(sourceId, raDeg, decDeg, bandIndex));
    }

    List<MeasuredRow> rows() {
        return rows;
    }

    List<SpuriousRow> spuriousRows() {
        return spurious;
    }

    int observationCount() {
        return observations;
    }

    /** The observations' true ids (a copy trimmed to {@link #observationCount()}); likewise the other columns. */
    long[] trueIds() {
        return Arrays.copyOf(trueIds, observations);
    }

    /** Catalogue ids, with {@code true} in {@code nulls} where the source made no row. */
    long[] sourceIds(boolean[] nulls) {
        for (int i = 0; i < observations; i++) {
            nulls[i] = !inCatalogue[i];
        }
        return Arrays.copyOf(sourceIds, observations);
    }

    /** Limiting magnitudes, NaN where there is none. */
    float[] limits() {
        return Arrays.copyOf(limits, observations);
    }

    short[] bandCodes() {
        short[] codes = new short[observations];
        for (int i = 0; i < observations; i++) {
            codes[i] = bands[i];
        }
        return codes;
    }

    short[] statusCodes() {
        short[] codes = new short[observations];
        for (int i = 0; i < observations; i++) {
            codes[i] = statuses[i];
        }
        return codes;
    }

    boolean[] primary() {
        return Arrays.copyOf(primary, observations);
    }

    record SpuriousRow(long sourceId, double raDeg, double decDeg, int bandIndex) {
    }
}
