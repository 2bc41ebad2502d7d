package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.ObjectCount;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.datasets.spec.ObjectsSpec;
import org.skysieve.datasets.spec.SpecProblem;
import org.skysieve.query.QueryEngine;

/**
 * The dataset library over the served archive, the engine of {@code /datasets}: {@link DatasetSpecs} reads the spec
 * and {@link DatasetSpecChecks} checks it against the archive (its ADQL through a query engine opened for the check,
 * which may read the spec's folder for uploads); {@link DatasetBuilder} plans and builds. An uploaded objects file must
 * be one sent with the spec (in the spec's folder). Messages name the spec {@value #SOURCE}, never a server path.
 * Thread-safe.
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
        try {
            DatasetSpec spec = DatasetSpecs.parse(text, SOURCE, folder);
            confineUpload(spec, folder);
            try (QueryEngine engine = QueryEngine.open(archive, List.of(), List.of(folder))) {
                DatasetSpecChecks.check(spec, archive, engine, SOURCE);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close the query engine of a spec check: " + e.getMessage(), e);
            }
            return spec;
        } catch (InvalidDatasetSpecException e) {
            throw withoutServerPaths(e, folder);
        }
    }

    /**
     * A spec sent over HTTP may read only the files sent with it: an upload path that leaves the request's folder
     * (absolute, {@code ..}, a symbolic link) would let a client read any file of the server into a dataset.
     */
    private static void confineUpload(DatasetSpec spec, Path folder) {
        if (spec.objects() instanceof ObjectsSpec.Upload upload) {
            Path file = upload.file().toAbsolutePath().normalize();
            boolean inside = file.startsWith(folder) && !Files.isSymbolicLink(file);
            if (!inside || !file.getParent().equals(folder)) {
                throw new InvalidDatasetSpecException(SOURCE, List.of(new SpecProblem("objects.upload",
                        "Expected the name of a file sent with the spec (a file part of the multipart request). Actual:"
                                + " '" + file.getFileName() + "' in another folder")));
            }
        }
    }

    /** The exception with the request folder's path taken out of its messages (clients see names, not paths). */
    private static InvalidDatasetSpecException withoutServerPaths(InvalidDatasetSpecException e, Path folder) {
        String prefix = folder + java.io.File.separator;
        List<SpecProblem> problems = e.problems().stream().map(problem -> new SpecProblem(problem.where(),
                problem.message().replace(prefix, "").replace(folder.toString(), "."))).toList();
        return new InvalidDatasetSpecException(e.source(), problems);
    }

    @Override
    public ObjectCount countObjects(DatasetSpec spec, Path specFile, long limit, Duration timeLimit) {
        try (QueryEngine engine = QueryEngine.open(archive, List.of(), List.of(specFile.toAbsolutePath().getParent()))) {
            return ObjectCount.of(spec, engine, limit, timeLimit);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the query engine of an object count: " + e.getMessage(), e);
        }
    }

    @Override
    public void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception {
        DatasetBuilder.build(spec, archive.layout().root(), outDirectory, progress, cancelled);
    }
}
