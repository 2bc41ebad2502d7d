package org.skysieve.sky.wcs;

/**
 * The linear part of a FITS WCS: pixel offsets from CRPIX to intermediate world coordinates in degrees,
 * {@code (x, y) = M (dx, dy)}, M being the CD matrix (or CDELT times PC). Row 1 gives the longitude's intermediate
 * coordinate, row 2 the latitude's.
 *
 * @param m11 CD1_1 (degrees per pixel)
 * @param m12 CD1_2
 * @param m21 CD2_1
 * @param m22 CD2_2
 */
public record LinearTransform(double m11, double m12, double m21, double m22) {
    /** All four finite and the matrix invertible. */
    public LinearTransform {
        double determinant = m11 * m22 - m12 * m21;
        if (!Double.isFinite(determinant) || determinant == 0.0) {
            throw new WcsException("Expected an invertible, finite CD (or CDELT x PC) matrix. Actual: [[" + m11 + ", "
                    + m12 + "], [" + m21 + ", " + m22 + "]]");
        }
    }

    void apply(double dx, double dy, double[] out) {
        out[0] = m11 * dx + m12 * dy;
        out[1] = m21 * dx + m22 * dy;
    }

    void applyInverse(double x, double y, double[] out) {
        double determinant = m11 * m22 - m12 * m21;
        out[0] = (m22 * x - m12 * y) / determinant;
        out[1] = (-m21 * x + m11 * y) / determinant;
    }
}
