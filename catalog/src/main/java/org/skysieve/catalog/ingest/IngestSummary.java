package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * What an ingest did.
 *
 * @param surveyName     the survey ingested
 * @param tableNames     the tables published, in descriptor order
 * @param rowsRead       data rows read from all input files
 * @param rowsWritten    rows published
 * @param rowsRejected   rows left out (bad rows under {@code skip}; rows with unusable positions under {@code flag})
 * @param rowsFlagged    rows published with a non-zero {@code ingest_flags} (policy {@code flag})
 * @param seconds        wall time of the whole ingest, including writing the HATS catalogues
 * @param problemSamples the first problems found (file, row, column and message), at most 20 per table
 */
public record IngestSummary(
        String surveyName,
        List<String> tableNames,
        long rowsRead,
        long rowsWritten,
        long rowsRejected,
        long rowsFlagged,
        double seconds,
        List<String> problemSamples) {

    public IngestSummary {
        requireNonNull(surveyName, "surveyName is null");
        tableNames = List.copyOf(requireNonNull(tableNames, "tableNames is null"));
        problemSamples = List.copyOf(requireNonNull(problemSamples, "problemSamples is null"));
    }

    /** Rows read per second of wall time. */
    public double rowsPerSecond() {
        return seconds > 0 ? rowsRead / seconds : 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "survey %s, tables %s: %,d rows read, %,d written, %,d rejected, %,d flagged in %.1f s (%,.0f rows/s)",
                surveyName, tableNames, rowsRead, rowsWritten, rowsRejected, rowsFlagged, seconds, rowsPerSecond());
    }
}
