package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.moc.SpatialMoc;
import org.skysieve.xmatch.Column;

/** A HATS catalogue as a DataFrame: only the chosen partitions' files are opened, only the used columns read, docs in the schema. */
class HatsDataFramesTest {
    @TempDir
    static Path folder;
    static TestCatalogues.Written written;

    @BeforeAll
    static void writeCatalogue() throws IOException, SQLException {
        written = TestCatalogues.pair(folder)[0];
    }

    @Test
    void coneOpensOnlyTheFilesOfThePartitionsItMeetsAndKeepsTheRowsInside() {
        SparkSession spark = TestSpark.session();
        SparkCatalogue catalogue = SparkCatalogue.open(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), written.directory().toString());
        SkySelection cone = SkySelection.cone(359.5, 0.5, 0.6);
        List<HatsPixel> chosen = HatsDataFrames.partitionsIn(catalogue, Optional.of(cone));
        assertThat(chosen).isNotEmpty().hasSizeLessThan(catalogue.pixels().size() / 2);

        Dataset<Row> rows = HatsDataFrames.read(spark, catalogue, Optional.of(cone)).select("id", "ra");
        List<String> expectedFiles = new ArrayList<>();
        chosen.forEach(pixel -> expectedFiles.add(catalogue.files().get(pixel).get(0)));
        assertThat(java.util.Arrays.stream(rows.inputFiles()).map(uri -> java.net.URI.create(uri).getPath()).toList())
                .containsExactlyInAnyOrderElementsOf(expectedFiles);
        // column pruning: the Parquet scan reads the two columns asked for and the filter's (index, ra, dec), not mag_r, mag_r_status, flags
        String plan = rows.queryExecution().executedPlan().toString();
        assertThat(plan).contains("ReadSchema: struct<_healpix_29:bigint,id:bigint,ra:double,dec:double>");

        List<Long> found = new ArrayList<>(rows.collectAsList().stream().map(row -> row.getLong(0)).toList());
        found.sort(null);
        assertThat(found).isEqualTo(bruteForceCone(359.5, 0.5, 0.6)).isNotEmpty();
    }

    @Test
    void mocChoosesPartitionsAndRowsByIndex() {
        SparkSession spark = TestSpark.session();
        SpatialMoc moc = SpatialMoc.ofCells(7, HealpixNested.hash(7, Math.toRadians(0.2), Math.toRadians(0.2)),
                HealpixNested.hash(7, Math.toRadians(45), Math.toRadians(89.5)));
        Dataset<Row> rows = HatsDataFrames.read(spark, written.directory().toString(), Optional.of(SkySelection.moc(moc)));
        List<Long> found = new ArrayList<>(rows.select("id").collectAsList().stream().map(row -> row.getLong(0)).toList());
        found.sort(null);
        List<Long> expected = new ArrayList<>();
        long[] ids = ((Column.LongColumn) written.table().columns().get(0)).values();
        double[] ra = ((Column.DoubleColumn) written.table().columns().get(1)).values();
        double[] dec = ((Column.DoubleColumn) written.table().columns().get(2)).values();
        for (int i = 0; i < ids.length; i++) {
            if (moc.contains(HealpixNested.hash(29, Math.toRadians(ra[i]), Math.toRadians(dec[i])))) {
                expected.add(ids[i]);
            }
        }
        assertThat(found).isEqualTo(expected).isNotEmpty();
        assertThat(rows.inputFiles()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void columnsCarryTheirDocumentation() {
        StructType schema = HatsDataFrames.read(TestSpark.session(), written.directory().toString()).schema();
        Metadata ra = schema.apply("ra").metadata();
        assertThat(ra.getString(ColumnMetadata.UNIT)).isEqualTo("deg");
        assertThat(ra.getString(ColumnMetadata.UCD)).isEqualTo("pos.eq.ra;meta.main");
        Metadata[] bits = schema.apply("flags").metadata().getMetadataArray(ColumnMetadata.FLAG_BITS);
        assertThat(bits).hasSize(2);
        assertThat(bits[1].getLong("bit")).isEqualTo(3);
        assertThat(bits[1].getString("name")).isEqualTo("SATURATED");
        Metadata[] statuses = schema.apply("mag_r_status").metadata().getMetadataArray(ColumnMetadata.STATUS_VALUES);
        assertThat(statuses).extracting(status -> status.getString("word")).containsExactly("detected", "undetected", "masked", "unobserved");
        assertThat(schema.apply("mag_r").metadata().getString(ColumnMetadata.NULL_MEANING)).contains("mag_r_status");
    }

    private static List<Long> bruteForceCone(double raDeg, double decDeg, double radiusDeg) {
        long[] ids = ((Column.LongColumn) written.table().columns().get(0)).values();
        double[] ra = ((Column.DoubleColumn) written.table().columns().get(1)).values();
        double[] dec = ((Column.DoubleColumn) written.table().columns().get(2)).values();
        List<Long> inside = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            double cos = Math.cos(Math.toRadians(dec[i])) * Math.cos(Math.toRadians(decDeg)) * Math.cos(Math.toRadians(ra[i] - raDeg))
                    + Math.sin(Math.toRadians(dec[i])) * Math.sin(Math.toRadians(decDeg));
            if (cos >= Math.cos(Math.toRadians(radiusDeg))) {
                inside.add(ids[i]);
            }
        }
        inside.sort(null);
        return inside;
    }
}
