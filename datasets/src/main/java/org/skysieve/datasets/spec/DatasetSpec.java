package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A dataset spec as read ({@link DatasetSpecs}); checked against an archive by {@link DatasetSpecChecks}. The format
 * and every field are documented in docs/datasets.md, "The spec".
 *
 * @param name      the dataset's name (used in file metadata and the dataset card)
 * @param text      the spec exactly as given (recorded in the manifest)
 * @param objects   which objects the dataset holds
 * @param features  the survey columns brought to every object, in dataset column order
 * @param derived   columns computed from the others, in order
 * @param label     the label column, or empty for an unlabelled dataset
 * @param split     the spatial train/validation/test split
 * @param cutouts   the image cutouts, or empty for a features-only dataset
 * @param output    how rows are cut into shards
 */
public record DatasetSpec(String name, String text, ObjectsSpec objects, List<FeatureSpec> features, List<DerivedColumn> derived,
        Optional<LabelSpec> label, SplitSpec split, Optional<CutoutSpec> cutouts, OutputSpec output) {
    public DatasetSpec {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        requireNonNull(objects, "objects is null");
        features = List.copyOf(requireNonNull(features, "features is null"));
        derived = List.copyOf(requireNonNull(derived, "derived is null"));
        requireNonNull(label, "label is null");
        requireNonNull(split, "split is null");
        requireNonNull(cutouts, "cutouts is null");
        requireNonNull(output, "output is null");
    }
}
