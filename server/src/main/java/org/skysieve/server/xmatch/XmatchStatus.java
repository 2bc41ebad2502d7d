package org.skysieve.server.xmatch;

import java.util.List;
import java.util.Map;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchSink;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SideBySide;
import org.skysieve.xmatch.SurveyStatusFill;

/**
 * The {@code status=true} step of POST /xmatch for one survey: gathers the best match of every uploaded row with the
 * columns the status needs, then adds {@code SURVEY_<mag>_status} and {@code SURVEY_<mag>_limit} per band measurement
 * ({@link SurveyStatusFill}: the counterpart's own, or the survey's maps at the uploaded position). A survey without
 * maps or measurements is a 400 naming it. Stateless.
 */
final class XmatchStatus {
    /** Runs the match of the upload against the survey, gathering {@code surveyColumns} into {@code sink}. */
    @FunctionalInterface
    interface Matcher {
        void match(List<String> surveyColumns, MatchSink sink);
    }

    /**
     * The maps of each served archive, read on first use (50-800 ms per survey at small scale) and kept for the life of
     * the process: a server serves one archive.
     */
    private static final Map<Archive, StatusMaps> MAPS = new java.util.concurrent.ConcurrentHashMap<>();

    private XmatchStatus() {
    }

    /**
     * @param chosen    the survey columns the user asked for
     * @param uploaded  the uploaded rows (in upload order)
     * @param docs      receives the documentation of the status and limit columns, by output name
     * @return the survey's output columns: the chosen ones, separation, candidates, then status and limit per measurement
     */
    static List<Column> sideBySide(Archive archive, String survey, List<String> chosen, LoadedTable uploaded, PositionColumns positions,
            Map<String, ColumnDoc> docs, Matcher matcher) {
        SurveyStatusFill fill;
        try {
            fill = SurveyStatusFill.of(archive, MAPS.computeIfAbsent(archive, StatusMaps::new), survey);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected surveys with coverage maps for status=true. Actual: "
                    + e.getMessage());
        }
        List<String> gathered = fill.gatheredColumns(chosen);
        SideBySide sink = new SideBySide(survey, gathered, uploaded.rowCount());
        matcher.match(gathered, sink);
        double[] raDeg = LoadedTable.doubles(uploaded.require(positions.raColumn(), "position"));
        double[] decDeg = LoadedTable.doubles(uploaded.require(positions.decColumn(), "position"));
        docs.putAll(fill.docs(survey + "_"));
        return fill.output(survey + "_", chosen, raDeg, decDeg, sink.columns());
    }
}
