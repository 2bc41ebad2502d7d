package org.skysieve.sky.healpix;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.skysieve.sky.fits.FitsBinaryTable;
import org.skysieve.sky.fits.FitsBinaryTableWriter;
import org.skysieve.sky.fits.FitsBinaryTableWriter.Keyword;
import org.skysieve.sky.fits.FitsColumn;
import org.skysieve.sky.fits.FitsFormatException;

/**
 * A HEALPix NESTED map at one order holding a value on some cells only (a depth map: the limiting magnitude where a
 * band was observed). In FITS it follows the HEALPix partial-sky convention that healpy and astropy read: a binary
 * table with columns PIXEL (1K) and SIGNAL (1E), {@code PIXTYPE='HEALPIX'}, {@code ORDERING='NESTED'},
 * {@code INDXSCHM='EXPLICIT'}, {@code OBJECT='PARTIAL'}, {@code NSIDE}, {@code COORDSYS='C'}.
 *
 * <p>Invariant: cells sorted, distinct, in [0, 12 * 4^order); values finite. Immutable (arrays copied), thread-safe.
 */
public final class PartialHealpixMap {
    private final int order;
    private final long[] cells;
    private final float[] values;
    private final String unit;

    /**
     * @param cells  NESTED indices at {@code order}, sorted and distinct
     * @param values one finite value per cell
     * @param unit   unit of the values (e.g. {@code mag}), or null
     */
    public PartialHealpixMap(int order, long[] cells, float[] values, String unit) {
        HealpixNested.checkDepth(order);
        requireNonNull(cells, "cells is null");
        requireNonNull(values, "values is null");
        if (cells.length != values.length) {
            throw new IllegalArgumentException("Expected one value per cell. Actual: " + cells.length + " cells, " + values.length + " values");
        }
        long cellCount = HealpixNested.cellCount(order);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < 0 || cells[i] >= cellCount || (i > 0 && cells[i] <= cells[i - 1])) {
                throw new IllegalArgumentException("Expected sorted distinct cells in [0, " + cellCount + ") at index " + i + ". Actual: " + cells[i]);
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("Expected a finite value for cell " + cells[i] + ". Actual: " + values[i]);
            }
        }
        this.order = order;
        this.cells = cells.clone();
        this.values = values.clone();
        this.unit = unit;
    }

    public int order() {
        return order;
    }

    public int size() {
        return cells.length;
    }

    public String unit() {
        return unit;
    }

    public long[] cells() {
        return cells.clone();
    }

    public float[] values() {
        return values.clone();
    }

    /** The value of the cell containing the order-29 cell {@code hash29}, or NaN where the map has none. */
    public double valueAtHash29(long hash29) {
        int index = Arrays.binarySearch(cells, hash29 >>> (2 * (HealpixNested.MAX_DEPTH - order)));
        return index >= 0 ? values[index] : Double.NaN;
    }

    /** Writes the map as FITS (HEALPix partial-sky convention) to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        long nside = 1L << order;
        FitsBinaryTableWriter.write(out, List.of(FitsColumn.ofLongs("PIXEL", cells), FitsColumn.ofFloats("SIGNAL", unit, values)), List.of(
                new Keyword("PIXTYPE", "HEALPIX", "HEALPix pixelisation"),
                new Keyword("ORDERING", "NESTED", "pixel ordering scheme"),
                new Keyword("COORDSYS", "C", "celestial (ICRS)"),
                new Keyword("NSIDE", nside, "resolution parameter"),
                Keyword.of("ORDER", order),
                Keyword.of("FIRSTPIX", 0L),
                Keyword.of("LASTPIX", 12 * nside * nside - 1),
                new Keyword("INDXSCHM", "EXPLICIT", "indexing: explicit PIXEL column"),
                new Keyword("OBJECT", "PARTIAL", "sky coverage: partial")));
    }

    /**
     * Reads a map written in the HEALPix partial-sky convention (columns PIXEL and SIGNAL, or the first two columns),
     * NESTED ordering; cells without a finite value are dropped.
     *
     * @throws FitsFormatException naming the source and the keyword or column at fault
     */
    public static PartialHealpixMap read(InputStream in, String source) throws IOException {
        FitsBinaryTable table = FitsBinaryTable.read(in, source);
        String ordering = table.keyword("ORDERING").orElse("").toUpperCase(Locale.ROOT);
        if (!ordering.equals("NESTED")) {
            throw new FitsFormatException(source + ": expected a NESTED HEALPix map (ORDERING = 'NESTED'). Actual: ORDERING = '" + ordering + "'");
        }
        String scheme = table.keyword("INDXSCHM").orElse("").toUpperCase(Locale.ROOT);
        if (!scheme.equals("EXPLICIT")) {
            throw new FitsFormatException(source + ": expected a partial HEALPix map (INDXSCHM = 'EXPLICIT'). Actual: INDXSCHM = '" + scheme + "'");
        }
        long nside = table.integerKeyword("NSIDE", -1);
        if (nside < 1 || Long.bitCount(nside) != 1 || nside > (1L << HealpixNested.MAX_DEPTH)) {
            throw new FitsFormatException(source + ": expected NSIDE a power of 2 in [1, 2^29]. Actual: " + nside);
        }
        int order = Long.numberOfTrailingZeros(nside);
        int pixelColumn = table.columnIndex("PIXEL").orElse(1);
        int signalColumn = table.columnIndex("SIGNAL").orElse(2);
        long[] pixels = table.longColumn(pixelColumn);
        double[] signal = table.doubleColumn(signalColumn);
        Integer[] sorted = new Integer[pixels.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, (left, right) -> Long.compare(pixels[left], pixels[right]));
        long[] cells = new long[pixels.length];
        float[] values = new float[pixels.length];
        int size = 0;
        for (int i : sorted) {
            if (Double.isFinite(signal[i]) && signal[i] > -1.6e30 && (size == 0 || cells[size - 1] != pixels[i])) {
                cells[size] = pixels[i];
                values[size++] = (float) signal[i];
            }
        }
        String unit = table.keyword("TUNIT" + signalColumn).orElse(null);
        try {
            return new PartialHealpixMap(order, Arrays.copyOf(cells, size), Arrays.copyOf(values, size), unit);
        } catch (IllegalArgumentException e) {
            throw new FitsFormatException(source + ": " + e.getMessage());
        }
    }
}
