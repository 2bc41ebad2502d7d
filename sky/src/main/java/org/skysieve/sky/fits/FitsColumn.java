package org.skysieve.sky.fits;

import static java.util.Objects.requireNonNull;

/**
 * One column of a FITS binary table to write: 64-bit integers ({@code 1K}) or 32-bit floats ({@code 1E}), one value
 * per row. The arrays are not copied (the writer only reads them while writing).
 *
 * @param name   TTYPE
 * @param unit   TUNIT, or null
 * @param longs  the values of a {@code 1K} column, or null
 * @param floats the values of a {@code 1E} column, or null
 */
public record FitsColumn(String name, String unit, long[] longs, float[] floats) {
    public FitsColumn {
        requireNonNull(name, "name is null");
        if ((longs == null) == (floats == null)) {
            throw new IllegalArgumentException("Expected exactly one of longs and floats for column " + name);
        }
    }

    public static FitsColumn ofLongs(String name, long[] values) {
        return new FitsColumn(name, null, requireNonNull(values, "values is null"), null);
    }

    public static FitsColumn ofFloats(String name, String unit, float[] values) {
        return new FitsColumn(name, unit, null, requireNonNull(values, "values is null"));
    }

    int rowCount() {
        return longs != null ? longs.length : floats.length;
    }

    String form() {
        return longs != null ? "1K" : "1E";
    }

    int width() {
        return longs != null ? 8 : 4;
    }
}
