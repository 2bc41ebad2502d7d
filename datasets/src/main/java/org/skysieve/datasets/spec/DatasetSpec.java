package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A dataset spec as read and checked. (Skeleton: the planning step's engineer completes the objects, features,
 * derived columns, label and split parts; {@code name}, {@code text}, {@code cutouts} and {@code output} are the
 * contract the writing step and the server rely on.)
 *
 * @param name     the dataset's name (used in file metadata and the dataset card)
 * @param text     the spec exactly as given (recorded in the manifest)
 * @param cutouts  the image cutouts, or empty for a features-only dataset
 * @param output   how rows are cut into shards
 */
public record DatasetSpec(String name, String text, Optional<CutoutSpec> cutouts, OutputSpec output) {
    public DatasetSpec {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        requireNonNull(cutouts, "cutouts is null");
        requireNonNull(output, "output is null");
    }
}
