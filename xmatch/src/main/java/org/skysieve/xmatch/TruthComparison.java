package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.duckdb.SqlText;

/**
 * Completeness and purity of best matches between two surveys of a generated sky, against its truth
 * ({@code truth/observations.parquet}: which true source each survey row detects).
 *
 * <p>A <em>true link</em> joins the primary detected rows of one true source in the two surveys (blends, spurious rows
 * and undetected sources have none). Completeness: the true links found as best matches, over all true links. Purity:
 * the best matches that are true links, over all best matches (a best match whose left row has no true link counts as
 * impure: it found a counterpart where the truth has none). Matches run as {@code skysieve xmatch survey:L survey:R}
 * does: piece by piece, the side with proper motions moved to the other's epoch. Stateless.
 */
public final class TruthComparison {
    private TruthComparison() {
    }

    /**
     * The figures of one ordered survey pair at one radius.
     *
     * @param trueLinks  true links between the two surveys
     * @param matches    best matches found
     * @param correct    best matches that are true links
     */
    public record Quality(String leftSurvey, String rightSurvey, double radiusArcsec, long trueLinks, long matches, long correct) {
        public Quality {
            requireNonNull(leftSurvey, "leftSurvey is null");
            requireNonNull(rightSurvey, "rightSurvey is null");
        }

        /** Found true links over all true links (1 when there are none). */
        public double completeness() {
            return trueLinks == 0 ? 1.0 : (double) correct / trueLinks;
        }

        /** True links over all matches (1 when there are none). */
        public double purity() {
            return matches == 0 ? 1.0 : (double) correct / matches;
        }
    }

    /** Best matches of {@code leftSurvey} in {@code rightSurvey} within {@code radiusArcsec}, compared with the truth of {@code data}. */
    public static Quality measure(Path data, String leftSurvey, String rightSurvey, double radiusArcsec) {
        Map<Long, Long> truth = trueLinks(data, leftSurvey, rightSurvey);
        MatchInputs.ResolvedSide left = MatchInputs.resolve("survey:" + leftSurvey, Optional.of(data), Optional.empty());
        MatchInputs.ResolvedSide right = MatchInputs.resolve("survey:" + rightSurvey, Optional.of(data), Optional.empty());
        try {
            String leftId = left.defaultColumns().get(0);
            String rightId = right.defaultColumns().get(0);
            long[] counts = new long[2];
            PartitionedMatcher.match(new PartitionedMatcher.Side(left.rows(), atEpochOf(left, right), java.util.List.of(leftId)),
                    new PartitionedMatcher.Side(right.rows(), atEpochOf(right, left), java.util.List.of(rightId)),
                    MatchSpec.of(MatchMode.BEST, radiusArcsec), (leftRows, rightRows, result) -> {
                        Column leftIds = leftRows.require(leftId, "id");
                        Column rightIds = rightRows.require(rightId, "id");
                        for (int i = 0; i < result.size(); i++) {
                            counts[0]++;
                            Long expected = truth.get(id(leftIds, result.leftRow(i)));
                            if (expected != null && expected == id(rightIds, result.rightRow(i))) {
                                counts[1]++;
                            }
                        }
                    });
            return new Quality(leftSurvey, rightSurvey, radiusArcsec, truth.size(), counts[0], counts[1]);
        } finally {
            ((HatsSide) left.rows()).close();
            ((HatsSide) right.rows()).close();
        }
    }

    /** Left row id to right row id for every true source detected (as a primary row) by both surveys. */
    public static Map<Long, Long> trueLinks(Path data, String leftSurvey, String rightSurvey) {
        Path observations = data.resolve("truth").resolve("observations.parquet");
        if (!Files.isRegularFile(observations)) {
            throw new IllegalArgumentException("Expected the truth of a generated sky at " + observations + ". Actual: no such file");
        }
        String file = SqlText.literal(observations.toString());
        LoadedTable links = TableReader.readSql("truth", "SELECT DISTINCT l.source_id AS left_id, r.source_id AS right_id"
                + " FROM read_parquet(" + file + ") l JOIN read_parquet(" + file + ") r USING (true_id)"
                + " WHERE l.survey = " + SqlText.literal(leftSurvey) + " AND r.survey = " + SqlText.literal(rightSurvey)
                + " AND l.status = 'detected' AND r.status = 'detected' AND l.is_primary AND r.is_primary"
                + " AND l.source_id IS NOT NULL AND r.source_id IS NOT NULL");
        Map<Long, Long> map = new HashMap<>();
        Column leftIds = links.columns().get(0);
        Column rightIds = links.columns().get(1);
        for (int i = 0; i < links.rowCount(); i++) {
            map.put(id(leftIds, i), id(rightIds, i));
        }
        return map;
    }

    /** An integer id exactly (a double would round ids above 2^53, such as Gaia-like source ids). */
    private static long id(Column column, int row) {
        return column instanceof Column.LongColumn longs ? longs.values()[row] : (long) column.doubleValue(row);
    }

    /** The side's positions, moved to the other side's epoch when it has proper motions (as the CLI does). */
    private static PositionColumns atEpochOf(MatchInputs.ResolvedSide side, MatchInputs.ResolvedSide other) {
        PositionColumns positions = side.positions();
        if (positions.properMotion().isPresent() && other.epochYear().isPresent()
                && !other.epochYear().get().equals(positions.properMotion().get().epochYear())) {
            return positions.withProperMotion(positions.properMotion().get(), other.epochYear().get());
        }
        return positions;
    }
}
