package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.query.QueryEngine;

/**
 * The dataset library over the served archive, the engine of {@code /datasets}: {@link DatasetSpecs} reads the spec
 * and {@link DatasetSpecChecks} checks it against the archive (its ADQL through a query engine opened for the check,
 * which may read the spec's folder for uploads); {@link DatasetBuilder} plans and builds. Messages name the spec
 * {@value #SOURCE}, never a server path. Thread-safe.
 */
public final class LibraryDatasetEngine implements DatasetEngine {
    static final String SOURCE = "request";
    private final Archive archive;

    public LibraryDatasetEngine(Archive archive) {
        this.archive = requireNonNull(archive, "archive is null");
    }

    @Override
    public DatasetSpec read(Path specFile) {
        Path folder = specFile.toAbsolutePath().getParent();
        String text;
        try {
            text = Files.readString(specFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the saved spec " + specFile, e);
        }
        DatasetSpec spec = DatasetSpecs.parse(text, SOURCE, folder);
        try (QueryEngine engine = QueryEngine.open(archive, List.of(), List.of(folder))) {
            DatasetSpecChecks.check(spec, archive, engine, SOURCE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the query engine of a spec check: " + e.getMessage(), e);
        }
        return spec;
    }

    @Override
    public void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception {
        DatasetBuilder.build(spec, archive.layout().root(), outDirectory, progress, cancelled);
    }
}
