package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A survey's per-band column names, as {@link String#format} patterns taking the band's column key
 * (e.g. {@code mag_%s}, {@code phot_%s_mean_mag}, {@code %smpro}).
 */
record ColumnNaming(String mag, String magError, String flux, String fluxError, String status, String limit) {
    ColumnNaming {
        requireNonNull(mag, "mag is null");
        requireNonNull(magError, "magError is null");
        requireNonNull(flux, "flux is null");
        requireNonNull(fluxError, "fluxError is null");
        requireNonNull(status, "status is null");
        requireNonNull(limit, "limit is null");
    }

    static String apply(String pattern, SurveyBandSpec band) {
        return String.format(Locale.ROOT, pattern, band.columnKey());
    }
}
