package org.skysieve.spark;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.skysieve.xmatch.MatchResult;

/**
 * The output rows of the pairs of one task's pieces, made as they are read: one piece is matched at a time and only
 * its match is in memory. Subclasses say what a piece needs before its rows ({@link #startPiece}) and what a pair's row
 * holds ({@link #row}). Not thread-safe (one Spark task iterates it).
 */
abstract class MatchedPairRows implements Iterator<Row> {
    private final Iterator<PiecePlan> plans;
    private final PieceTask task;
    private final Map<Object, Integer> shared;
    private PiecePlan plan;
    private PieceTask.Matched matched;
    private int next;

    /**
     * @param shared  pairs per right row over the whole sky, for the right rows that several pieces see (keyed by the
     *                right side's key value)
     */
    MatchedPairRows(Iterator<PiecePlan> plans, PieceTask task, Map<Object, Integer> shared) {
        this.plans = plans;
        this.task = task;
        this.shared = shared;
    }

    /** Called once per piece with pairs, before its first row. */
    abstract void startPiece(PiecePlan piece, PieceTask.Matched match);

    /** The row of pair {@code pair} of the current piece. */
    abstract Row row(PiecePlan piece, PieceTask.Matched match, int pair);

    final PieceTask task() {
        return task;
    }

    /**
     * The pair's mates counted over the whole sky: the piece's own count, unless its right row is seen by several
     * pieces, where the whole sky's count of pairs of that row (less this one) is taken.
     */
    final int wholeSkyMates(PiecePlan piece, MatchResult result, int pair, long rightHealpix, Object rightKey) {
        int mates = result.mates(pair);
        if (piece.sharedRightRow(rightHealpix)) {
            // absent when the plan has one piece: its own count is the whole sky's
            Integer pairs = shared.get(rightKey);
            return pairs == null ? mates : pairs - 1;
        }
        return mates;
    }

    @Override
    public final boolean hasNext() {
        while (matched == null || next >= matched.result().size()) {
            if (!plans.hasNext()) {
                return false;
            }
            plan = plans.next();
            matched = task.match(plan);
            next = 0;
            if (matched != null) {
                startPiece(plan, matched);
            }
        }
        return true;
    }

    @Override
    public final Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return row(plan, matched, next++);
    }
}
