package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.xmatch.BestNeighbourTables;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.PieceMatch;
import org.skysieve.xmatch.PositionColumns;

/**
 * Best-neighbour tables on Spark: the same table as {@link BestNeighbourTables} ({@code SURVEY.best_neighbour_OTHER}:
 * source id, ra, dec, {@code neighbour_id}, {@code angular_distance}, {@code number_of_neighbours},
 * {@code number_of_mates}, {@code xm_flag} with the same bits), for surveys too big for one machine. One task per
 * partition of the survey runs the best and the symmetric match on the same rows (the flag's {@code not_mutual} bit);
 * mates are counted over the whole sky ({@link SharedMates}). Published as a HATS catalogue in the survey's folder and
 * documented in its survey.json, or written elsewhere.
 */
public final class SparkNeighbours {
    private SparkNeighbours() {
    }

    /** What one build did. */
    public record Summary(String survey, String neighbourSurvey, String location, long rows, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s -> %s: %,d best neighbours in %s (%.1f s)", survey, neighbourSurvey, rows, location, seconds);
        }
    }

    /**
     * Builds the best neighbours of {@code survey} in {@code neighbourSurvey} within {@code radiusArcsec}.
     *
     * @param data   the data folder (path or URI): {@code DATA/SURVEY/survey.json} and {@code DATA/SURVEY/TABLE}
     * @param output where to write the HATS catalogue; empty: publish it as {@code DATA/SURVEY/best_neighbour_OTHER}
     *               (replacing one there) and document it in the survey's survey.json
     */
    public static Summary build(SparkSession spark, String data, String survey, String neighbourSurvey, double radiusArcsec,
            java.util.Optional<String> output) {
        requireNonNull(spark, "spark is null");
        long start = System.nanoTime();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        Path surveyFile = new Path(new Path(data, survey), "survey.json");
        Survey sourceModel = readSurvey(hadoop, data, survey);
        Survey neighbourModel = readSurvey(hadoop, data, neighbourSurvey);
        CatalogTable sourceTable = sourceModel.tables().get(0);
        CatalogTable neighbourTable = neighbourModel.tables().get(0);
        SparkCatalogue left = SparkCatalogue.open(hadoop, new Path(new Path(data, survey), sourceTable.name()).toString());
        SparkCatalogue right = SparkCatalogue.open(hadoop, new Path(new Path(data, neighbourSurvey), neighbourTable.name()).toString());
        PositionColumns leftPositions = SidePositions.atEpoch(left, java.util.Optional.of(neighbourModel.epochYear()));
        PositionColumns rightPositions = SidePositions.atEpoch(right, java.util.Optional.of(sourceModel.epochYear()));
        boolean propagated = leftPositions.targetEpochYear().isPresent() || rightPositions.targetEpochYear().isPresent();
        String tableName = BestNeighbourTables.TABLE_PREFIX + neighbourSurvey;
        CatalogTable table = BestNeighbourTables.table(tableName, sourceTable, neighbourTable, neighbourSurvey, radiusArcsec);

        SideColumns leftSide = SideColumns.of(left, HatsDataFrames.schema(spark, left),
                List.of(sourceTable.idColumn(), sourceTable.raColumn(), sourceTable.decColumn()), List.of(), SidePositions.of(leftPositions));
        SideColumns rightSide = SideColumns.of(right, HatsDataFrames.schema(spark, right), List.of(neighbourTable.idColumn()), List.of(),
                SidePositions.of(rightPositions));
        MatchSpec spec = new MatchSpec(MatchMode.BEST, radiusArcsec, 0.0, 1);
        // planned for symmetric: each task also reads the left margin the mutual test needs
        List<PiecePlan> plans = MatchPlanner.plan(left, right, MatchMode.SYMMETRIC, PieceMatch.marginRad(spec, leftPositions, rightPositions));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        PieceTask task = new PieceTask(hadoop, leftSide, rightSide, MatchMode.BEST, radiusArcsec);
        Broadcast<Map<Object, Integer>> shared = context.broadcast(SharedMates.count(context, plans, task, neighbourTable.idColumn()));
        int flagsAlways = propagated ? 8 : 0;
        JavaRDD<Row> rows = context.parallelize(plans, Math.max(1, plans.size()))
                .mapPartitions(iterator -> new NeighbourRows(iterator, task, shared.value(), flagsAlways));
        StructType schema = schema(table, leftSide, rightSide);

        boolean publish = output.isEmpty();
        Path target = publish ? new Path(new Path(data, survey), tableName) : new Path(output.get());
        Path written = publish ? new Path(target.getParent(), "." + tableName + ".new") : target;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("obs_collection", tableName);
        properties.put("skysieve_survey", survey);
        long count = HatsOutput.write(hadoop, spark.createDataFrame(rows, schema), plans.stream().map(PiecePlan::pixel).toList(), written.toString(),
                sourceTable.raColumn(), sourceTable.decColumn(), properties);
        shared.destroy();
        if (publish) {
            replace(hadoop, written, target);
            publishTable(hadoop, surveyFile, table);
        }
        return new Summary(survey, neighbourSurvey, target.toString(), count, (System.nanoTime() - start) / 1e9);
    }

    private static Survey readSurvey(HadoopFiles hadoop, String data, String survey) {
        Path file = new Path(new Path(data, survey), "survey.json");
        if (!hadoop.exists(file)) {
            throw new IllegalArgumentException("Expected a survey " + survey + " (its survey.json) in " + data + ". Actual: no " + file);
        }
        Survey model = SurveyJson.fromJson(hadoop.readText(file), Survey.class);
        if (model.tables().isEmpty()) {
            throw new IllegalArgumentException("Expected a published table in survey " + survey + ". Actual: none");
        }
        return model;
    }

    static StructType schema(CatalogTable table, SideColumns left, SideColumns right) {
        List<ColumnDoc> docs = table.columns();
        List<StructField> fields = new ArrayList<>();
        fields.add(new StructField(docs.get(0).name(), left.fields().get(0).dataType(), false, ColumnMetadata.of(docs.get(0))));
        fields.add(new StructField(docs.get(1).name(), DataTypes.DoubleType, true, ColumnMetadata.of(docs.get(1))));
        fields.add(new StructField(docs.get(2).name(), DataTypes.DoubleType, true, ColumnMetadata.of(docs.get(2))));
        fields.add(new StructField(docs.get(3).name(), right.fields().get(0).dataType(), false, ColumnMetadata.of(docs.get(3))));
        fields.add(new StructField(docs.get(4).name(), DataTypes.DoubleType, false, ColumnMetadata.of(docs.get(4))));
        for (int c = 5; c < 8; c++) {
            fields.add(new StructField(docs.get(c).name(), DataTypes.IntegerType, false, ColumnMetadata.of(docs.get(c))));
        }
        fields.add(new StructField("_healpix_29", DataTypes.LongType, false, org.apache.spark.sql.types.Metadata.empty()));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** Moves {@code built} to {@code target}, replacing what is there only once the new one is in place beside it. */
    private static void replace(HadoopFiles hadoop, Path built, Path target) {
        FileSystem fileSystem = hadoop.fileSystem(target);
        Path old = new Path(target.getParent(), "." + target.getName() + ".old");
        try {
            fileSystem.delete(old, true);
            if (fileSystem.exists(target) && !fileSystem.rename(target, old)) {
                throw new IOException("Could not move " + target + " aside");
            }
            if (!fileSystem.rename(built, target)) {
                throw new IOException("Could not move " + built + " to " + target);
            }
            fileSystem.delete(old, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not publish " + target + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces the table in survey.json (written aside, then moved over the old one). */
    private static void publishTable(HadoopFiles hadoop, Path surveyFile, CatalogTable table) {
        Survey model = SurveyJson.fromJson(hadoop.readText(surveyFile), Survey.class);
        List<CatalogTable> tables = new ArrayList<>(model.tables().stream().filter(t -> !t.name().equals(table.name())).toList());
        tables.add(table);
        Survey updated = new Survey(model.name(), model.title(), model.description(), model.reference(), model.epochYear(), model.bands(), tables);
        Path aside = new Path(surveyFile.getParent(), "." + surveyFile.getName() + ".new");
        hadoop.writeText(aside, SurveyJson.toJson(updated));
        replace(hadoop, aside, surveyFile);
    }

    /** The best-neighbour rows of the pieces of one task. */
    private static final class NeighbourRows extends MatchedPairRows {
        private final int flagsAlways;
        private int[] mutualRightOfLeft;

        NeighbourRows(Iterator<PiecePlan> plans, PieceTask task, Map<Object, Integer> shared, int flagsAlways) {
            super(plans, task, shared);
            this.flagsAlways = flagsAlways;
        }

        @Override
        void startPiece(PiecePlan piece, PieceTask.Matched match) {
            MatchResult mutual = task().rematch(match, task().leftMargin(piece), MatchMode.SYMMETRIC);
            mutualRightOfLeft = new int[match.left().rowCount()];
            Arrays.fill(mutualRightOfLeft, -1);
            for (int i = 0; i < mutual.size(); i++) {
                mutualRightOfLeft[mutual.leftRow(i)] = mutual.rightRow(i);
            }
        }

        @Override
        Row row(PiecePlan piece, PieceTask.Matched match, int pair) {
            MatchResult result = match.result();
            int leftRow = result.leftRow(pair);
            int rightRow = result.rightRow(pair);
            List<String> leftColumns = task().left().output();
            RowBlock.Values rightId = match.right().column(task().right().output().get(0));
            int mates = wholeSkyMates(piece, result, pair, match.right().column(task().right().healpixColumn()).longs[rightRow],
                    rightId.value(rightRow));
            int flag = flagsAlways | (mutualRightOfLeft[leftRow] == rightRow ? 0 : 1) | (result.candidates(pair) > 1 ? 2 : 0) | (mates > 0 ? 4 : 0);
            return RowFactory.create(match.left().value(leftColumns.get(0), leftRow), toDouble(match.left().value(leftColumns.get(1), leftRow)),
                    toDouble(match.left().value(leftColumns.get(2), leftRow)), rightId.value(rightRow), result.distanceArcsec(pair),
                    result.candidates(pair), mates, flag, match.left().column(task().left().healpixColumn()).longs[leftRow]);
        }

        private static Double toDouble(Object value) {
            return value == null ? null : ((Number) value).doubleValue();
        }
    }
}
