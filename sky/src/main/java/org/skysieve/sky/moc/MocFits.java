package org.skysieve.sky.moc;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.skysieve.sky.fits.FitsBinaryTable;
import org.skysieve.sky.fits.FitsBinaryTableWriter;
import org.skysieve.sky.fits.FitsBinaryTableWriter.Keyword;
import org.skysieve.sky.fits.FitsColumn;
import org.skysieve.sky.fits.FitsFormatException;

/**
 * The MOC 2.0 FITS serialisation of a spatial MOC (section 4.3.1): a binary table with one integer column. Written
 * with {@code ORDERING = 'NUNIQ'} ({@code 1K} column UNIQ, {@code MOCORD_S} and, for MOC 1.0 readers, {@code MOCORDER});
 * read in NUNIQ (1J or 1K, MOC 1.0 or 2.0) and RANGE ordering. Stateless and thread-safe.
 */
public final class MocFits {
    private MocFits() {
    }

    /** Writes the MOC to {@code out} (not closed). */
    public static void write(SpatialMoc moc, OutputStream out) throws IOException {
        requireNonNull(moc, "moc is null");
        requireNonNull(out, "out is null");
        FitsBinaryTableWriter.write(out, List.of(FitsColumn.ofLongs("UNIQ", moc.toUniq())), List.of(
                new Keyword("MOCVERS", "2.0", "MOC version"),
                new Keyword("MOCDIM", "SPACE", "physical dimension"),
                new Keyword("ORDERING", "NUNIQ", "NUNIQ coding method"),
                new Keyword("COORDSYS", "C", "reference frame (C = ICRS)"),
                new Keyword("MOCORD_S", moc.maxOrder(), "MOC resolution (best order)"),
                new Keyword("MOCORDER", moc.maxOrder(), "= MOCORD_S (MOC 1.0 compatibility)"),
                new Keyword("MOCTOOL", "skysieve", "name of the MOC generator")));
    }

    /** Reads a FITS MOC from bytes; {@code source} names it in error messages. */
    public static SpatialMoc read(byte[] bytes, String source) {
        try {
            return read(new ByteArrayInputStream(bytes), source);
        } catch (IOException e) {
            throw new IllegalStateException("unreachable: reading from memory", e);
        }
    }

    /**
     * Reads a FITS MOC from {@code in} (not closed).
     *
     * @throws MocFormatException when the file is not a spatial MOC, naming the keyword or row at fault
     */
    public static SpatialMoc read(InputStream in, String source) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(source, "source is null");
        FitsBinaryTable table;
        try {
            table = FitsBinaryTable.read(in, source);
        } catch (FitsFormatException e) {
            throw new MocFormatException("Not a FITS MOC: " + e.getMessage(), e);
        }
        String dimension = table.keyword("MOCDIM").orElse("SPACE").toUpperCase(Locale.ROOT);
        if (!dimension.equals("SPACE")) {
            throw new MocFormatException(source + ": expected a spatial MOC (MOCDIM = 'SPACE'). Actual: MOCDIM = '" + dimension + "'");
        }
        String frame = table.keyword("COORDSYS").orElse("C").toUpperCase(Locale.ROOT);
        if (!frame.equals("C")) {
            throw new MocFormatException(source + ": expected an ICRS MOC (COORDSYS = 'C'). Actual: COORDSYS = '" + frame + "'");
        }
        String ordering = table.keyword("ORDERING").orElse("NUNIQ").toUpperCase(Locale.ROOT);
        long declared = table.integerKeyword("MOCORD_S", table.integerKeyword("MOCORDER", -1));
        if (table.columnCount() < 1) {
            throw new MocFormatException(source + ": expected one integer column in the MOC table. Actual: no column");
        }
        long[] values;
        try {
            values = table.longColumn(1);
        } catch (FitsFormatException e) {
            throw new MocFormatException(source + ": " + e.getMessage(), e);
        }
        try {
            return switch (ordering) {
                case "NUNIQ" -> SpatialMoc.ofUniq(maxOrder(declared, values, source, true), values);
                case "RANGE" -> {
                    if (values.length % 2 != 0) {
                        throw new MocFormatException(source + ": expected an even number of rows in a RANGE MOC. Actual: " + values.length);
                    }
                    yield SpatialMoc.ofRangeBounds(maxOrder(declared, values, source, false), values);
                }
                default -> throw new MocFormatException(source + ": expected ORDERING = 'NUNIQ' or 'RANGE'. Actual: '" + ordering + "'");
            };
        } catch (MocFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MocFormatException(source + ": " + e.getMessage(), e);
        }
    }

    /** The declared maximum order, or (absent) the deepest cell's order for NUNIQ, 29 for RANGE. */
    private static int maxOrder(long declared, long[] values, String source, boolean uniq) {
        if (declared > SpatialMoc.MAX_ORDER || declared < -1) {
            throw new MocFormatException(source + ": expected MOCORD_S (or MOCORDER) in [0, 29]. Actual: " + declared);
        }
        if (declared >= 0) {
            return (int) declared;
        }
        if (!uniq) {
            return SpatialMoc.MAX_ORDER;
        }
        int deepest = 0;
        for (long value : values) {
            if (value >= 4) {
                deepest = Math.max(deepest, (63 - Long.numberOfLeadingZeros(value)) / 2 - 1);
            }
        }
        return Math.min(deepest, SpatialMoc.MAX_ORDER);
    }
}
