package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.skysieve.catalog.model.StatusColumns;

/**
 * A survey's per-band column names, as {@link String#format} patterns taking the band's column key
 * (e.g. {@code mag_%s}, {@code phot_%s_mean_mag}, {@code %smpro}). The magnitude is the band's measurement: its
 * status and limit columns are named after it ({@code mag_r_status}, {@code mag_r_limit}; see
 * {@link org.skysieve.catalog.model.StatusColumns}).
 */
record ColumnNaming(String mag, String magError, String flux, String fluxError) {
    ColumnNaming {
        requireNonNull(mag, "mag is null");
        requireNonNull(magError, "magError is null");
        requireNonNull(flux, "flux is null");
        requireNonNull(fluxError, "fluxError is null");
    }

    /** The status column of {@code band}: {@code <magnitude column>_status}. */
    String status(SurveyBandSpec band) {
        return StatusColumns.statusName(apply(mag, band));
    }

    /** The limit column of {@code band}: {@code <magnitude column>_limit}. */
    String limit(SurveyBandSpec band) {
        return StatusColumns.limitName(apply(mag, band));
    }

    static String apply(String pattern, SurveyBandSpec band) {
        return String.format(Locale.ROOT, pattern, band.columnKey());
    }
}
