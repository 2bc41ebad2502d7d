package org.skysieve.datasets.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.ObjectsSpec;
import org.skysieve.datasets.spec.FeatureJoin;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.SideBySide;
import org.skysieve.xmatch.SurveyStatusFill;

/**
 * Gathers one feature group for every object into the table {@code features_K} ({@code row_index}, then the group's
 * output columns as {@code f_K_0, f_K_1, ...}): the objects' own table row by row (joined on the id), a precomputed
 * best neighbour (joined through the own survey's {@code best_neighbour_SURVEY} table), or the best cross-match within
 * the radius ({@link FeatureMatch}: {@link PartitionedMatcher}, one survey partition and its margins in memory at a time, here
 * or per partition elsewhere ({@link FeatureMatcher})). Statuses come from
 * {@link SurveyStatusFill}, as {@code skysieve xmatch --status} gives them: the counterpart's own, else the survey's
 * maps at the object's position. Memory: the group's columns for every object, as primitive arrays.
 */
final class FeatureStep {
    private FeatureStep() {
    }

    /**
     * @param objects the objects in row_index order: {@link SideBySide#ROW_COLUMN} (= row_index), {@code ra}, {@code dec}
     */
    static void gather(int k, CheckedSpec.ResolvedFeature feature, CheckedSpec checked, Archive archive, StatusMaps maps, LoadedTable objects,
            PlanDatabase database, FeatureMatcher matcher) {
        String prefix = feature.prefix();
        List<String> chosen = feature.columns().stream().map(ColumnDoc::name).toList();
        Optional<SurveyStatusFill> fill = feature.spec().statuses()
                ? Optional.of(SurveyStatusFill.of(archive, maps, feature.table().surveyName() + "/" + feature.table().table().name()))
                : Optional.empty();
        List<String> gatheredNames = fill.map(f -> f.gatheredColumns(chosen)).orElse(chosen);
        LoadedTable gathered;
        if (feature.join() instanceof FeatureJoin.CrossMatch match) {
            gathered = crossMatch(feature, checked, archive, gatheredNames, match.radiusArcsec(), objects, database,
                    matcher);
        } else {
            gathered = database.load(feature.table().qualifiedName(), joinSql(feature, checked, gatheredNames));
        }
        double[] raDeg = LoadedTable.doubles(objects.require("ra", "ra"));
        double[] decDeg = LoadedTable.doubles(objects.require("dec", "dec"));
        Map<String, Column> byName = new HashMap<>();
        gathered.columns().forEach(column -> byName.put(column.name().toLowerCase(Locale.ROOT), column));
        fill.ifPresent(f -> f.columns(prefix, raDeg, decDeg, gathered).forEach(column -> byName.put(column.name().toLowerCase(Locale.ROOT), column)));
        List<Column> output = new ArrayList<>();
        output.add(objects.require(SideBySide.ROW_COLUMN, "row index").renamed("row_index"));
        for (int j = 0; j < feature.output().size(); j++) {
            String name = feature.output().get(j).name();
            Column column = byName.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new IllegalStateException("The feature step made no column " + name + " (made: " + byName.keySet() + ")");
            }
            output.add(column.renamed("f_" + k + "_" + j));
        }
        database.store("features_" + k, new LoadedTable(feature.table().qualifiedName(), output));
    }

    /** Own rows or precomputed neighbours: SQL over the HATS files, one row per object in row_index order. */
    private static String joinSql(CheckedSpec.ResolvedFeature feature, CheckedSpec checked, List<String> gatheredNames) {
        String prefix = feature.prefix();
        PublishedTable table = feature.table();
        String files = HatsCatalog.open(table.catalogueFolder()).duckDbFileList();
        StringBuilder select = new StringBuilder("SELECT o.row_index");
        for (String name : gatheredNames) {
            select.append(", t.").append(SqlText.identifier(name)).append(" AS ").append(SqlText.identifier(prefix + name));
        }
        String tableId = SqlText.identifier(table.table().idColumn());
        if (feature.join() instanceof FeatureJoin.Neighbours) {
            PublishedTable neighbours = feature.neighbours().orElseThrow();
            String neighbourFiles = HatsCatalog.open(neighbours.catalogueFolder()).duckDbFileList();
            String ownId = SqlText.identifier(neighbours.table().idColumn());
            return select + ", CAST(n.angular_distance AS DOUBLE) AS " + SqlText.identifier(prefix + "separation_arcsec")
                    + " FROM objects o LEFT JOIN read_parquet(" + neighbourFiles + ") n ON n." + ownId + " = o.object_key"
                    + " LEFT JOIN read_parquet(" + files + ") t ON t." + tableId + " = n.neighbour_id ORDER BY o.row_index";
        }
        return select + ", CASE WHEN t." + tableId + " IS NULL THEN NULL ELSE CAST(0 AS DOUBLE) END AS "
                + SqlText.identifier(prefix + "separation_arcsec") + " FROM objects o LEFT JOIN read_parquet(" + files + ") t ON t." + tableId
                + " = o.object_key ORDER BY o.row_index";
    }

    /**
     * The best counterpart of each object within the radius. A survey with proper motions ({@code pmra}, {@code pmdec})
     * has its stars moved to the objects' epoch: the own survey's, the upload's {@code epoch} year, or each object's
     * from the upload's epoch column (one match per distinct epoch, each over the objects of that epoch).
     */
    private static LoadedTable crossMatch(CheckedSpec.ResolvedFeature feature, CheckedSpec checked, Archive archive,
            List<String> gatheredNames, double radiusArcsec, LoadedTable objects, PlanDatabase database,
            FeatureMatcher matcher) {
        PublishedTable table = feature.table();
        List<String> names = table.table().columns().stream().map(ColumnDoc::name).toList();
        boolean properMotions = names.contains("pmra") && names.contains("pmdec");
        double surveyEpoch = archive.survey(table.surveyName()).orElseThrow().survey().epochYear();
        Optional<ObjectsSpec.Epoch> uploadEpoch = checked.spec().objects() instanceof ObjectsSpec.Upload upload
                ? upload.epoch() : Optional.empty();
        if (properMotions && uploadEpoch.orElse(null) instanceof ObjectsSpec.Epoch.FromColumn) {
            List<Column> whole = null;
            for (List<String> epoch : database.rows("SELECT DISTINCT " + ObjectsStep.EPOCH_COLUMN
                    + " FROM objects ORDER BY 1")) {
                double year = Double.parseDouble(epoch.get(0));
                String ofThisEpoch = " FROM objects WHERE " + ObjectsStep.EPOCH_COLUMN + " = CAST('" + epoch.get(0)
                        + "' AS DOUBLE)";
                // the matcher wants rows numbered 0..n-1; row_index says where each one's values go among all objects
                LoadedTable ofEpoch = database.load("objects", "SELECT CAST(row_number() OVER (ORDER BY row_index) - 1"
                        + " AS BIGINT) AS " + SideBySide.ROW_COLUMN + ", ra, dec, row_index" + ofThisEpoch
                        + " ORDER BY row_index");
                long[] places = ((Column.LongColumn) ofEpoch.require("row_index", "row_index")).values();
                List<Column> matched = matcher.bestMatches(featureMatch(table, gatheredNames, radiusArcsec, true,
                        surveyEpoch, year), ofEpoch);
                whole = whole == null ? emptyLike(matched, objects.rowCount()) : whole;
                placeRows(matched, places, whole);
            }
            return new LoadedTable(table.qualifiedName(), whole == null
                    ? matcher.bestMatches(featureMatch(table, gatheredNames, radiusArcsec, false, 0, 0), objects)
                    : whole);
        }
        double objectsEpoch = 0;
        boolean moved = false;
        if (properMotions && checked.ownTable().isPresent()) {
            // move the survey's stars to the epoch of the objects' positions
            objectsEpoch = archive.survey(checked.ownTable().get().surveyName()).orElseThrow().survey().epochYear();
            moved = true;
        } else if (properMotions && uploadEpoch.orElse(null) instanceof ObjectsSpec.Epoch.Year year) {
            objectsEpoch = year.julianYear();
            moved = true;
        }
        return new LoadedTable(table.qualifiedName(), matcher.bestMatches(featureMatch(table, gatheredNames,
                radiusArcsec, moved, surveyEpoch, objectsEpoch), objects));
    }

    private static FeatureMatch featureMatch(PublishedTable table, List<String> gatheredNames, double radiusArcsec,
            boolean properMotions, double surveyEpochYear, double objectsEpochYear) {
        return new FeatureMatch(table.surveyName(), table.qualifiedName(), table.catalogueFolder().toString(),
                table.table().raColumn(), table.table().decColumn(), properMotions ? "pmra" : "",
                properMotions ? "pmdec" : "", properMotions ? surveyEpochYear : 0, properMotions ? objectsEpochYear : 0,
                gatheredNames, radiusArcsec);
    }

    /** Columns like {@code model}, {@code rows} long, every value null. */
    private static List<Column> emptyLike(List<Column> model, int rows) {
        List<Column> empty = new ArrayList<>();
        for (Column column : model) {
            boolean[] nulls = new boolean[rows];
            Arrays.fill(nulls, true);
            if (column instanceof Column.DoubleColumn doubles) {
                double[] values = new double[rows];
                Arrays.fill(values, Double.NaN);
                empty.add(new Column.DoubleColumn(doubles.name(), values, nulls));
            } else if (column instanceof Column.LongColumn longs) {
                empty.add(new Column.LongColumn(longs.name(), new long[rows], nulls));
            } else {
                empty.add(new Column.TextColumn(column.name(), new String[rows]));
            }
        }
        return empty;
    }

    /** Copies row i of each of {@code part} into row {@code places[i]} of the same column of {@code whole}. */
    private static void placeRows(List<Column> part, long[] places, List<Column> whole) {
        for (int c = 0; c < part.size(); c++) {
            Column from = part.get(c);
            Column to = whole.get(c);
            for (int i = 0; i < places.length; i++) {
                int row = (int) places[i];
                if (from instanceof Column.DoubleColumn doubles) {
                    Column.DoubleColumn target = (Column.DoubleColumn) to;
                    target.values()[row] = doubles.values()[i];
                    target.nulls()[row] = doubles.isNull(i);
                } else if (from instanceof Column.LongColumn longs) {
                    Column.LongColumn target = (Column.LongColumn) to;
                    target.values()[row] = longs.values()[i];
                    target.nulls()[row] = longs.nulls()[i];
                } else {
                    ((Column.TextColumn) to).values()[row] = ((Column.TextColumn) from).values()[i];
                }
            }
        }
    }
}
