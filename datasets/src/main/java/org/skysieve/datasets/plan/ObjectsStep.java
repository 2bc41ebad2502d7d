package org.skysieve.datasets.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.duckdb.HealpixSqlFunction;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.datasets.spec.LabelSpec;
import org.skysieve.datasets.spec.ObjectsSpec;
import org.skysieve.datasets.spec.SpecProblem;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableFiles;
import org.skysieve.xmatch.TableReader;

/**
 * Selects the objects into the table {@code objects}: {@code row_index} (0.., in object_id order), {@code object_id}
 * (the id as text), {@code object_key} (the own table's id column, or else the objects' id, as typed: the key of joins with the own
 * table, its neighbours and the truth), {@code ra},
 * {@code dec} (DOUBLE, deg), {@code healpix29} (NESTED, order 29), {@code order_key} ({@link SplitAssignment#rowKeySql})
 * the kept columns as {@code kept_0, kept_1, ...}, when the label is an objects' column {@code label_source}, and when the upload gives each object's epoch {@code epoch_year} (Julian year). Rejects duplicate or missing ids and missing or impossible
 * positions, listing how many and a few examples.
 */
final class ObjectsStep {
    static final Duration QUERY_TIMEOUT = Duration.ofHours(2);
    /** The column of {@code objects} holding each object's epoch (Julian year), when the upload gives one per object. */
    static final String EPOCH_COLUMN = "epoch_year";
    /** The most distinct per-object epochs: features are cross-matched once per epoch. */
    static final int MAX_EPOCHS = 100;

    private ObjectsStep() {
    }

    /** @return the number of objects */
    static long select(CheckedSpec checked, QueryEngine engine, PlanDatabase database, String sourceName) {
        Path workFolder = database.workFolder();
        String source;
        if (checked.spec().objects() instanceof ObjectsSpec.Adql adql) {
            Path file = workFolder.resolve("objects-query.parquet");
            List<String> names = checked.objectColumns().stream().map(ColumnDoc::name).toList();
            long rows = engine.copyToParquet(adql.adql(), QueryOptions.of(DatasetSpecChecks.MAX_OBJECTS, QUERY_TIMEOUT), file, names, Map.of());
            if (rows > DatasetSpecChecks.MAX_OBJECTS) {
                throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("objects.adql", "Expected at most "
                        + DatasetSpecChecks.MAX_OBJECTS + " objects. Actual: more")));
            }
            source = "read_parquet(" + PlanDatabase.literal(file) + ")";
        } else {
            ObjectsSpec.Upload upload = (ObjectsSpec.Upload) checked.spec().objects();
            String name = upload.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".parquet")) {
                source = "read_parquet(" + PlanDatabase.literal(upload.file()) + ")";
            } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                source = "read_csv(" + PlanDatabase.literal(upload.file()) + ", header = true)";
            } else {
                LoadedTable table = TableReader.read(upload.file());
                Path file = workFolder.resolve("objects-upload.parquet");
                TableFiles.write(table, file);
                source = "read_parquet(" + PlanDatabase.literal(file) + ")";
            }
        }
        Optional<PublishedTable> idsOf = checked.spec().objects() instanceof ObjectsSpec.Upload upload && upload.survey().isPresent()
                ? checked.ownTable() : Optional.empty();
        // a list of ids takes its positions (and its key) from the survey's table
        String u = idsOf.isPresent() ? "u." : "";
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < checked.keptColumns().size(); i++) {
            kept.append(", ").append(u).append(SqlText.identifier(checked.keptColumns().get(i).name())).append(" AS kept_").append(i);
        }
        Optional<String> labelColumn = objectLabelColumn(checked);
        if (labelColumn.isPresent()) {
            kept.append(", ").append(u).append(SqlText.identifier(labelColumn.get())).append(" AS label_source");
        }
        Optional<String> epochColumn = epochColumn(checked);
        if (epochColumn.isPresent()) {
            kept.append(", TRY_CAST(").append(SqlText.identifier(epochColumn.get())).append(" AS DOUBLE) AS ").append(EPOCH_COLUMN);
        }
        String id = u + SqlText.identifier(checked.objectId());
        if (idsOf.isPresent()) {
            PublishedTable table = idsOf.get();
            String tableId = "t." + SqlText.identifier(table.table().idColumn());
            database.execute("CREATE OR REPLACE TABLE objects_raw AS SELECT CAST(" + id + " AS VARCHAR) AS object_id, " + tableId + " AS object_key,"
                    + " CAST(t." + SqlText.identifier(table.table().raColumn()) + " AS DOUBLE) AS ra, CAST(t." + SqlText.identifier(table.table().decColumn())
                    + " AS DOUBLE) AS dec" + kept + " FROM " + source + " u LEFT JOIN read_parquet(" + HatsCatalog.open(table.catalogueFolder()).duckDbFileList()
                    + ") t ON CAST(" + tableId + " AS VARCHAR) = CAST(" + id + " AS VARCHAR)");
            long missing = database.count("SELECT count(*) FROM objects_raw WHERE object_key IS NULL AND object_id IS NOT NULL");
            if (missing > 0) {
                List<String> examples = database.rows("SELECT object_id FROM objects_raw WHERE object_key IS NULL AND object_id IS NOT NULL"
                        + " ORDER BY object_id LIMIT 3").stream().map(r -> "'" + r.get(0) + "'").toList();
                throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("objects.id", "Expected ids of " + table.qualifiedName()
                        + ". Actual: " + missing + " ids are not there, e.g. " + examples)));
            }
        } else {
            String ra = SqlText.identifier(checked.objectRa());
            String dec = SqlText.identifier(checked.objectDec());
            // the key joining the own table's rows, neighbours and truth: the own table's id column when the result has it
            String key = checked.ownTable().map(t -> t.table().idColumn()).flatMap(own -> checked.objectColumns().stream().map(ColumnDoc::name)
                    .filter(own::equalsIgnoreCase).findFirst()).map(SqlText::identifier).orElse(id);
            database.execute("CREATE OR REPLACE TABLE objects_raw AS SELECT CAST(" + id + " AS VARCHAR) AS object_id, " + key + " AS object_key, CAST("
                    + ra + " AS DOUBLE) AS ra, CAST(" + dec + " AS DOUBLE) AS dec" + kept + " FROM " + source);
        }
        reject(database, sourceName, "object_id IS NULL", "objects.id", "objects without an id");
        reject(database, sourceName, "ra IS NULL OR dec IS NULL OR isnan(ra) OR isnan(dec) OR ra < -360 OR ra > 720 OR dec < -90 OR dec > 90",
                "objects.ra", "objects without a valid position (ra, dec in degrees, dec in [-90, 90])");
        if (epochColumn.isPresent()) {
            String bad = EPOCH_COLUMN + " IS NULL OR isnan(" + EPOCH_COLUMN + ") OR " + EPOCH_COLUMN + " < " + ObjectsSpec.Epoch.MIN_YEAR
                    + " OR " + EPOCH_COLUMN + " > " + ObjectsSpec.Epoch.MAX_YEAR;
            long count = database.count("SELECT count(*) FROM objects_raw WHERE " + bad);
            if (count > 0) {
                List<String> examples = database.rows("SELECT object_id, " + EPOCH_COLUMN + " FROM objects_raw WHERE " + bad
                        + " ORDER BY object_id NULLS FIRST LIMIT 3").stream().map(r -> "id " + r.get(0) + ": " + r.get(1)).toList();
                throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("objects.epoch", "Expected every object's epoch"
                        + " (column " + epochColumn.get() + ") to be a Julian year in [" + (int) ObjectsSpec.Epoch.MIN_YEAR + ", "
                        + (int) ObjectsSpec.Epoch.MAX_YEAR + "]. Actual: " + count + " objects without one, e.g. " + examples)));
            }
            long epochs = database.count("SELECT count(DISTINCT " + EPOCH_COLUMN + ") FROM objects_raw");
            if (epochs > MAX_EPOCHS) {
                throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("objects.epoch", "Expected at most "
                        + MAX_EPOCHS + " distinct epochs in column " + epochColumn.get() + " (each is one cross-match pass; round"
                        + " them, e.g. to 0.1 year). Actual: " + epochs)));
            }
        }
        List<List<String>> duplicates = database.rows("SELECT object_id, count(*) FROM objects_raw GROUP BY object_id HAVING count(*) > 1"
                + " ORDER BY object_id LIMIT 5");
        if (!duplicates.isEmpty()) {
            long count = database.count("SELECT count(*) FROM (SELECT object_id FROM objects_raw GROUP BY object_id HAVING count(*) > 1)");
            throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("objects.id", "Expected unique object ids. Actual: " + count
                    + " ids appear more than once, e.g. " + duplicates.stream().map(r -> "'" + r.get(0) + "' (" + r.get(1) + " times)").toList())));
        }
        StringBuilder keptNames = new StringBuilder();
        for (int i = 0; i < checked.keptColumns().size(); i++) {
            keptNames.append(", kept_").append(i);
        }
        keptNames.append(labelColumn.isPresent() ? ", label_source" : "");
        keptNames.append(epochColumn.isPresent() ? ", " + EPOCH_COLUMN : "");
        database.execute("CREATE OR REPLACE TABLE objects AS SELECT CAST(row_number() OVER (ORDER BY object_id) - 1 AS BIGINT) AS row_index,"
                + " object_id, object_key, ra, dec, " + HealpixSqlFunction.NAME + "(CASE WHEN ra < 0 OR ra >= 360 THEN ra - 360 * floor(ra / 360)"
                + " ELSE ra END, dec) AS healpix29, " + SplitAssignment.rowKeySql(checked.spec().split().seed(), "object_id") + " AS order_key"
                + keptNames + " FROM objects_raw ORDER BY row_index");
        database.execute("DROP TABLE objects_raw");
        return database.count("SELECT count(*) FROM objects");
    }

    /** The upload's column of per-object epochs, when the spec names one. */
    static Optional<String> epochColumn(CheckedSpec checked) {
        return checked.spec().objects() instanceof ObjectsSpec.Upload upload
                && upload.epoch().orElse(null) instanceof ObjectsSpec.Epoch.FromColumn column
                ? Optional.of(column.column()) : Optional.empty();
    }

    /** The objects' column a label is taken from (it is not kept as a feature), when the label names one. */
    static Optional<String> objectLabelColumn(CheckedSpec checked) {
        return checked.spec().label().map(LabelSpec::source).filter(LabelSpec.FromColumn.class::isInstance)
                .map(source -> ((LabelSpec.FromColumn) source).column())
                .flatMap(name -> checked.objectColumns().stream().map(ColumnDoc::name).filter(name::equalsIgnoreCase).findFirst());
    }

    private static void reject(PlanDatabase database, String sourceName, String condition, String where, String what) {
        long count = database.count("SELECT count(*) FROM objects_raw WHERE " + condition);
        if (count > 0) {
            List<String> examples = database.rows("SELECT object_id, ra, dec FROM objects_raw WHERE " + condition + " ORDER BY object_id NULLS FIRST LIMIT 3")
                    .stream().map(r -> "id " + r.get(0) + " at (" + r.get(1) + ", " + r.get(2) + ")").toList();
            throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem(where, "Expected every object to have an id and a position."
                    + " Actual: " + count + " " + what + ", e.g. " + examples)));
        }
    }
}
