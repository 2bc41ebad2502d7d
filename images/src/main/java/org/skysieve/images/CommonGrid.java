package org.skysieve.images;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialWcs;

/**
 * A common pixel grid for stamps of every band: gnomonic (TAN), north up and east left (CD1_1 = -scale, CD2_2 = +scale,
 * no rotation), ICRS, centred on the stamp's position (CRVAL = the position, CRPIX = the middle of the stamp, so the
 * position lies at 0-based pixel ((width - 1) / 2, (height - 1) / 2)), at {@code scaleArcsec} per pixel. Plate pixels
 * are sampled at each grid pixel's sky position by {@link #method()}.
 *
 * @param scaleArcsec the grid's pixel scale, arcsec per pixel, positive and finite
 * @param method      how plate pixels are sampled
 */
public record CommonGrid(double scaleArcsec, Resampling method) {
    public CommonGrid {
        if (!(scaleArcsec > 0) || !Double.isFinite(scaleArcsec)) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a positive, finite grid pixel"
                    + " scale in arcsec. Actual: " + scaleArcsec);
        }
        java.util.Objects.requireNonNull(method, "method is null");
    }

    /** How a grid pixel's value is taken from a plate. */
    public enum Resampling {
        /** The plate pixel whose centre is nearest: values are copied, never mixed. */
        NEAREST("nearest"),
        /** Bilinear interpolation of the 4 nearest plate pixels (NaN when one of them is NaN). */
        BILINEAR("bilinear");

        private final String keyword;

        Resampling(String keyword) {
            this.keyword = keyword;
        }

        /** The name written in FITS headers (RESAMPLE) and accepted in requests. */
        public String keyword() {
            return keyword;
        }

        /** {@code nearest} or {@code bilinear} (any case). */
        public static Resampling parse(String text) {
            for (Resampling method : values()) {
                if (method.keyword.equalsIgnoreCase(text.trim())) {
                    return method;
                }
            }
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a resampling method nearest or"
                    + " bilinear. Actual: '" + text + "'");
        }
    }

    /** The grid's WCS for a stamp of {@code width} x {@code height} pixels centred on {@code centre}. */
    public CelestialWcs wcsAt(LonLat centre, int width, int height) {
        Map<String, String> cards = new LinkedHashMap<>();
        cards.put("NAXIS", "2");
        cards.put("CTYPE1", "RA---TAN");
        cards.put("CTYPE2", "DEC--TAN");
        cards.put("CRPIX1", number((width + 1) / 2.0));
        cards.put("CRPIX2", number((height + 1) / 2.0));
        cards.put("CRVAL1", number(centre.lonDeg()));
        cards.put("CRVAL2", number(centre.latDeg()));
        cards.put("CD1_1", number(-scaleArcsec / 3600.0));
        cards.put("CD1_2", "0");
        cards.put("CD2_1", "0");
        cards.put("CD2_2", number(scaleArcsec / 3600.0));
        cards.put("RADESYS", "ICRS");
        return CelestialWcs.fromCards(cards);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }
}
