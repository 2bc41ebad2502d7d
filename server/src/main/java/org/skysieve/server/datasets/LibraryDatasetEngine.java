package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/** The dataset library over the served archive: the engine of {@code /datasets}. Thread-safe. */
public final class LibraryDatasetEngine implements DatasetEngine {
    private final Archive archive;

    public LibraryDatasetEngine(Archive archive) {
        this.archive = requireNonNull(archive, "archive is null");
    }

    @Override
    public DatasetSpec read(Path specFile) {
        throw new ServiceException(ErrorCategory.UNAVAILABLE, "Dataset specs cannot be read yet: the spec reader"
                + " (DatasetSpecs) is not merged into this build");
    }

    @Override
    public void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception {
        DatasetBuilder.build(spec, archive.layout().root(), outDirectory, progress, cancelled);
    }
}
