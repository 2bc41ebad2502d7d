package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.Angles;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.CellDistance;
import org.skysieve.xmatch.PieceMatch;

/**
 * Builds a HATS margin cache of a catalogue on Spark: for each partition, the rows outside it that lie within the
 * threshold of it (great-circle distance to the nearest point of its cell, {@link CellDistance}), in a margin catalogue
 * partitioned as the catalogue (one file {@code Norder=k/Dir=d/Npix=n.parquet} per partition with margin rows; none
 * where there are none), with the catalogue's columns and their documentation, rows sorted by {@code _healpix_29}, and
 * the properties of hats-import's margins ({@code dataproduct_type=margin}, {@code hats_primary_table_url},
 * {@code hats_margin_threshold} in arcsec) plus {@code skysieve_primary_nrows} (the row count it was built for).
 *
 * <p>One task per partition reads the partitions around it (the rows in the HEALPix ranges around its cell, outside
 * it) and keeps the rows within the threshold: no shuffle; each file is read by the tasks of its neighbours (about
 * 5-9 times, once per build). Columns of primitive Parquet types only. hats-import keeps whole margin-order pixels (rows
 * up to a pixel beyond the threshold) and also writes margins for regions without partitions; this cache keeps the rows
 * within the threshold (and may keep rows up to 0.1% of the threshold beyond it) for the catalogue's partitions.
 */
public final class SparkMargins {
    private SparkMargins() {
    }

    /** What a build wrote. */
    public record Summary(String output, long rows, int partitions, double thresholdArcsec, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d margin rows within %s arcsec in %d partitions in %.1f s, written to %s", rows,
                    Double.toString(thresholdArcsec), partitions, seconds, output);
        }
    }

    /** The default folder: {@code CATALOGUE_margin_<threshold>arcsec} beside the catalogue, where cross-matches look for it. */
    public static String defaultOutput(String catalogue, double thresholdArcsec) {
        Path root = new Path(catalogue);
        String threshold = thresholdArcsec == Math.rint(thresholdArcsec) ? Long.toString((long) thresholdArcsec) : Double.toString(thresholdArcsec);
        return new Path(root.getParent(), root.getName() + "_margin_" + threshold + "arcsec").toString();
    }

    /** Builds the margin cache of {@code catalogue} for {@code thresholdArcsec} at {@code output} (default: beside it). */
    public static Summary build(SparkSession spark, String catalogue, double thresholdArcsec, Optional<String> output) {
        requireNonNull(spark, "spark is null");
        if (!(thresholdArcsec > 0 && thresholdArcsec <= 3600 * 10)) {
            throw new IllegalArgumentException("Expected a margin threshold in (0, 36000] arcsec. Actual: " + thresholdArcsec);
        }
        long start = System.nanoTime();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        SparkCatalogue primary = SparkCatalogue.open(hadoop, catalogue);
        String out = output.orElse(defaultOutput(primary.location(), thresholdArcsec));
        double thresholdRad = Angles.arcsecToRad(thresholdArcsec);
        StructType schema = HatsDataFrames.schema(spark, primary);
        List<MarginPiece> pieces = new ArrayList<>();
        for (HatsPixel pixel : primary.pixels()) {
            long[] bounds = PieceMatch.rightRanges(pixel, thresholdRad).toArray();
            List<String> files = new ArrayList<>();
            org.skysieve.sky.healpix.HealpixRanges ranges = org.skysieve.sky.healpix.HealpixRanges.ofRanges(bounds);
            for (HatsPixel other : primary.pixels()) {
                if (!other.equals(pixel) && ranges.intersectsCell(other.order(), other.pixel())) {
                    files.addAll(primary.files().get(other));
                }
            }
            pieces.add(new MarginPiece(pixel.order(), pixel.pixel(), files, bounds));
        }
        List<String> names = Arrays.stream(schema.fields()).map(StructField::name).toList();
        List<DataType> types = Arrays.stream(schema.fields()).map(StructField::dataType).toList();
        MarginTask task = new MarginTask(hadoop, names, types, primary.healpixColumn(), primary.raColumn(), primary.decColumn(), thresholdRad);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(pieces, Math.max(1, pieces.size()))
                .mapPartitions(task::rows);
        Path root = new Path(primary.location());
        Path target = new Path(out);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dataproduct_type", "margin");
        // relative to the margin's folder when beside the catalogue, as hats-import writes it; else the catalogue's location
        properties.put("hats_primary_table_url", root.getParent() != null && root.getParent().equals(target.getParent()) ? root.getName()
                : primary.location());
        properties.put("hats_margin_threshold", Double.toString(thresholdArcsec));
        properties.put("skysieve_primary_nrows", primary.properties().getOrDefault("hats_nrows", ""));
        properties.put("skysieve_survey", primary.name());
        long count = HatsOutput.write(hadoop, spark.createDataFrame(rows, schema), primary.pixels(), out, primary.raColumn(), primary.decColumn(),
                properties);
        int written = SparkCatalogue.open(hadoop, out, "margin").pixels().size();
        return new Summary(out, count, written, thresholdArcsec, (System.nanoTime() - start) / 1e9);
    }

    /** One partition's margin: the files around it and the index ranges within the threshold of its cell. */
    record MarginPiece(int order, long npix, List<String> files, long[] bounds) implements Serializable {
        MarginPiece {
            files = List.copyOf(files);
            requireNonNull(bounds, "bounds is null");
        }

        HatsPixel pixel() {
            return new HatsPixel(order, npix);
        }
    }

    /** Reads a partition's candidate rows and keeps those within the threshold. Serialisable; holds no data. */
    record MarginTask(HadoopFiles hadoop, List<String> columns, List<DataType> types, String healpixColumn, String raColumn, String decColumn,
            double thresholdRad) implements Serializable {
        MarginTask {
            requireNonNull(hadoop, "hadoop is null");
            columns = List.copyOf(columns);
            types = List.copyOf(types);
        }

        Iterator<Row> rows(Iterator<MarginPiece> pieces) {
            List<Row> out = new ArrayList<>();
            while (pieces.hasNext()) {
                MarginPiece piece = pieces.next();
                HatsPixel pixel = piece.pixel();
                RowBlock block = ParquetColumnsReader.read(hadoop, piece.files(), columns, types, healpixColumn, piece.bounds(),
                        new long[] {pixel.firstIndex29(), pixel.lastIndex29() + 1});
                RowBlock.Values ra = block.column(raColumn);
                RowBlock.Values dec = block.column(decColumn);
                RowBlock.Values index = block.column(healpixColumn);
                List<Integer> kept = new ArrayList<>();
                for (int row = 0; row < block.rowCount(); row++) {
                    if (!ra.nulls[row] && !dec.nulls[row] && CellDistance.withinRad(pixel.order(), pixel.pixel(),
                            LonLat.ofDegrees(ra.doubles[row], dec.doubles[row]).toUnitVector(), thresholdRad)) {
                        kept.add(row);
                    }
                }
                // HATS files are sorted by their index (rows come from several files)
                kept.sort((a, b) -> Long.compare(index.longs[a], index.longs[b]));
                List<RowBlock.Values> values = columns.stream().map(block::column).toList();
                for (int row : kept) {
                    Object[] cells = new Object[values.size()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = values.get(c).value(row);
                    }
                    out.add(RowFactory.create(cells));
                }
            }
            return out.iterator();
        }
    }
}
