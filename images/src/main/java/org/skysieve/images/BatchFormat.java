package org.skysieve.images;

import java.util.Locale;

/**
 * What a batch of cutouts is written as (file names from the output path {@code OUT.EXT}):
 * <ul>
 *   <li>{@code NPY}: {@code OUT.npy} float32 (N, bands, H, W), {@code OUT.mask.npy} uint8 of the same shape (1 where
 *       no plate covers the pixel), {@code OUT.index.csv} (one line per position);</li>
 *   <li>{@code FITS}: one file: a float32 cube (NAXIS1 = W, NAXIS2 = H, NAXIS3 = bands, NAXIS4 = N) in the primary HDU,
 *       an image extension {@code MASK} (uint8, same axes) and a binary table {@code INDEX} (the index);</li>
 *   <li>{@code PNG}: a ZIP of one stretched 8-bit PNG per position and band ({@code 000000_r.png}, north up) and
 *       {@code index.csv}.</li>
 * </ul>
 */
public enum BatchFormat {
    NPY("npy"), FITS("fits"), PNG("zip");

    private final String extension;

    BatchFormat(String extension) {
        this.extension = extension;
    }

    /** The output file's extension. */
    public String extension() {
        return extension;
    }

    /** {@code npy}, {@code fits} or {@code png} (any case). */
    public static BatchFormat parse(String text) {
        for (BatchFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a format npy, fits or png. Actual: '"
                + text + "'");
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
