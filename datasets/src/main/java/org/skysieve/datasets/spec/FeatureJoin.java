package org.skysieve.datasets.spec;

/** How an object finds its row in a feature survey's table. */
public sealed interface FeatureJoin {
    /**
     * The default: the objects' own table row by row (joined on the id) when the feature table is the objects' own
     * table, else the best cross-match within {@value #DEFAULT_RADIUS_ARCSEC} arcsec.
     */
    record Automatic() implements FeatureJoin {
    }

    /** The nearest row within {@code radiusArcsec} of the object's position (proper motions propagated). */
    record CrossMatch(double radiusArcsec) implements FeatureJoin {
        public CrossMatch {
            if (!(radiusArcsec > 0)) {
                throw new IllegalArgumentException("Expected a positive radius (arcsec). Actual: " + radiusArcsec);
            }
        }
    }

    /**
     * The precomputed best neighbour: the objects' own survey's {@code best_neighbour_SURVEY} table (objects from ADQL
     * only).
     */
    record Neighbours() implements FeatureJoin {
    }

    double DEFAULT_RADIUS_ARCSEC = 1.0;
}
