package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A partitioned cross-match whose {@link MatchResult#mates(int)} count over the whole sky, not within one piece: a right
 * row near a piece's edge can be chosen by left rows of two pieces. Two passes of {@link PartitionedMatcher}: the first
 * counts the pairs of each right row (known by {@code rightKeyColumn}: a unique id, or
 * {@link MemorySide#ROW_INDEX_COLUMN} for a table in memory), the second hands each piece to the sink with those
 * counts. So the pairs, distances, candidates, ranks and mates equal those of {@link SkyMatcher} on the whole tables.
 * When both sides are in memory there is one piece and one pass. Memory: one entry per right row that has a pair.
 */
public final class GlobalMates {
    private GlobalMates() {
    }

    public static void match(PartitionedMatcher.Side left, PartitionedMatcher.Side right, MatchSpec spec, MatchSink sink, String rightKeyColumn) {
        requireNonNull(sink, "sink is null");
        requireNonNull(rightKeyColumn, "rightKeyColumn is null");
        if (left.rows() instanceof MemorySide && right.rows() instanceof MemorySide) {
            PartitionedMatcher.match(left, right, spec, sink);
            return;
        }
        List<String> columns = new ArrayList<>(right.columns());
        if (columns.stream().noneMatch(rightKeyColumn::equalsIgnoreCase)) {
            columns.add(rightKeyColumn);
        }
        PartitionedMatcher.Side keyed = new PartitionedMatcher.Side(right.rows(), right.positions(), columns);
        Map<Object, int[]> pairsPerRight = new HashMap<>();
        // the counting pass reads only the key of the right side
        PartitionedMatcher.Side keyOnly = new PartitionedMatcher.Side(right.rows(), right.positions(), List.of(rightKeyColumn));
        PartitionedMatcher.match(left, keyOnly, spec, (leftRows, rightRows, result) -> {
            Column keys = rightRows.require(rightKeyColumn, "right key");
            for (int i = 0; i < result.size(); i++) {
                pairsPerRight.computeIfAbsent(key(keys, result.rightRow(i)), k -> new int[1])[0]++;
            }
        });
        PartitionedMatcher.match(left, keyed, spec, (leftRows, rightRows, result) -> {
            Column keys = rightRows.require(rightKeyColumn, "right key");
            int[] mates = new int[result.size()];
            for (int i = 0; i < result.size(); i++) {
                mates[i] = pairsPerRight.get(key(keys, result.rightRow(i)))[0] - 1;
            }
            sink.accept(leftRows, rightRows, result.withMates(mates));
        });
    }

    private static Object key(Column column, int row) {
        if (column instanceof Column.LongColumn longs) {
            return longs.values()[row];
        }
        if (column instanceof Column.DoubleColumn doubles) {
            return doubles.values()[row];
        }
        return column.text(row);
    }
}
