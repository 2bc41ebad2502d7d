package org.skysieve.synth;

import java.sql.SQLException;
import org.skysieve.catalog.model.MissingStatus;

/** Receives what one survey made of the true sources: catalogue rows, per-band truth, spurious detections. */
interface ObservationSink {
    /** A catalogue row; the row object is reused after the call returns. */
    void catalogueRow(MeasuredRow row) throws SQLException;

    /**
     * What the survey made of one true source in one band.
     *
     * @param bandIndex   index of the band in the survey
     * @param inCatalogue whether the source became (part of) a catalogue row; {@code sourceId} is meaningful only then
     * @param limitMag    limiting magnitude at the position; NaN when masked or unobserved
     * @param primary     whether this source is the main contributor of its measurement (false for a fainter blended source)
     */
    void observation(long trueId, int bandIndex, MissingStatus status, boolean inCatalogue, long sourceId, double limitMag,
                     boolean primary) throws SQLException;

    /** A catalogue row that belongs to no true source, detected in band {@code bandIndex}. */
    void spurious(long sourceId, double raDeg, double decDeg, int bandIndex) throws SQLException;
}
