package org.skysieve.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * 8-bit grey PNG files (through the JDK's ImageIO). The first row of the grey levels is FITS y = 1, the bottom of
 * an astronomical image, so rows are flipped to put north (y up) at the top as image viewers show it. Thread-safe.
 */
public final class PngImages {
    private PngImages() {
    }

    /** A PNG of {@code width} x {@code height} grey levels (row-major, first row at the bottom of the picture). */
    public static byte[] grey(byte[] levels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int row = 0; row < height; row++) {
            System.arraycopy(levels, row * width, raster, (height - 1 - row) * width, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 2 + 256);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stamp as a stretched PNG. */
    public static byte[] of(Cutout cutout, StampStretch stretch) {
        return grey(stretch.toGrey(cutout.pixels(), cutout.width() * cutout.height()), cutout.width(),
                cutout.height());
    }
}
