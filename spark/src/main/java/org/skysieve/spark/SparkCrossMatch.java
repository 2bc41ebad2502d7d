package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.PieceMatch;
import org.skysieve.xmatch.PositionColumns;

/**
 * The cross-match of two HATS catalogues on Spark, written as a HATS catalogue.
 *
 * <p>One task per left partition reads that partition and the right rows within the margin around it (straight from
 * the right partition files that overlap it: no shuffle of rows), and runs the single-machine kernel
 * ({@link PieceMatch}, as {@link org.skysieve.xmatch.PartitionedMatcher} does piece by piece). The output has the same
 * columns as {@code skysieve xmatch}: the left columns, the right columns (a name on both sides gets {@code _1} and
 * {@code _2}), {@code separation_arcsec}, {@code candidates}, {@code rank} and {@code mates} (counted over the whole
 * sky: {@link SharedMates}), then the left row's {@code _healpix_29}, partitioned as the left catalogue. When the right
 * catalogue has a margin cache whose threshold covers the margin ({@link MarginOption}, {@link MarginCaches}), each
 * task reads the right partitions over its cell and their margin files instead of the neighbouring partitions
 * ({@link MarginPlanner}); the pairs are the same. A catalogue
 * with proper motions ({@code pmra}, {@code pmdec} and an epoch in its survey.json) is moved to the other's epoch.
 */
public final class SparkCrossMatch {
    private SparkCrossMatch() {
    }

    /**
     * @param left          the left catalogue folder (path or URI)
     * @param right         the right catalogue folder
     * @param leftColumns   columns to carry from the left (empty: id, ra, dec)
     * @param rightColumns  columns to carry from the right (empty: id, ra, dec)
     * @param output        the HATS catalogue folder to write (must not exist)
     * @param rightMargin   which margin cache of the right catalogue to read, if one covers the margin ({@link MarginOption})
     */
    public record Request(String left, String right, MatchMode mode, double radiusArcsec, List<String> leftColumns, List<String> rightColumns,
            String output, MarginOption rightMargin) {
        /** A request that uses a margin cache found beside the right catalogue, if any. */
        public Request(String left, String right, MatchMode mode, double radiusArcsec, List<String> leftColumns, List<String> rightColumns,
                String output) {
            this(left, right, mode, radiusArcsec, leftColumns, rightColumns, output, MarginOption.beside());
        }

        public Request {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(mode, "mode is null");
            new MatchSpec(mode, radiusArcsec, 0.0, 1);
            leftColumns = List.copyOf(leftColumns);
            rightColumns = List.copyOf(rightColumns);
            requireNonNull(output, "output is null");
            requireNonNull(rightMargin, "rightMargin is null");
        }
    }

    /** What a run did; {@code rightReads} says how the pieces read the right catalogue (margin cache or not, and why). */
    public record Summary(long pairs, int pieces, double seconds, String rightReads) {
        public Summary {
            requireNonNull(rightReads, "rightReads is null");
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d pairs from %d partitions in %.1f s; %s", pairs, pieces, seconds, rightReads);
        }
    }

    public static Summary run(SparkSession spark, Request request) {
        long start = System.nanoTime();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        if (UploadedTable.isTableFile(request.left())) {
            // a user's table: made a HATS catalogue beside the output first (the one shuffle: the upload's rows)
            org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(request.output());
            org.apache.hadoop.fs.Path upload = new org.apache.hadoop.fs.Path(out.getParent(), "." + out.getName() + ".upload");
            try {
                hadoop.fileSystem(upload).delete(upload, true);
                UploadedTable.toHats(spark, request.left(), upload.toString());
                Summary summary = run(spark, new Request(upload.toString(), request.right(), request.mode(), request.radiusArcsec(),
                        request.leftColumns(), request.rightColumns(), request.output(), request.rightMargin()));
                return new Summary(summary.pairs(), summary.pieces(), (System.nanoTime() - start) / 1e9, summary.rightReads());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not stage " + request.left() + ": " + e.getMessage(), e);
            } finally {
                try {
                    hadoop.fileSystem(upload).delete(upload, true);
                } catch (java.io.IOException e) {
                    // the staging folder is hidden beside the output; a failed clean-up leaves it for the user
                }
            }
        }
        SparkCatalogue left = SparkCatalogue.open(hadoop, request.left());
        SparkCatalogue right = SparkCatalogue.open(hadoop, request.right());
        PositionColumns leftPositions = SidePositions.atEpoch(left, right.epochYear());
        PositionColumns rightPositions = SidePositions.atEpoch(right, left.epochYear());
        StructType leftSchema = HatsDataFrames.schema(spark, left);
        StructType rightSchema = HatsDataFrames.schema(spark, right);
        // a documented catalogue gives id, ra, dec by default; an uploaded table all its columns, as `skysieve xmatch` does
        List<String> leftOutput = !request.leftColumns().isEmpty() ? request.leftColumns()
                : left.table().isPresent() ? List.of(left.idColumn(), left.raColumn(), left.decColumn())
                : java.util.Arrays.stream(leftSchema.fieldNames()).filter(name -> !name.equalsIgnoreCase(left.healpixColumn())).toList();
        List<String> rightOutput = request.rightColumns().isEmpty() ? List.of(right.idColumn(), right.raColumn(), right.decColumn())
                : request.rightColumns();
        String rightKey = right.idColumn();
        SideColumns leftSide = SideColumns.of(left, leftSchema, leftOutput, List.of(), SidePositions.of(leftPositions));
        SideColumns rightSide = SideColumns.of(right, rightSchema, rightOutput, List.of(rightKey), SidePositions.of(rightPositions));
        MatchSpec spec = new MatchSpec(request.mode(), request.radiusArcsec(), 0.0, 1);
        double marginRad = PieceMatch.marginRad(spec, leftPositions, rightPositions);
        MarginPlanner.Planned planned = MarginPlanner.plan(MatchPlanner.plan(left, right, request.mode(), marginRad), hadoop, right,
                request.rightMargin(), marginRad);
        List<PiecePlan> plans = planned.plans();

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        PieceTask keysOnly = new PieceTask(hadoop, SideColumns.of(left, leftSchema, List.of(), List.of(), SidePositions.of(leftPositions)),
                SideColumns.of(right, rightSchema, List.of(), List.of(rightKey), SidePositions.of(rightPositions)), request.mode(), request.radiusArcsec());
        Broadcast<Map<Object, Integer>> shared = context.broadcast(SharedMates.count(context, plans, keysOnly, rightKey));
        PieceTask task = new PieceTask(hadoop, leftSide, rightSide, request.mode(), request.radiusArcsec());
        JavaRDD<Row> rows = context.parallelize(plans, Math.max(1, plans.size()))
                .mapPartitions(iterator -> new PairRows(iterator, task, rightKey, shared.value()));
        StructType schema = outputSchema(leftSide, rightSide);
        String raColumn = outputName(left.raColumn(), leftSide.output(), rightSide.output(), "_1");
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("skysieve_xmatch_left", left.name());
        provenance.put("skysieve_xmatch_right", right.name());
        provenance.put("skysieve_xmatch_mode", request.mode().word());
        provenance.put("skysieve_xmatch_radius_arcsec", Double.toString(request.radiusArcsec()));
        boolean positionsKept = leftSide.output().stream().anyMatch(left.raColumn()::equalsIgnoreCase)
                && leftSide.output().stream().anyMatch(left.decColumn()::equalsIgnoreCase);
        long pairs = HatsOutput.write(hadoop, spark.createDataFrame(rows, schema), plans.stream().map(PiecePlan::pixel).toList(), request.output(),
                positionsKept ? raColumn : "", positionsKept ? outputName(left.decColumn(), leftSide.output(), rightSide.output(), "_1") : "", provenance);
        shared.destroy();
        return new Summary(pairs, plans.size(), (System.nanoTime() - start) / 1e9, planned.describe());
    }

    /** The output columns: left, right (renamed on a clash), the match columns and the left row's index. */
    static StructType outputSchema(SideColumns left, SideColumns right) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : left.fields()) {
            fields.add(renamed(field, outputName(field.name(), left.output(), right.output(), "_1")));
        }
        for (StructField field : right.fields()) {
            fields.add(renamed(field, outputName(field.name(), right.output(), left.output(), "_2")));
        }
        fields.add(new StructField("separation_arcsec", DataTypes.DoubleType, false, documentation("arcsec", "pos.angDistance",
                "Great-circle distance between the left and right positions (after any epoch propagation).")));
        fields.add(new StructField("candidates", DataTypes.LongType, false, documentation("", "meta.number",
                "Number of right rows within the radius of the left row.")));
        fields.add(new StructField("rank", DataTypes.LongType, false, documentation("", "meta.number",
                "Rank of this right row among the candidates by distance (1 = nearest).")));
        fields.add(new StructField("mates", DataTypes.LongType, false, documentation("", "meta.number",
                "Number of other pairs of the output with the same right row, over the whole sky.")));
        fields.add(new StructField("_healpix_29", DataTypes.LongType, false, documentation("", "pos.healpix",
                "HEALPix NESTED index at order 29 of the left row (the HATS partitioning column).")));
        return new StructType(fields.toArray(StructField[]::new));
    }

    private static StructField renamed(StructField field, String name) {
        return new StructField(name, field.dataType(), true, field.metadata());
    }

    static String outputName(String name, List<String> side, List<String> other, String suffix) {
        Set<String> otherNames = new HashSet<>();
        other.forEach(n -> otherNames.add(n.toLowerCase(Locale.ROOT)));
        return otherNames.contains(name.toLowerCase(Locale.ROOT)) ? name + suffix : name;
    }

    private static Metadata documentation(String unit, String ucd, String description) {
        MetadataBuilder builder = new MetadataBuilder();
        if (!unit.isEmpty()) {
            builder.putString(ColumnMetadata.UNIT, unit);
        }
        return builder.putString(ColumnMetadata.UCD, ucd).putString(ColumnMetadata.DESCRIPTION, description).build();
    }

    /** The output rows of the pieces of one task: the carried columns, then distance, candidates, rank, mates, index. */
    private static final class PairRows extends MatchedPairRows {
        private final String rightKey;
        private RowBlock.Values[] leftValues;
        private RowBlock.Values[] rightValues;
        private RowBlock.Values rightKeys;
        private RowBlock.Values leftIndex;
        private RowBlock.Values rightIndex;

        PairRows(Iterator<PiecePlan> plans, PieceTask task, String rightKey, Map<Object, Integer> shared) {
            super(plans, task, shared);
            this.rightKey = rightKey;
        }

        @Override
        void startPiece(PiecePlan piece, PieceTask.Matched match) {
            leftValues = task().left().output().stream().map(match.left()::column).toArray(RowBlock.Values[]::new);
            rightValues = task().right().output().stream().map(match.right()::column).toArray(RowBlock.Values[]::new);
            rightKeys = match.right().column(rightKey);
            leftIndex = match.left().column(task().left().healpixColumn());
            rightIndex = match.right().column(task().right().healpixColumn());
        }

        @Override
        Row row(PiecePlan piece, PieceTask.Matched match, int pair) {
            MatchResult result = match.result();
            int leftRow = result.leftRow(pair);
            int rightRow = result.rightRow(pair);
            Object[] values = new Object[leftValues.length + rightValues.length + 5];
            int c = 0;
            for (RowBlock.Values column : leftValues) {
                values[c++] = column.value(leftRow);
            }
            for (RowBlock.Values column : rightValues) {
                values[c++] = column.value(rightRow);
            }
            values[c++] = result.distanceArcsec(pair);
            values[c++] = (long) result.candidates(pair);
            values[c++] = (long) result.rank(pair);
            values[c++] = (long) wholeSkyMates(piece, result, pair, rightIndex.longs[rightRow], rightKeys.value(rightRow));
            values[c] = leftIndex.longs[leftRow];
            return RowFactory.create(values);
        }
    }
}
