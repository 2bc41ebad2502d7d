package org.skysieve.images;

/**
 * The size of a stamp: in pixels of the primary plate, or in arcsec (converted with the plate's pixel scale, rounded,
 * at least one pixel).
 *
 * @param width  columns, or arcsec along x
 * @param height rows, or arcsec along y
 * @param inArcsec whether width and height are arcsec
 */
public record CutoutSize(double width, double height, boolean inArcsec) {
    public CutoutSize {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a positive, finite cutout size."
                    + " Actual: " + width + " x " + height + (inArcsec ? " arcsec" : " pixels"));
        }
    }

    public static CutoutSize pixels(int width, int height) {
        return new CutoutSize(width, height, false);
    }

    public static CutoutSize arcsec(double width, double height) {
        return new CutoutSize(width, height, true);
    }

    int widthPixels(double pixelScaleArcsec) {
        return inArcsec ? Math.max(1, (int) Math.round(width / pixelScaleArcsec)) : (int) Math.round(width);
    }

    int heightPixels(double pixelScaleArcsec) {
        return inArcsec ? Math.max(1, (int) Math.round(height / pixelScaleArcsec)) : (int) Math.round(height);
    }
}
