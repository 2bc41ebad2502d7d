package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * {@code skysieve xmatch LEFT survey:NAME --status}: the best match of every left row with a survey, one output row per
 * left row (in left order, unmatched rows kept), the survey's columns named {@code NAME_column} as POST /xmatch writes
 * several surveys side by side, then {@code NAME_separation_arcsec}, {@code NAME_candidates} and the status and limit
 * of each of the survey's band measurements ({@link SurveyStatusFill}). The left table is held in memory (a survey on the
 * left is read whole). Stateless.
 */
public final class StatusMatch {
    private StatusMatch() {
    }

    /**
     * @param leftRows      the left side (a file in memory, or a survey read whole)
     * @param leftKept      the left columns to write
     * @param surveyRows    the survey side's rows
     * @param surveyKept    the survey columns to write
     * @param surveyName    the survey's name, the prefix of its columns
     * @return the rows written (the left row count)
     */
    public static long run(MatchSide leftRows, PositionColumns leftPositions, List<String> leftKept, MatchSide surveyRows,
            PositionColumns surveyPositions, List<String> surveyKept, String surveyName, SurveyStatusFill fill, MatchSpec spec, Path out) {
        requireNonNull(fill, "fill is null");
        if (spec.mode() != MatchMode.BEST) {
            throw new IllegalArgumentException("Expected --find best with status columns (one row per left source). Actual: "
                    + spec.mode().word());
        }
        List<String> leftNeeded = new ArrayList<>(new LinkedHashSet<>(concat(leftKept, leftPositions.columnNames())));
        LoadedTable left = whole(leftRows, leftNeeded);
        int rows = left.rowCount();
        long[] index = new long[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i;
        }
        List<Column> withIndex = new ArrayList<>(left.columns());
        withIndex.add(new Column.LongColumn(SideBySide.ROW_COLUMN, index, new boolean[rows]));
        LoadedTable indexed = new LoadedTable(left.source(), withIndex);
        List<String> gatheredColumns = fill.gatheredColumns(surveyKept);
        SideBySide gathered = new SideBySide(surveyName, gatheredColumns, rows);
        List<String> leftColumns = concat(leftNeeded, List.of(SideBySide.ROW_COLUMN));
        PartitionedMatcher.match(new PartitionedMatcher.Side(new MemorySide(indexed, leftPositions), leftPositions, leftColumns),
                new PartitionedMatcher.Side(surveyRows, surveyPositions, gatheredColumns), spec, gathered);
        List<Column> output = new ArrayList<>(left.select(leftKept).columns());
        double[] raDeg = LoadedTable.doubles(left.require(leftPositions.raColumn(), "position"));
        double[] decDeg = LoadedTable.doubles(left.require(leftPositions.decColumn(), "position"));
        output.addAll(fill.output(surveyName + "_", surveyKept, raDeg, decDeg, gathered.columns()));
        TableFiles.write(new LoadedTable(left.source(), output), out, fill.docs(surveyName + "_"));
        return rows;
    }

    private static LoadedTable whole(MatchSide side, List<String> columns) {
        if (side instanceof MemorySide memory) {
            return memory.table().select(columns);
        }
        return side.rowsIn(HealpixRanges.ofRanges(0, 12L << 58), HealpixRanges.empty(), columns);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
