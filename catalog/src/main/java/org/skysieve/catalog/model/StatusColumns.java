package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The companion columns that say why a per-band measurement has or lacks a value: for a measurement column
 * {@code M} of band {@code B}, {@code M_status} ({@link MissingStatus} words: detected, undetected, masked,
 * unobserved) and {@code M_limit} (the band's 5-sigma limiting magnitude at the row's position). One naming and one
 * documentation, shared by the synthetic surveys, ingest and cross-match output.
 *
 * <p>A <em>measurement</em> ({@link #isMeasurement}) is a float or double column of a band whose UCD's first word is
 * {@code phot.mag} without {@code instr.sensitivity} (or, without a UCD, whose unit is {@code mag} and whose name does
 * not end in {@code _limit}): the band's magnitudes, not their errors, limits, fluxes or flags. The measurement itself stays null where not detected; a NaN is a value, never read as a null.
 */
public final class StatusColumns {
    private static final String STATUS_SUFFIX = "_status";
    private static final String LIMIT_SUFFIX = "_limit";

    private StatusColumns() {
    }

    /** {@code measurement + "_status"}. */
    public static String statusName(String measurement) {
        return requireNonNull(measurement, "measurement is null") + STATUS_SUFFIX;
    }

    /** {@code measurement + "_limit"}. */
    public static String limitName(String measurement) {
        return requireNonNull(measurement, "measurement is null") + LIMIT_SUFFIX;
    }

    /** Whether {@code column} is a per-band measurement that gets status and limit columns (see the class comment). */
    public static boolean isMeasurement(ColumnDoc column) {
        requireNonNull(column, "column is null");
        if (column.band().isEmpty() || (column.type() != ColumnType.FLOAT && column.type() != ColumnType.DOUBLE)) {
            return false;
        }
        String ucd = column.ucd().toLowerCase(Locale.ROOT);
        String firstWord = ucd.split(";", 2)[0].trim();
        if (!firstWord.isEmpty()) {
            // a limiting magnitude (phot.mag;instr.sensitivity) describes the band, it is not a measurement
            return firstWord.equals("phot.mag") && !ucd.contains("instr.sensitivity");
        }
        return column.unit().equals("mag") && !column.name().endsWith(LIMIT_SUFFIX);
    }

    /**
     * The documented status column of {@code measurement} (a column with a band).
     *
     * @param bandUcdWord the band's UCD word, e.g. {@code em.opt.R}, or empty
     */
    public static ColumnDoc statusDoc(String measurement, String band, String bandUcdWord) {
        requireNonNull(band, "band is null");
        return ColumnDoc.of(statusName(measurement), ColumnType.STRING, "", ucd("meta.code.status", bandUcdWord),
                        "Why " + measurement + " (band " + band + ") has or lacks a value: " + wordsAndMeanings() + ".")
                .withBand(band);
    }

    /** The documented limit column of {@code measurement}: null where the band did not observe the position. */
    public static ColumnDoc limitDoc(String measurement, String band, String bandUcdWord) {
        requireNonNull(band, "band is null");
        return ColumnDoc.of(limitName(measurement), ColumnType.FLOAT, "mag", ucd("phot.mag;instr.sensitivity", bandUcdWord),
                        "5-sigma point-source limiting magnitude in " + band + " at this position (for " + measurement + ").")
                .withNullMeaning("No limit here: masked or unobserved in " + band + " (or the band has no depth map), see "
                        + statusName(measurement) + ".")
                .withBand(band);
    }

    /** The null meaning of a measurement whose companions are these columns. */
    public static String measurementNullMeaning(String measurement, String band) {
        return "Not detected in " + band + ": " + statusName(measurement) + " says why (undetected: the limit is in "
                + limitName(measurement) + "; masked; unobserved).";
    }

    /** {@code detected: meaning; undetected: meaning; ...}, for documentation keywords. */
    public static String wordsAndMeanings() {
        StringBuilder text = new StringBuilder();
        for (MissingStatus status : MissingStatus.values()) {
            text.append(text.length() == 0 ? "" : "; ").append(status.word()).append(" = ").append(status.meaning());
        }
        return text.toString();
    }

    private static String ucd(String base, String bandUcdWord) {
        return bandUcdWord == null || bandUcdWord.isBlank() ? base : base + ";" + bandUcdWord;
    }
}
