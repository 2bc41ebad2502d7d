package org.skysieve.datasets.plan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.datasets.spec.LabelSpec;
import org.skysieve.query.EngineResources;
import org.skysieve.query.QueryEngine;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.SideBySide;

/**
 * Plans a dataset: checks the spec against the archive (every problem at once, before any work), selects the objects,
 * gathers every feature group, computes derived columns and labels, balances the classes, splits by sky cell and writes
 * the rows, in their final order, as one Parquet file ({@link PlannedDataset}).
 *
 * <p>Deterministic: the same spec on the same data gives a byte-identical file (objects are numbered in id order, every
 * step is keyed by that number, the order and the samples come from seeded hashes ({@link SplitAssignment}) and the
 * file is written by one thread). Memory: DuckDB is bounded ({@value PlanDatabase#MEMORY_LIMIT} for the planner's
 * database and as much for the query engine that runs the objects' query and the expressions, both spilling to the
 * work folder); the Java side holds one feature group's columns for every object as primitive arrays (about 8 bytes per
 * value: 1M objects with 20 columns, some 160 MB). Stateless: plans may run at once in different work folders.
 */
public final class DatasetPlanner {
    /** DuckDB threads of the planner's own database (fixed: results must not depend on the machine). */
    static final int THREADS = 2;
    static final long ENGINE_MEMORY_BYTES = 1L << 30;
    static final long MAX_SPILL_BYTES = 100L << 30;

    private DatasetPlanner() {
    }

    /**
     * @param spec           the spec as read ({@link org.skysieve.datasets.spec.DatasetSpecs})
     * @param dataDirectory  the archive's data folder
     * @param workFolder     a folder of the build's own (created if missing); the rows file and scratch files go there
     * @param progress       told each stage: {@code check}, {@code objects}, {@code features} (groups done of all),
     *                       {@code labels}, {@code rows}
     * @throws org.skysieve.datasets.spec.InvalidDatasetSpecException listing every problem of the spec, before any work,
     *                       or a problem of the objects found when selecting them (duplicate ids, missing positions)
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (checked between steps;
     *                       the objects' query stops within about 50 ms)
     */
    public static PlannedDataset plan(DatasetSpec spec, Path dataDirectory, Path workFolder, BuildProgress progress) {
        return plan(spec, dataDirectory, workFolder, progress, FeatureMatcher.ONE_MACHINE);
    }

    /**
     * Plans as {@link #plan(DatasetSpec, Path, Path, BuildProgress)}, the feature cross-matches run by {@code matcher}
     * (e.g. on Spark): the same rows, byte for byte.
     */
    public static PlannedDataset plan(DatasetSpec spec, Path dataDirectory, Path workFolder, BuildProgress progress,
            FeatureMatcher matcher) {
        requireNonNull(matcher, "matcher is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(workFolder, "workFolder is null");
        requireNonNull(progress, "progress is null");
        Path work = workFolder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work folder " + work, e);
        }
        Archive archive = Archive.open(dataDirectory);
        // the objects' query and the expressions run in an engine of the plan's own, bounded like the planner's database
        EngineResources resources = new EngineResources(THREADS, ENGINE_MEMORY_BYTES, Optional.of(work.resolve("engine-spill")), MAX_SPILL_BYTES);
        try (QueryEngine engine = QueryEngine.open(archive, List.of(), List.of(work), resources);
                PlanDatabase database = new PlanDatabase(work, THREADS)) {
            progress.stage("check", 0, 1);
            CheckedSpec checked = DatasetSpecChecks.check(spec, archive, engine, spec.name());
            progress.stage("objects", 0, -1);
            long objectCount = ObjectsStep.select(checked, engine, database, spec.name());
            progress.stage("objects", objectCount, objectCount);
            gatherFeatures(checked, archive, database, progress, matcher);
            stopIfInterrupted();
            assemble(checked, engine, database);
            stopIfInterrupted();
            progress.stage("labels", 0, 1);
            Optional<String> labelSql = label(checked, archive, engine, database);
            progress.stage("labels", 1, 1);
            stopIfInterrupted();
            progress.stage("rows", 0, objectCount);
            PlannedDataset planned = RowsStep.write(checked, database, labelSql, surveyVersions(checked, archive));
            progress.stage("rows", planned.rowCount(), planned.rowCount());
            return planned;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the query engine: " + e.getMessage(), e);
        }
    }

    private static void gatherFeatures(CheckedSpec checked, Archive archive, PlanDatabase database, BuildProgress progress,
            FeatureMatcher matcher) {
        if (checked.features().isEmpty()) {
            return;
        }
        LoadedTable objects = database.load("objects", "SELECT row_index AS " + SideBySide.ROW_COLUMN + ", ra, dec FROM objects ORDER BY row_index");
        StatusMaps maps = new StatusMaps(archive);
        for (int k = 0; k < checked.features().size(); k++) {
            stopIfInterrupted();
            progress.stage("features", k, checked.features().size());
            FeatureStep.gather(k, checked.features().get(k), checked, archive, maps, objects, database, matcher);
        }
        progress.stage("features", checked.features().size(), checked.features().size());
    }

    /** The table {@code assembled}: objects, every feature group, the derived columns and the split cell. */
    private static void assemble(CheckedSpec checked, QueryEngine engine, PlanDatabase database) {
        int shift = 2 * (29 - checked.spec().split().order());
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE assembled AS SELECT o.*, o.healpix29 >> " + shift + " AS split_cell");
        StringBuilder joins = new StringBuilder();
        for (int k = 0; k < checked.features().size(); k++) {
            sql.append(", f").append(k).append(".* EXCLUDE (row_index)");
            joins.append(" LEFT JOIN features_").append(k).append(" f").append(k).append(" USING (row_index)");
        }
        database.execute(sql + " FROM objects o" + joins + " ORDER BY row_index");
        if (!checked.derived().isEmpty()) {
            List<String> expressions = checked.spec().derived().stream().map(d -> d.expression()).toList();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < expressions.size(); i++) {
                names.add("d_" + i);
            }
            ExpressionStep.evaluate(engine, database, DatasetColumns.base(checked).values(), expressions, names, "derived");
            database.execute("CREATE OR REPLACE TABLE assembled AS SELECT a.*, d.* EXCLUDE (row_index) FROM assembled a LEFT JOIN derived d"
                    + " USING (row_index) ORDER BY row_index");
        }
    }

    /** Makes the label available to the rows step; returns the SQL of its value over {@code assembled} joined with {@code labels}. */
    private static Optional<String> label(CheckedSpec checked, Archive archive, QueryEngine engine, PlanDatabase database) {
        if (checked.spec().label().isEmpty()) {
            return Optional.empty();
        }
        LabelSpec.Source source = checked.spec().label().get().source();
        if (source instanceof LabelSpec.FromTruth truth) {
            TruthLabels.label(checked, truth, archive, database);
            return Optional.of("labels.label");
        }
        if (source instanceof LabelSpec.FromExpression expression) {
            Map<String, DatasetColumns.PlannedColumn> columns = new LinkedHashMap<>(DatasetColumns.base(checked));
            columns.putAll(DatasetColumns.derived(checked));
            ExpressionStep.evaluate(engine, database, columns.values(), List.of(expression.expression()), List.of("label"), "labels");
            return Optional.of("labels.label");
        }
        String column = ((LabelSpec.FromColumn) source).column().toLowerCase(java.util.Locale.ROOT);
        if (ObjectsStep.objectLabelColumn(checked).isPresent()) {
            return Optional.of("label_source");
        }
        Map<String, DatasetColumns.PlannedColumn> columns = new LinkedHashMap<>(DatasetColumns.base(checked));
        columns.putAll(DatasetColumns.derived(checked));
        return Optional.of(columns.get(column).sql());
    }

    /** A build that is cancelled interrupts its thread: the plan stops between steps (the query engine's own work stops at once). */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("Dataset planning interrupted");
        }
    }

    /** Each survey read, to the creation date of each of its tables read ({@code table@date}, comma-separated). */
    private static Map<String, String> surveyVersions(CheckedSpec checked, Archive archive) {
        Map<String, List<PublishedTable>> read = new TreeMap<>();
        checked.ownTable().ifPresent(t -> read.computeIfAbsent(t.surveyName(), s -> new ArrayList<>()).add(t));
        for (CheckedSpec.ResolvedFeature feature : checked.features()) {
            read.computeIfAbsent(feature.table().surveyName(), s -> new ArrayList<>()).add(feature.table());
            feature.neighbours().ifPresent(t -> read.computeIfAbsent(t.surveyName(), s -> new ArrayList<>()).add(t));
        }
        checked.spec().cutouts().ifPresent(c -> archive.survey(c.survey()).ifPresent(s -> read.computeIfAbsent(c.survey(), n -> new ArrayList<>())));
        Map<String, String> versions = new TreeMap<>();
        read.forEach((survey, tables) -> versions.put(survey, tables.isEmpty() ? "images" : String.join(",", tables.stream().distinct()
                .map(t -> t.table().name() + "@" + creationDate(t.catalogueFolder())).sorted().toList())));
        return versions;
    }

    private static String creationDate(Path catalogueFolder) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(catalogueFolder.resolve("hats.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("hats_creation_date", "unknown");
    }
}
