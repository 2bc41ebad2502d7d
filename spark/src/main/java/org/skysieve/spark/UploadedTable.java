package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixNested;
import scala.Tuple2;

/**
 * A user's table (CSV with a header line, or Parquet) turned into a HATS catalogue on Spark, so that it can be the
 * left side of a cross-match: each row gets its {@code _healpix_29}; rows are grouped into the cells of one order
 * (chosen so that a cell holds about {@value #ROWS_PER_PARTITION} rows on an all-sky table) and sorted by index. This
 * is the one step that shuffles rows (the upload's, not the survey's). Rows without a position (null or NaN) are
 * dropped: they never match. The position columns are recognised by name as {@code skysieve xmatch} does.
 */
public final class UploadedTable {
    static final long ROWS_PER_PARTITION = 200_000;
    static final List<String> RA_NAMES = List.of("ra", "ra_deg", "raj2000", "ra_icrs", "radeg", "alpha", "ra_j2000");
    static final List<String> DEC_NAMES = List.of("dec", "dec_deg", "dej2000", "decj2000", "de_icrs", "dec_icrs", "dedeg", "decdeg", "delta",
            "dec_j2000");

    private UploadedTable() {
    }

    /** Whether {@code location} is a table file rather than a HATS catalogue folder. */
    public static boolean isTableFile(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".parquet");
    }

    /** Writes the table at {@code file} as a HATS catalogue at {@code output} (which must not exist); returns its row count. */
    public static long toHats(SparkSession spark, String file, String output) {
        requireNonNull(spark, "spark is null");
        Dataset<Row> table = file.toLowerCase(Locale.ROOT).endsWith(".parquet") ? spark.read().parquet(file)
                : spark.read().option("header", "true").option("inferSchema", "true").csv(file);
        String ra = column(table.schema(), RA_NAMES, "right ascension", file);
        String dec = column(table.schema(), DEC_NAMES, "declination", file);
        UDF2<Object, Object, Long> index = (raValue, decValue) -> {
            if (!(raValue instanceof Number raNumber) || !(decValue instanceof Number decNumber)) {
                return null;
            }
            double raDeg = raNumber.doubleValue();
            double decDeg = decNumber.doubleValue();
            if (Double.isNaN(raDeg) || Double.isNaN(decDeg)) {
                return null;
            }
            if (Double.isInfinite(raDeg) || !(decDeg >= -90 && decDeg <= 90)) {
                throw new IllegalArgumentException("Expected a finite right ascension and a declination in [-90, 90] degrees in " + file
                        + ". Actual: ra=" + raDeg + ", dec=" + decDeg);
            }
            double lonRad = Math.toRadians(((raDeg % 360) + 360) % 360);
            return HealpixNested.hash(HealpixNested.MAX_DEPTH, lonRad >= 2 * Math.PI ? 0 : lonRad, Math.toRadians(decDeg));
        };
        Dataset<Row> indexed = table.withColumn("_healpix_29", functions.udf(index, DataTypes.LongType).apply(functions.col(ra), functions.col(dec)))
                .filter(functions.col("_healpix_29").isNotNull());
        long rows = indexed.count();
        int order = (int) Math.max(0, Math.min(10, Math.ceil(Math.log(rows / (12.0 * ROWS_PER_PARTITION)) / Math.log(4))));
        int shift = 2 * (HealpixNested.MAX_DEPTH - order);
        List<Long> cells = distinctCells(indexed, shift);
        Map<Long, Integer> pieceOfCell = new LinkedHashMap<>();
        for (long cell : cells) {
            pieceOfCell.put(cell, pieceOfCell.size());
        }
        StructType schema = indexed.schema();
        int indexColumn = schema.fieldIndex("_healpix_29");
        JavaPairRDD<Long, Row> keyed = indexed.javaRDD().mapToPair(row -> new Tuple2<>(row.getLong(indexColumn), row));
        JavaRDD<Row> sorted = keyed.repartitionAndSortWithinPartitions(new CellPartitioner(pieceOfCell, shift)).values();
        List<HatsPixel> pieces = new ArrayList<>();
        cells.forEach(cell -> pieces.add(new HatsPixel(order, cell)));
        return HatsOutput.write(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), spark.createDataFrame(sorted, schema), pieces, output,
                ra, dec, Map.of());
    }

    private static List<Long> distinctCells(Dataset<Row> indexed, int shift) {
        long[] cells = indexed.select(functions.shiftright(functions.col("_healpix_29"), shift)).distinct().collectAsList().stream()
                .mapToLong(row -> row.getLong(0)).sorted().toArray();
        return Arrays.stream(cells).boxed().toList();
    }

    private static String column(StructType schema, List<String> names, String what, String file) {
        for (String name : names) {
            for (String field : schema.fieldNames()) {
                if (field.equalsIgnoreCase(name)) {
                    return field;
                }
            }
        }
        throw new IllegalArgumentException("Expected a " + what + " column (one of " + names + ") in " + file + ". Actual columns: "
                + List.of(schema.fieldNames()));
    }

    /** Sends each row (keyed by its index) to the partition of its cell. */
    private static final class CellPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final Map<Long, Integer> pieceOfCell;
        private final int shift;

        CellPartitioner(Map<Long, Integer> pieceOfCell, int shift) {
            this.pieceOfCell = new java.util.HashMap<>(pieceOfCell);
            this.shift = shift;
        }

        @Override
        public int numPartitions() {
            return Math.max(1, pieceOfCell.size());
        }

        @Override
        public int getPartition(Object key) {
            return pieceOfCell.get((Long) key >>> shift);
        }
    }
}
