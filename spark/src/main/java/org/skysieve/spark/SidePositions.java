package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.skysieve.xmatch.PositionColumns;

/**
 * {@link PositionColumns} in a form tasks can receive: the position columns, and the proper motion columns with the
 * catalogue's epoch and the epoch to move to (both NaN when positions are not moved).
 */
record SidePositions(String raColumn, String decColumn, String pmraColumn, String pmdecColumn, double epochYear, double targetEpochYear)
        implements Serializable {
    SidePositions {
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(pmraColumn, "pmraColumn is null");
        requireNonNull(pmdecColumn, "pmdecColumn is null");
    }

    static SidePositions of(PositionColumns positions) {
        if (positions.properMotion().isPresent() && positions.targetEpochYear().isPresent()) {
            PositionColumns.ProperMotionColumns motion = positions.properMotion().get();
            return new SidePositions(positions.raColumn(), positions.decColumn(), motion.pmraColumn(), motion.pmdecColumn(), motion.epochYear(),
                    positions.targetEpochYear().get());
        }
        return new SidePositions(positions.raColumn(), positions.decColumn(), "", "", Double.NaN, Double.NaN);
    }

    boolean moved() {
        return !pmraColumn.isEmpty();
    }

    PositionColumns toPositionColumns() {
        PositionColumns positions = PositionColumns.of(raColumn, decColumn);
        return moved() ? positions.withProperMotion(new PositionColumns.ProperMotionColumns(pmraColumn, pmdecColumn, epochYear), targetEpochYear)
                : positions;
    }

    List<String> columnNames() {
        return moved() ? List.of(raColumn, decColumn, pmraColumn, pmdecColumn) : List.of(raColumn, decColumn);
    }

    /** {@code catalogue}'s positions, moved to {@code otherEpochYear} when it has proper motions, an epoch, and the other epoch differs. */
    static PositionColumns atEpoch(SparkCatalogue catalogue, Optional<Double> otherEpochYear) {
        PositionColumns positions = catalogue.positions();
        if (positions.properMotion().isPresent() && otherEpochYear.isPresent() && positions.properMotion().get().epochYear() != otherEpochYear.get()) {
            return positions.withProperMotion(positions.properMotion().get(), otherEpochYear.get());
        }
        return PositionColumns.of(positions.raColumn(), positions.decColumn());
    }
}
