package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.Angles;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.CellDistance;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.testing.SharedTestData;

/**
 * Margin caches built on Spark against brute force: for every partition, every row of the catalogue outside it and
 * within the threshold of its cell (each row against each partition, not through the HEALPix ranges the job uses), on a
 * sky with rows around both poles (some exactly on them) and across RA 0/360; the margin catalogue has hats-import's
 * properties and is partitioned as the catalogue; the catalogue still opens; hats-import's own margin caches are read.
 */
class SparkMarginsTest {
    private static final double THRESHOLD_ARCSEC = 300;
    @TempDir
    static Path folder;
    static TestCatalogues.Written sky;
    static SparkMargins.Summary built;

    @BeforeAll
    static void buildTheMarginCache() throws IOException, SQLException {
        double[][] north = uniform(31, 1200, 0, 360, 88.8, 90);
        double[][] south = uniform(32, 1200, 0, 360, -90, -88.8);
        double[][] wrap = uniform(33, 1500, 359, 2, -1, 1);
        double[][] exact = {{0, 123.4, 0, 359.9999999, 0, 359.9999999}, {90, -90, 0.2, 0.2, -0.5, 0.5}};
        double[][] all = concat(concat(exact, north), concat(south, wrap));
        sky = TestCatalogues.write(folder, "sky", all, 0);
        built = SparkMargins.build(TestSpark.session(), sky.directory().toString(), THRESHOLD_ARCSEC, Optional.empty());
    }

    @Test
    void marginRowsAreTheRowsOutsideEachPartitionWithinTheThresholdOfIt() {
        HatsCatalog primary = HatsCatalog.open(sky.directory());
        assertThat(primary.partitions()).hasSizeGreaterThan(12);
        Map<HatsPixel, List<Long>> expected = bruteForce(primary);

        SparkSession spark = TestSpark.session();
        Path margin = Path.of(built.output());
        assertThat(margin).isEqualTo(folder.resolve("sky_margin_300arcsec"));
        HatsCatalog written = HatsCatalog.open(margin);
        List<String> files = written.partitions().stream().flatMap(p -> p.files().stream()).map(Path::toString).toList();
        Map<HatsPixel, List<Long>> found = new TreeMap<>();
        Map<HatsPixel, List<Long>> indices = new TreeMap<>();
        for (Row row : spark.read().parquet(files.toArray(String[]::new)).withColumn("file", functions.input_file_name()).collectAsList()) {
            HatsPixel pixel = pixelOfFile(written, row.getString(row.fieldIndex("file")));
            found.computeIfAbsent(pixel, p -> new ArrayList<>()).add(row.getLong(row.fieldIndex("id")));
            indices.computeIfAbsent(pixel, p -> new ArrayList<>()).add(row.getLong(row.fieldIndex("_healpix_29")));
        }
        found.values().forEach(ids -> ids.sort(null));
        assertThat(found).isEqualTo(expected);
        // partitioned as the catalogue, one file per partition with margin rows, rows sorted by their index
        assertThat(written.partitions().stream().map(HatsPartition::pixel).toList()).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(primary.partitions().stream().map(HatsPartition::pixel).toList()).containsAll(expected.keySet());
        indices.values().forEach(values -> assertThat(values).isSorted());
        long total = expected.values().stream().mapToLong(List::size).sum();
        assertThat(written.rowCount()).isEqualTo(total).isEqualTo(built.rows());
        // the hard places are there: margin rows on both poles and across RA 0/360
        Map<Long, double[]> positions = positions();
        List<Long> marginIds = expected.values().stream().flatMap(List::stream).toList();
        assertThat(marginIds).contains(0L, 1L);
        assertThat(expected.entrySet().stream().anyMatch(entry -> entry.getValue().stream().anyMatch(id -> positions.get(id)[0] > 359.9)
                && isNearRaZero(entry.getKey()))).as("a partition east of RA 0 with margin rows west of it").isTrue();
        // the columns and their documentation are the catalogue's
        assertThat(written.table().columns()).isEqualTo(primary.table().columns());
    }

    @Test
    void theMarginCatalogueHasHatsImportsPropertiesAndTheCatalogueStillOpens() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(built.output(), "hats.properties"))) {
            properties.load(reader);
        }
        // the keys of hats-import's margin caches (../shared/data/hats/lsdb/small_sky_xmatch_margin), less its release date
        assertThat(properties.stringPropertyNames()).contains("obs_collection", "dataproduct_type", "hats_nrows", "hats_col_ra", "hats_col_dec",
                "hats_col_healpix", "hats_col_healpix_order", "hats_primary_table_url", "hats_margin_threshold", "hats_npix_suffix", "hats_order",
                "moc_sky_fraction", "hats_builder", "hats_creation_date", "hats_estsize", "hats_version");
        assertThat(properties.getProperty("dataproduct_type")).isEqualTo("margin");
        assertThat(properties.getProperty("hats_primary_table_url")).isEqualTo("sky");
        assertThat(properties.getProperty("hats_margin_threshold")).isEqualTo("300.0");
        assertThat(properties.getProperty("skysieve_primary_nrows")).isEqualTo(Long.toString(sky.table().rowCount()));
        assertThat(HatsCatalog.open(Path.of(built.output())).dataProductType()).isEqualTo("margin");
        // the catalogue beside it opens as before, with all its rows
        HatsCatalog primary = HatsCatalog.open(sky.directory());
        assertThat(primary.dataProductType()).isEqualTo("object");
        assertThat(primary.rowCount()).isEqualTo(sky.table().rowCount());
        assertThat(HatsDataFrames.read(TestSpark.session(), sky.directory().toString()).count()).isEqualTo(sky.table().rowCount());
        // a cross-match finds it beside the catalogue
        HadoopFiles hadoop = new HadoopFiles(TestSpark.session().sparkContext().hadoopConfiguration());
        SparkCatalogue opened = SparkCatalogue.open(hadoop, sky.directory().toString());
        assertThat(MarginCaches.choose(hadoop, opened, MarginOption.beside(), 10).margin().orElseThrow().location()).endsWith(built.output());
    }

    /**
     * hats-import's margin caches (../shared/data/hats/lsdb) are read by the same code: small_sky_xmatch's is found beside
     * it and accepted for margins up to its threshold (its partitions outside the catalogue's are those hats-import
     * writes for regions without partitions); for small_sky_order1, ours at 1 degree holds a subset of hats-import's
     * (which keeps whole margin-order pixels), and every row of theirs that ours leaves out is farther than 1 degree.
     */
    @Test
    void hatsImportMarginCachesAreReadAndHoldOurs() {
        Path lsdb = SharedTestData.folder("hats/lsdb");
        SparkSession spark = TestSpark.session();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        SparkCatalogue xmatch = SparkCatalogue.open(hadoop, lsdb.resolve("small_sky_xmatch").toString());
        MarginCaches.Choice choice = MarginCaches.choose(hadoop, xmatch, MarginOption.beside(), 3600);
        assertThat(choice.margin()).isPresent();
        assertThat(choice.margin().get().pixels()).hasSize(7);
        assertThat(MarginCaches.choose(hadoop, xmatch, MarginOption.beside(), 9000).message()).contains("below the margin needed");

        Path collection = lsdb.resolve("small_sky_order1_collection");
        SparkMargins.Summary ours = SparkMargins.build(spark, collection.resolve("small_sky_order1").toString(), 3600,
                Optional.of(folder.resolve("small_sky_order1_margin_1deg").toString()));
        Map<HatsPixel, List<Long>> ourIds = idsByPartition(spark, HatsCatalog.open(Path.of(ours.output())));
        HatsCatalog theirs = HatsCatalog.open(collection.resolve("small_sky_order1_margin_1deg"));
        Map<HatsPixel, List<Long>> theirIds = idsByPartition(spark, theirs);
        Map<Long, double[]> positions = new HashMap<>();
        for (Row row : HatsDataFrames.read(spark, collection.resolve("small_sky_order1").toString()).select("id", "ra", "dec").collectAsList()) {
            positions.put(row.getLong(0), new double[] {row.getDouble(1), row.getDouble(2)});
        }
        assertThat(ourIds).isNotEmpty();
        for (Map.Entry<HatsPixel, List<Long>> entry : ourIds.entrySet()) {
            List<Long> theirsHere = theirIds.getOrDefault(entry.getKey(), List.of());
            assertThat(theirsHere).containsAll(entry.getValue());
            for (long id : theirsHere) {
                if (!entry.getValue().contains(id)) {
                    double[] position = positions.get(id);
                    double distanceRad = CellDistance.distanceRad(entry.getKey().order(), entry.getKey().pixel(),
                            LonLat.ofDegrees(position[0], position[1]).toUnitVector(), 1e-6);
                    assertThat(Angles.radToArcsec(distanceRad)).as("row %d left out of %s", id, entry.getKey()).isGreaterThan(3600 * 0.999);
                }
            }
        }
    }

    /**
     * A piece over two partitions reads their rows and the rows of their two margin files outside them: a row in both
     * margin files (near both partitions) is read once.
     */
    @Test
    void aRowInTwoMarginFilesOfOnePieceIsReadOnce() {
        SparkSession spark = TestSpark.session();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        SparkCatalogue primary = SparkCatalogue.open(hadoop, sky.directory().toString());
        SparkCatalogue margin = SparkCatalogue.open(hadoop, built.output(), "margin");
        SideColumns side = SideColumns.of(primary, HatsDataFrames.schema(spark, primary), List.of("id"), List.of(),
                SidePositions.of(org.skysieve.xmatch.PositionColumns.of("ra", "dec")));
        long[] wholeSky = {0, 12L << 58};
        Map<HatsPixel, List<Long>> marginIds = new TreeMap<>();
        for (HatsPixel pixel : margin.pixels()) {
            marginIds.put(pixel, ids(side.readRows(hadoop, margin.files().get(pixel), wholeSky, new long[0])));
        }
        int checked = 0;
        for (HatsPixel first : margin.pixels()) {
            for (HatsPixel second : margin.pixels()) {
                List<Long> firstMargin = marginIds.get(first);
                List<Long> secondMargin = marginIds.get(second);
                if (checked == 3 || first.compareTo(second) >= 0 || firstMargin.stream().noneMatch(secondMargin::contains)) {
                    continue;
                }
                List<String> files = new ArrayList<>(primary.files().get(first));
                files.addAll(primary.files().get(second));
                long[] cells = org.skysieve.sky.healpix.HealpixRanges.ofRanges(new long[] {first.firstIndex29(), first.lastIndex29() + 1,
                        second.firstIndex29(), second.lastIndex29() + 1}).toArray();
                PiecePlan plan = new PiecePlan(0, 0, 0, List.of(), List.of(), new long[0], files, wholeSky, new long[0],
                        List.of(margin.files().get(first).get(0), margin.files().get(second).get(0)), cells);
                List<Long> read = ids(MarginRows.read(hadoop, side, plan));
                List<Long> expected = new ArrayList<>(ids(side.readRows(hadoop, files, wholeSky, new long[0])));
                java.util.stream.Stream.concat(firstMargin.stream(), secondMargin.stream()).distinct()
                        .filter(id -> !insideEither(positions().get(id), first, second)).forEach(expected::add);
                expected.sort(null);
                assertThat(read).isEqualTo(expected).doesNotHaveDuplicates();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static List<Long> ids(RowBlock block) {
        RowBlock.Values id = block.column("id");
        List<Long> ids = new ArrayList<>();
        for (int row = 0; row < block.rowCount(); row++) {
            ids.add(id.longs[row]);
        }
        ids.sort(null);
        return ids;
    }

    private static boolean insideEither(double[] position, HatsPixel first, HatsPixel second) {
        long index = HealpixNested.hash(29, Math.toRadians(position[0]), Math.toRadians(position[1]));
        return first.firstIndex29() <= index && index <= first.lastIndex29() || second.firstIndex29() <= index && index <= second.lastIndex29();
    }

    /** Each row against each partition: outside it, and within the threshold of its cell. */
    private static Map<HatsPixel, List<Long>> bruteForce(HatsCatalog primary) {
        double thresholdRad = Angles.arcsecToRad(THRESHOLD_ARCSEC);
        Map<HatsPixel, List<Long>> expected = new TreeMap<>();
        Map<Long, double[]> positions = positions();
        for (HatsPartition partition : primary.partitions()) {
            HatsPixel pixel = partition.pixel();
            for (Map.Entry<Long, double[]> row : positions.entrySet()) {
                double[] position = row.getValue();
                long index = HealpixNested.hash(29, Math.toRadians(position[0]), Math.toRadians(position[1]));
                boolean inside = index >= pixel.firstIndex29() && index <= pixel.lastIndex29();
                if (!inside && CellDistance.withinRad(pixel.order(), pixel.pixel(), LonLat.ofDegrees(position[0], position[1]).toUnitVector(),
                        thresholdRad)) {
                    expected.computeIfAbsent(pixel, p -> new ArrayList<>()).add(row.getKey());
                }
            }
        }
        expected.values().forEach(ids -> ids.sort(null));
        return expected;
    }

    private static Map<HatsPixel, List<Long>> idsByPartition(SparkSession spark, HatsCatalog catalog) {
        Map<HatsPixel, List<Long>> ids = new TreeMap<>();
        for (HatsPartition partition : catalog.partitions()) {
            List<Long> here = new ArrayList<>();
            for (Row row : spark.read().parquet(partition.files().get(0).toString()).select("id").collectAsList()) {
                here.add(row.getLong(0));
            }
            here.sort(null);
            ids.put(partition.pixel(), here);
        }
        return ids;
    }

    private static Map<Long, double[]> positions() {
        long[] ids = ((org.skysieve.xmatch.Column.LongColumn) sky.table().columns().get(0)).values();
        double[] ra = ((org.skysieve.xmatch.Column.DoubleColumn) sky.table().columns().get(1)).values();
        double[] dec = ((org.skysieve.xmatch.Column.DoubleColumn) sky.table().columns().get(2)).values();
        Map<Long, double[]> positions = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            positions.put(ids[i], new double[] {ra[i], dec[i]});
        }
        return positions;
    }

    private static boolean isNearRaZero(HatsPixel pixel) {
        LonLat centre = HealpixNested.center(pixel.order(), pixel.pixel());
        return centre.lonDeg() < 5 && Math.abs(centre.latDeg()) < 5;
    }

    private static HatsPixel pixelOfFile(HatsCatalog catalog, String uri) {
        for (HatsPartition partition : catalog.partitions()) {
            for (Path file : partition.files()) {
                if (uri.endsWith(file.getFileName().toString()) && uri.contains("Norder=" + partition.pixel().order() + "/")) {
                    return partition.pixel();
                }
            }
        }
        throw new AssertionError("Expected a partition file. Actual: " + uri);
    }

    private static double[][] uniform(long seed, int n, double raMinDeg, double raWidthDeg, double decMinDeg, double decMaxDeg) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[n];
        double[] dec = new double[n];
        double zMin = Math.sin(Math.toRadians(decMinDeg));
        double zMax = Math.sin(Math.toRadians(decMaxDeg));
        for (int i = 0; i < n; i++) {
            ra[i] = ((raMinDeg + raWidthDeg * random.nextDouble()) % 360.0 + 360.0) % 360.0;
            dec[i] = Math.toDegrees(Math.asin(zMin + (zMax - zMin) * random.nextDouble()));
        }
        return new double[][] {ra, dec};
    }

    private static double[][] concat(double[][] first, double[][] second) {
        double[][] all = new double[2][];
        for (int c = 0; c < 2; c++) {
            all[c] = Arrays.copyOf(first[c], first[c].length + second[c].length);
            System.arraycopy(second[c], 0, all[c], first[c].length, second[c].length);
        }
        return all;
    }
}
