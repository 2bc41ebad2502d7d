package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.datasets.plan.FeatureMatch;
import org.skysieve.datasets.plan.FeatureMatcher;
import org.skysieve.sky.healpix.HealpixRanges;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MemorySide;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SideBySide;

/**
 * The planner's feature cross-matches on Spark, one task per partition of the survey table: the driver sorts the
 * objects into the survey's HEALPix partitions (the pieces {@link org.skysieve.xmatch.PartitionedMatcher} cuts on one
 * machine; objects outside every partition form one more task), sends each task its objects (row, ra, dec), and each
 * task runs the single-machine match ({@link FeatureMatch#onOneMachine}: {@code PieceMatch}, the kernel of
 * {@link SparkCrossMatch} too) on its objects against the survey's partition and the margins around it, read from the
 * catalogue's files by the executor. The driver puts the tasks' columns back in object order: an object's best
 * counterpart depends only on the survey rows within the radius of it, so the columns, and the planned rows made from
 * them, are those of one machine, byte for byte. The survey catalogue must be at the same local path on every executor.
 */
public final class SparkFeatureMatcher implements FeatureMatcher {
    private final SparkSession spark;

    public SparkFeatureMatcher(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /** One task's objects: their rows among all objects, and their ra and dec columns. */
    record Piece(long[] rows, ColumnArrays ra, ColumnArrays dec) implements Serializable {
        private static final long serialVersionUID = 1L;

        LoadedTable objects() {
            long[] local = new long[rows.length];
            for (int i = 0; i < local.length; i++) {
                local[i] = i;
            }
            return new LoadedTable("objects", List.of(new Column.LongColumn(SideBySide.ROW_COLUMN, local,
                    new boolean[local.length]), ra.column(), dec.column()));
        }
    }

    /** A task's answer: its rows among all objects and the gathered columns for them. */
    private record Matched(long[] rows, List<ColumnArrays> columns) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public List<Column> bestMatches(FeatureMatch match, LoadedTable objects) {
        int n = objects.rowCount();
        List<Piece> pieces = pieces(match, objects);
        if (pieces.isEmpty()) {
            return match.onOneMachine(objects);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("skysieve dataset features: " + n + " objects against " + match.qualifiedName()
                + " in " + pieces.size() + " partitions");
        List<Matched> answers = context.parallelize(pieces, pieces.size()).map(task(match)).collect();
        return merge(answers, n);
    }

    private static org.apache.spark.api.java.function.Function<Piece, Matched> task(FeatureMatch match) {
        return piece -> {
            List<Column> columns = match.onOneMachine(piece.objects());
            return new Matched(piece.rows(), columns.stream().map(ColumnArrays::of).toList());
        };
    }

    /** The objects of each survey partition (as {@code PartitionedMatcher} takes them), then those of none. */
    static List<Piece> pieces(FeatureMatch match, LoadedTable objects) {
        int n = objects.rowCount();
        long[] rowIndex = ((Column.LongColumn) objects.require(SideBySide.ROW_COLUMN, "row index")).values();
        Column ra = objects.require("ra", "ra");
        Column dec = objects.require("dec", "dec");
        MemorySide side = new MemorySide(objects, PositionColumns.of("ra", "dec"));
        boolean[] taken = new boolean[n];
        List<Piece> pieces = new ArrayList<>();
        for (HatsPartition partition : HatsCatalog.open(Path.of(match.catalogueFolder())).partitions()) {
            LoadedTable inside = side.rowsIn(HealpixRanges.ofCells(partition.pixel().order(), partition.pixel().pixel()),
                    HealpixRanges.empty(), List.of(MemorySide.ROW_INDEX_COLUMN));
            if (inside.rowCount() == 0) {
                continue;
            }
            long[] positionsInTable = ((Column.LongColumn) inside.require(MemorySide.ROW_INDEX_COLUMN, "rows")).values();
            int[] rows = new int[positionsInTable.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (int) positionsInTable[i];
                taken[rows[i]] = true;
            }
            pieces.add(piece(rows, rows.length, rowIndex, ra, dec));
        }
        int[] rest = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                rest[count++] = i;
            }
        }
        if (count > 0) {
            pieces.add(piece(rest, count, rowIndex, ra, dec));
        }
        return pieces;
    }

    /** The objects at table positions {@code rows[0..count)}, in table order (as the one-machine piece holds them). */
    private static Piece piece(int[] rows, int count, long[] rowIndex, Column ra, Column dec) {
        int[] sorted = Arrays.copyOf(rows, count);
        Arrays.sort(sorted);
        long[] indices = new long[count];
        for (int i = 0; i < count; i++) {
            indices[i] = rowIndex[sorted[i]];
        }
        return new Piece(indices, ColumnArrays.of(ra, sorted, count), ColumnArrays.of(dec, sorted, count));
    }

    /** The tasks' columns put together in object order, with the one-machine values for objects no task matched. */
    private static List<Column> merge(List<Matched> answers, int n) {
        List<String> names = answers.get(0).columns().stream().map(ColumnArrays::name).toList();
        List<Column> merged = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            // SideBySide types a column on the first piece it meets: a task whose objects met none (objects without a
            // position) answers text nulls; one machine's type is that of any task that met a piece
            Column kind = answers.get(0).columns().get(c).column();
            for (Matched answer : answers) {
                Column column = answer.columns().get(c).column();
                if (kind instanceof Column.TextColumn && !(column instanceof Column.TextColumn)) {
                    kind = column;
                }
            }
            merged.add(put(names.get(c), kind, answers, c, n));
        }
        return merged;
    }

    private static Column put(String name, Column kind, List<Matched> answers, int c, int n) {
        if (kind instanceof Column.DoubleColumn) {
            double[] values = new double[n];
            boolean[] nulls = new boolean[n];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(nulls, true);
            for (Matched answer : answers) {
                if (answer.columns().get(c).column() instanceof Column.DoubleColumn part) {
                    for (int i = 0; i < answer.rows().length; i++) {
                        values[(int) answer.rows()[i]] = part.values()[i];
                        nulls[(int) answer.rows()[i]] = part.nulls() != null && part.nulls()[i];
                    }
                }
            }
            return new Column.DoubleColumn(name, values, nulls);
        }
        if (kind instanceof Column.LongColumn) {
            long[] values = new long[n];
            boolean[] nulls = new boolean[n];
            Arrays.fill(nulls, true);
            for (Matched answer : answers) {
                if (answer.columns().get(c).column() instanceof Column.LongColumn part) {
                    for (int i = 0; i < answer.rows().length; i++) {
                        values[(int) answer.rows()[i]] = part.values()[i];
                        nulls[(int) answer.rows()[i]] = part.nulls()[i];
                    }
                }
            }
            return new Column.LongColumn(name, values, nulls);
        }
        String[] values = new String[n];
        for (Matched answer : answers) {
            String[] part = ((Column.TextColumn) answer.columns().get(c).column()).values();
            for (int i = 0; i < answer.rows().length; i++) {
                values[(int) answer.rows()[i]] = part[i];
            }
        }
        return new Column.TextColumn(name, values);
    }
}
