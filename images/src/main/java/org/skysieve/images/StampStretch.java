package org.skysieve.images;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a stamp becomes an 8-bit grey preview: the limits are percentiles of the stamp's finite pixels (low maps to
 * black, high to white); between them {@code linear} is proportional and {@code asinh} is
 * {@code asinh(SOFTENING * t) / asinh(SOFTENING)} of the linear fraction t (faint structure lifted, bright cores kept).
 * NaN pixels (no data) are black; a stamp without finite pixels is all black.
 *
 * @param method          {@code linear} or {@code asinh}
 * @param lowPercentile   in [0, 100), below {@code highPercentile}
 * @param highPercentile  in (0, 100]
 */
public record StampStretch(Method method, double lowPercentile, double highPercentile) {
    /** The asinh softening: how strongly faint levels are lifted. */
    public static final double SOFTENING = 10.0;

    public StampStretch {
        java.util.Objects.requireNonNull(method, "method is null");
        if (!(lowPercentile >= 0 && highPercentile <= 100 && lowPercentile < highPercentile)) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected percentile limits 0 <= low < high"
                    + " <= 100. Actual: " + lowPercentile + ", " + highPercentile);
        }
    }

    /** The default: asinh between the 1st and the 99.5th percentile. */
    public static StampStretch defaults() {
        return new StampStretch(Method.ASINH, 1.0, 99.5);
    }

    /** The stretch curve. */
    public enum Method {
        LINEAR, ASINH;

        /** {@code linear} or {@code asinh}, any case. */
        public static Method parse(String text) {
            for (Method method : values()) {
                if (method.name().equalsIgnoreCase(text.trim())) {
                    return method;
                }
            }
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a stretch linear or asinh."
                    + " Actual: '" + text + "'");
        }
    }

    /**
     * Parses {@code "asinh"}, {@code "linear"}, optionally with limits: {@code "linear:0.5,99.9"} (percentiles).
     */
    public static StampStretch parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        Method method = Method.parse(colon < 0 ? trimmed : trimmed.substring(0, colon));
        if (colon < 0) {
            return new StampStretch(method, defaults().lowPercentile, defaults().highPercentile);
        }
        String[] limits = trimmed.substring(colon + 1).split(",");
        try {
            if (limits.length != 2) {
                throw new NumberFormatException();
            }
            return new StampStretch(method, Double.parseDouble(limits[0].trim()), Double.parseDouble(limits[1].trim()));
        } catch (NumberFormatException e) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a stretch as METHOD or"
                    + " METHOD:LOW,HIGH (percentiles), such as asinh:1,99.5. Actual: '" + text + "'");
        }
    }

    /** Grey levels (0-255, row-major, first row = FITS y = 1) of {@code count} pixels. */
    public byte[] toGrey(float[] pixels, int count) {
        float[] finite = new float[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Float.isFinite(pixels[i])) {
                finite[n++] = pixels[i];
            }
        }
        byte[] grey = new byte[count];
        if (n == 0) {
            return grey;
        }
        Arrays.sort(finite, 0, n);
        double low = percentile(finite, n, lowPercentile);
        double high = percentile(finite, n, highPercentile);
        double range = high > low ? high - low : 1.0;
        double norm = Math.log(SOFTENING + Math.sqrt(SOFTENING * SOFTENING + 1));
        for (int i = 0; i < count; i++) {
            float value = pixels[i];
            if (!Float.isFinite(value)) {
                continue;
            }
            double t = Math.max(0.0, Math.min(1.0, (value - low) / range));
            if (method == Method.ASINH) {
                double s = SOFTENING * t;
                t = Math.log(s + Math.sqrt(s * s + 1)) / norm;
            }
            grey[i] = (byte) Math.round(t * 255.0);
        }
        return grey;
    }

    /** Linear interpolation between order statistics (NumPy's default percentile). */
    private static double percentile(float[] sorted, int n, double percent) {
        double position = percent / 100.0 * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s:%s,%s", method.name().toLowerCase(Locale.ROOT), lowPercentile,
                highPercentile);
    }
}
