package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.skysieve.sky.wcs.CelestialWcs;

/**
 * One image plate: a 2-D FITS image of one band of one survey, where its pixels start in the file and how to read them.
 *
 * @param survey      the survey
 * @param band        the band
 * @param name        the plate's name (a tile id, or the file name without its suffix)
 * @param file        the FITS file (uncompressed: memory-mapped; {@code .gz}: read once into memory)
 * @param wcs         the celestial WCS of the pixel grid
 * @param width       NAXIS1
 * @param height      NAXIS2
 * @param format      how pixels are stored (BITPIX, BSCALE, BZERO, BLANK) and where
 */
public record Plate(String survey, String band, String name, Path file, CelestialWcs wcs, int width, int height,
        PixelFormat format) {
    public Plate {
        requireNonNull(survey, "survey is null");
        requireNonNull(band, "band is null");
        requireNonNull(name, "name is null");
        requireNonNull(file, "file is null");
        requireNonNull(wcs, "wcs is null");
        requireNonNull(format, "format is null");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Expected a plate of at least 1 x 1 pixels. Actual: " + width + " x "
                    + height + " in " + file);
        }
    }

    /**
     * How pixels are stored.
     *
     * @param bitpix      FITS BITPIX (8, 16, 32, 64, -32, -64)
     * @param bscale      BSCALE (1 when absent)
     * @param bzero       BZERO (0 when absent)
     * @param blank       BLANK for integer images, or null when absent; such pixels read as NaN
     * @param dataOffset  byte offset of the first pixel in the (decompressed) file
     */
    public record PixelFormat(int bitpix, double bscale, double bzero, Long blank, long dataOffset) {
        public PixelFormat {
            if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
                throw new IllegalArgumentException("Expected BITPIX 8, 16, 32, 64, -32 or -64. Actual: " + bitpix);
            }
        }

        int bytesPerPixel() {
            return Math.abs(bitpix) / 8;
        }
    }
}
