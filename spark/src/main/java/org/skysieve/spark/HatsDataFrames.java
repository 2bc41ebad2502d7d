package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.skysieve.catalog.hats.HatsPixel;

/**
 * HATS catalogues as Spark DataFrames.
 *
 * <p>A {@link SkySelection} chooses the partition files from {@code partition_info.csv} alone (cells that meet the
 * region), so only those files are ever opened ({@link Dataset#inputFiles()} lists them); rows are then kept when
 * inside the region: exactly (great-circle distance) for a cone, by their {@code _healpix_29} index for a MOC. Spark
 * reads only the columns used (column pruning in its Parquet scan). Each documented column carries its unit, UCD,
 * description, flag bits and status meanings in its {@link org.apache.spark.sql.types.StructField} metadata
 * ({@link ColumnMetadata}). Stateless; the DataFrames are lazy.
 */
public final class HatsDataFrames {
    private HatsDataFrames() {
    }

    /** The whole catalogue at {@code location} (a folder path or URI Hadoop can open). */
    public static Dataset<Row> read(SparkSession spark, String location) {
        return read(spark, location, Optional.empty());
    }

    /** The rows of the catalogue at {@code location} inside {@code selection} (every row when empty). */
    public static Dataset<Row> read(SparkSession spark, String location, Optional<SkySelection> selection) {
        requireNonNull(spark, "spark is null");
        return read(spark, SparkCatalogue.open(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), location), selection);
    }

    /** The rows of an opened catalogue inside {@code selection}. */
    public static Dataset<Row> read(SparkSession spark, SparkCatalogue catalogue, Optional<SkySelection> selection) {
        requireNonNull(spark, "spark is null");
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(selection, "selection is null");
        List<HatsPixel> chosen = partitionsIn(catalogue, selection);
        StructType schema = schema(spark, catalogue);
        if (chosen.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        List<String> files = new ArrayList<>();
        chosen.forEach(pixel -> files.addAll(catalogue.files().get(pixel)));
        Dataset<Row> rows = spark.read().schema(schema).parquet(files.toArray(String[]::new));
        if (selection.isEmpty()) {
            return rows;
        }
        SkySelection region = selection.get();
        Column index = functions.col(catalogue.healpixColumn());
        long[] bounds = region.bounds();
        // the outer bounds let Parquet skip row groups by their statistics; the exact test follows
        Dataset<Row> near = rows.filter(index.geq(bounds[0]).and(index.lt(bounds[bounds.length - 1])));
        if (region.isCone()) {
            double ra0 = Math.toRadians(region.coneRaDeg());
            double dec0 = Math.toRadians(region.coneDecDeg());
            Column ra = functions.radians(functions.col(catalogue.raColumn()));
            Column dec = functions.radians(functions.col(catalogue.decColumn()));
            Column cosDistance = functions.cos(dec).multiply(Math.cos(dec0)).multiply(functions.cos(ra.minus(ra0)))
                    .plus(functions.sin(dec).multiply(Math.sin(dec0)));
            return near.filter(cosDistance.geq(Math.cos(Math.toRadians(region.radiusDeg()))));
        }
        UDF1<Long, Boolean> inside = value -> value != null && ParquetColumnsReader.contains(bounds, value);
        return near.filter(functions.udf(inside, DataTypes.BooleanType).apply(index));
    }

    /** The partitions of {@code catalogue} that meet the selection (all when empty), sorted by order then pixel. */
    public static List<HatsPixel> partitionsIn(SparkCatalogue catalogue, Optional<SkySelection> selection) {
        if (selection.isEmpty()) {
            return catalogue.pixels();
        }
        return catalogue.pixels().stream().filter(pixel -> selection.get().meetsCell(pixel.order(), pixel.pixel())).toList();
    }

    /** The catalogue's Spark schema (from one partition file's footer) with each documented column's metadata. */
    public static StructType schema(SparkSession spark, SparkCatalogue catalogue) {
        String first = catalogue.files().values().stream().flatMap(List::stream).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Expected at least one partition in " + catalogue.location() + ". Actual: none"));
        return ColumnMetadata.documented(spark.read().parquet(first).schema(), catalogue.table());
    }
}
