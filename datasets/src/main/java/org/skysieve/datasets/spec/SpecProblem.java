package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

/**
 * One problem of a dataset spec.
 *
 * @param where    the place in the spec, as a path: {@code features[1].columns[2]}, {@code split.fractions}, {@code objects.adql}
 * @param message  what was expected and what was found
 */
public record SpecProblem(String where, String message) {
    public SpecProblem {
        requireNonNull(where, "where is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
