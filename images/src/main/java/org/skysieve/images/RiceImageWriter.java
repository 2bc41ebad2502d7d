package org.skysieve.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.compression.algorithm.quant.QuantizeOption;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.FitsOutputStream;

/**
 * Writes a float image as a RICE_1 tile-compressed FITS file through nom-tam-fits: an empty primary HDU, then the
 * compressed image in tiles of {@value #TILE_SIDE} x {@value #TILE_SIDE} pixels (so a cutout decompresses only the few
 * tiles it touches), floats quantized with SUBTRACTIVE_DITHER_1 at q = {@value #QUANTIZE_LEVEL} (noise sigma / 16 per
 * quantum, the usual survey setting; lossy within that), NaN kept as blank. Static.
 */
public final class RiceImageWriter {
    /** Tile side, pixels. */
    public static final int TILE_SIDE = 128;
    /** Quantization level: quanta per noise sigma. */
    public static final double QUANTIZE_LEVEL = 16.0;

    private RiceImageWriter() {
    }

    /** Writes the file (replacing it). {@code cards}: keyword to FITS value text (strings already quoted). */
    public static void write(Path file, float[] pixels, int width, int height, Map<String, String> cards)
            throws IOException {
        try (Fits uncompressed = new Fits(new ByteArrayInputStream(FitsImageWriter.toBytes(pixels, width, height,
                cards)))) {
            ImageHDU image = (ImageHDU) uncompressed.readHDU();
            CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, Math.min(TILE_SIDE, width),
                    Math.min(TILE_SIDE, height));
            compressed.setCompressAlgorithm(Compression.ZCMPTYPE_RICE_1)
                    .setQuantAlgorithm(Compression.ZQUANTIZ_SUBTRACTIVE_DITHER_1)
                    .getCompressOption(QuantizeOption.class).setQlevel(QUANTIZE_LEVEL).setCheckNull(true)
                    .setNullValue(Double.NaN);
            compressed.compress();
            Path temporary = file.resolveSibling(file.getFileName() + ".partial");
            try (Fits out = new Fits(); FitsOutputStream stream = new FitsOutputStream(Files.newOutputStream(temporary))) {
                out.addHDU(compressed);
                out.write(stream);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (FitsException e) {
            throw new IOException("Could not RICE-compress " + file + ": " + e.getMessage(), e);
        }
    }

}
