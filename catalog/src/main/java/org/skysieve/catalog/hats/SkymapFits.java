package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.header.Standard;
import nom.tam.util.FitsFile;

/**
 * {@code skymap.fits}: the number of rows in every HEALPix cell at one order, as a FITS binary table with one
 * int64 column {@code T} of 12 * 4^order rows (NESTED, implicit indexing), in the form hats writes it.
 *
 * <p>Stateless and thread-safe.
 */
public final class SkymapFits {
    public static final String FILE_NAME = "skymap.fits";

    private SkymapFits() {
    }

    /** Writes {@code counts} (one value per cell, index = NESTED pixel at {@code order}) to {@code file}. */
    public static void write(int order, long[] counts, Path file) {
        requireNonNull(counts, "counts is null");
        if (counts.length != HatsPixel.cellCount(order)) {
            throw new IllegalArgumentException("Expected " + HatsPixel.cellCount(order) + " counts at order " + order + ". Actual: " + counts.length);
        }
        try (Fits fits = new Fits(); FitsFile out = new FitsFile(file.toFile(), "rw")) {
            BinaryTable table = BinaryTable.fromColumnMajor(new Object[] {counts});
            BinaryTableHDU hdu = table.toHDU();
            Header header = hdu.getHeader();
            // TTYPE1 before TFORM1, where hats puts it.
            header.findCard("TFORM1");
            header.addValue("TTYPE1", "T", "row count in the cell");
            header.addValue("TFORM1", "K", "int64"); // "1K" and "K" are the same; hats writes "K"
            header.addValue("PIXTYPE", "HEALPIX", "HEALPix map");
            header.addValue("ORDERING", "NESTED", "pixel ordering scheme");
            header.addValue("COORDSYS", "CEL", "ICRS celestial coordinates");
            header.addValue("EXTNAME", "xtension", "name of this extension");
            header.addValue("NSIDE", 1L << order, "resolution parameter");
            header.addValue("FIRSTPIX", 0L, "first pixel index (0-based)");
            header.addValue("LASTPIX", HatsPixel.cellCount(order) - 1, "last pixel index (0-based)");
            header.addValue("INDXSCHM", "IMPLICIT", "indexing scheme");
            header.addValue("OBJECT", "FULLSKY", "sky coverage");
            header.addValue("CREATOR", "skysieve", "software that wrote this file");
            fits.addHDU(emptyPrimaryHdu());
            fits.addHDU(hdu);
            out.setLength(0);
            fits.write(out);
        } catch (FitsException e) {
            throw new HatsException("Cannot write " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** SIMPLE, BITPIX = 8, NAXIS = 0, EXTEND: the primary HDU of hats' skymap files. */
    private static BasicHDU<?> emptyPrimaryHdu() throws FitsException {
        Header header = new Header();
        header.addValue(Standard.SIMPLE, true);
        header.addValue(Standard.BITPIX, 8);
        header.addValue(Standard.NAXIS, 0);
        header.addValue(Standard.EXTEND, true);
        return Fits.makeHDU(header);
    }

    /** A count map read back: its order and one count per NESTED pixel. */
    public record Skymap(int order, long[] counts) {
        public Skymap {
            requireNonNull(counts, "counts is null");
        }
    }

    public static Skymap read(Path file) {
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            if (hdus.length < 2 || !(hdus[1] instanceof BinaryTableHDU table)) {
                throw new HatsException("Expected a binary table in the second HDU of " + file);
            }
            long nside = table.getHeader().getLongValue("NSIDE", -1);
            int order = Long.numberOfTrailingZeros(nside);
            if (nside < 1 || Long.bitCount(nside) != 1) {
                throw new HatsException("Expected NSIDE a power of 2 in " + file + ". Actual: " + nside);
            }
            Object column = table.getColumn(0);
            if (!(column instanceof long[] counts)) {
                throw new HatsException("Expected an int64 (K) count column in " + file + ". Actual: " + column.getClass().getSimpleName());
            }
            return new Skymap(order, counts);
        } catch (FitsException e) {
            throw new HatsException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
