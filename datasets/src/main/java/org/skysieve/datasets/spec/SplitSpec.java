package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The train/validation/test split by sky cell: every HEALPix NESTED cell of {@code order} goes whole to one split, so
 * that neighbours on the sky never fall on both sides. The split of a cell is drawn from a seeded hash of the cell
 * (see {@code plan.SplitAssignment}), so it does not depend on which objects are in the dataset.
 *
 * @param order      the HEALPix order of the cells (0 to 29)
 * @param fractions  split name ({@link #NAMES}) to the fraction of cells it gets; the three sum to 1
 * @param seed       the seed of the hash
 */
public record SplitSpec(int order, Map<String, Double> fractions, long seed) {
    /** The splits, in dataset order. */
    public static final List<String> NAMES = List.of("train", "validation", "test");

    public SplitSpec {
        fractions = Map.copyOf(requireNonNull(fractions, "fractions is null"));
    }

    /** The fraction of {@code split}, 0 when not given. */
    public double fraction(String split) {
        return fractions.getOrDefault(split, 0.0);
    }
}
