package org.skysieve.sky.wcs;

/**
 * A position on an image in FITS pixel coordinates: 1-based, the centre of the first pixel is (1.0, 1.0); {@code x}
 * runs along NAXIS1 (columns), {@code y} along NAXIS2 (rows).
 *
 * @param x FITS pixel coordinate along the first image axis
 * @param y FITS pixel coordinate along the second image axis
 */
public record PixelPosition(double x, double y) {
    /** Both coordinates must be finite. */
    public PixelPosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Expected finite pixel coordinates. Actual: (" + x + ", " + y + ")");
        }
    }
}
