package org.skysieve.datasets.plan;

import java.util.List;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;

/**
 * Where the planner's feature cross-matches run: on this machine ({@link #ONE_MACHINE}) or spread over a cluster
 * (the {@code spark} module's, one task per survey partition). Every way gives the same columns, value for value.
 */
@FunctionalInterface
public interface FeatureMatcher {
    /** {@link FeatureMatch#onOneMachine} on all the objects at once. */
    FeatureMatcher ONE_MACHINE = FeatureMatch::onOneMachine;

    /**
     * @param objects  {@link org.skysieve.xmatch.SideBySide#ROW_COLUMN} (0 to n-1), {@code ra}, {@code dec}
     * @return the columns of {@link FeatureMatch#onOneMachine} for all of {@code objects}
     */
    List<Column> bestMatches(FeatureMatch match, LoadedTable objects);
}
