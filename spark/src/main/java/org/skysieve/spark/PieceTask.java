package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.PieceMatch;

/**
 * The matching of one piece inside a task: reads the rows its {@link PiecePlan} names and runs the single-machine
 * kernel ({@link PieceMatch}) on them, one thread per task (Spark's tasks are the parallelism). Serialisable; holds no
 * data between calls.
 */
final class PieceTask implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HadoopFiles hadoop;
    private final SideColumns left;
    private final SideColumns right;
    private final MatchMode mode;
    private final double radiusArcsec;

    /** The rows read for a piece and the pairs found; row indices of the result refer to {@code left} and {@code right}. */
    record Matched(RowBlock left, RowBlock right, MatchResult result) {
    }

    PieceTask(HadoopFiles hadoop, SideColumns left, SideColumns right, MatchMode mode, double radiusArcsec) {
        this.hadoop = requireNonNull(hadoop, "hadoop is null");
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.radiusArcsec = radiusArcsec;
    }

    SideColumns left() {
        return left;
    }

    SideColumns right() {
        return right;
    }

    /** The same task in another mode (the best-neighbour job runs best and symmetric on the same rows). */
    MatchResult rematch(Matched rows, LoadedTable leftMargin, MatchMode otherMode) {
        return PieceMatch.match(rows.left().toLoadedTable(), leftMargin, rows.right().toLoadedTable(), left.positions().toPositionColumns(),
                right.positions().toPositionColumns(), new MatchSpec(otherMode, radiusArcsec, 0.0, 1));
    }

    /** The left rows of the piece's symmetric margin (outside the piece). */
    LoadedTable leftMargin(PiecePlan plan) {
        return left.readRows(hadoop, plan.leftMarginFiles(), plan.leftMarginBounds(), plan.coreBounds()).toLoadedTable();
    }

    /** Reads and matches the piece; null when the piece has no left rows. */
    Matched match(PiecePlan plan) {
        RowBlock leftRows = left.readRows(hadoop, plan.leftFiles(), plan.coreBounds(), new long[0]);
        if (leftRows.rowCount() == 0) {
            return null;
        }
        RowBlock rightRows = plan.rightMarginFiles().isEmpty() ? right.readRows(hadoop, plan.rightFiles(), plan.rightBounds(), new long[0])
                : MarginRows.read(hadoop, right, plan);
        LoadedTable leftTable = leftRows.toLoadedTable();
        LoadedTable margin = mode == MatchMode.SYMMETRIC ? leftMargin(plan) : leftTable;
        MatchResult result = PieceMatch.match(leftTable, margin, rightRows.toLoadedTable(), left.positions().toPositionColumns(),
                right.positions().toPositionColumns(), new MatchSpec(mode, radiusArcsec, 0.0, 1));
        return new Matched(leftRows, rightRows, result);
    }
}
