package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.build.DatasetManifest;
import org.skysieve.datasets.plan.DatasetPlanner;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.images.SyntheticImages;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * A dataset built on Spark (local[2]) is the single-machine build, file for file and byte for byte, manifest and card
 * included: the tiny sky with the first deep_optical tile's plates, the objects in a circle around the tile (some
 * stamps on the plate, some across its edge, some outside), features by row and by cross-match with statuses, truth
 * labels, g and r cutouts, several shards; and uploaded positions spread over the plate (stamps with pixels, a
 * cross-match with statuses). A task that fails leaves no manifest; the build run again continues and
 * ends with the same bytes.
 */
class SparkDatasetJobTest {
    /** The seed of `skysieve generate`: a tiny sky whose survey tables have several partitions each. */
    private static final long SEED = 1;

    @TempDir
    static Path folder;
    private static Path sky;
    private static DatasetSpec spec;
    private static DatasetSpec onThePlate;

    @BeforeAll
    static void skyWithPlates() throws Exception {
        sky = folder.resolve("sky");
        SkyGenerator.generate(sky, SEED, SkyScale.TINY, message -> { });
        SyntheticImages.write(sky, new SyntheticImages.Options(List.of("deep_optical"), 1, SEED));
        Plate plate = PlateIndex.open(sky).plates("deep_optical", "r").get(0);
        LonLat centre = plate.wcs().pixelToWorld(new PixelPosition((plate.width() + 1) / 2.0, (plate.height() + 1) / 2.0))
                .orElseThrow();
        String text = String.format(Locale.ROOT, """
                name: spark_and_one_machine
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', %.8f, %.8f, 0.1))"}
                features:
                  - {survey: deep_optical, columns: [mag_g, mag_r], statuses: true}
                  - {survey: near_infrared, columns: [jmag], match: {radius: 1arcsec}, statuses: true}
                label: {truth: class}
                split: {order: 12, seed: 5}
                cutouts: {survey: deep_optical, bands: [g, r], size: 16}
                output: {shard_rows: 60}
                """, centre.lonDeg(), centre.latDeg());
        spec = DatasetSpecs.parse(text, "test", folder);
        // uploaded positions spread over the plate: most stamps read real pixels (a few cross its edge)
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder csv = new StringBuilder("object,ra,dec\n");
        for (int i = 0; i < 300; i++) {
            LonLat position = plate.wcs().pixelToWorld(new PixelPosition(1 + random.nextDouble() * (plate.width() - 1),
                    1 + random.nextDouble() * (plate.height() - 1))).orElseThrow();
            csv.append(String.format(Locale.ROOT, "p%04d,%.10f,%.10f%n", i, position.lonDeg(), position.latDeg()));
        }
        Files.writeString(folder.resolve("on-the-plate.csv"), csv);
        onThePlate = DatasetSpecs.parse("""
                name: on_the_plate
                objects: {upload: on-the-plate.csv, id: object}
                features:
                  - {survey: deep_optical, columns: [mag_g, mag_r, class_star], match: {radius: 3arcsec}, statuses: true}
                cutouts: {survey: deep_optical, bands: [g, r], size: 24}
                output: {shard_rows: 70}
                """, "test", folder);
    }

    @Test
    void sparkBuildIsByteIdenticalToTheSingleMachineBuild() throws Exception {
        DatasetManifest single = DatasetBuilder.build(spec, sky, folder.resolve("single"), BuildProgress.none(), () -> false);
        DatasetManifest spark = SparkDatasetJob.run(TestSpark.session(), spec, sky, folder.resolve("spark"), BuildProgress.none());

        assertThat(single.rowCount()).isBetween(150L, 600L);
        assertThat(single.shards()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(single.cutoutStatusCounts().get("r")).containsKeys("ok", "outside");
        assertThat(spark.shards()).isEqualTo(single.shards());
        assertSameFiles(folder.resolve("spark"), folder.resolve("single"));
        System.out.println("Spark dataset job: " + spark.rowCount() + " objects in " + spark.shards().size()
                + " shards, stamps " + spark.cutoutStatusCounts() + ": every file equal to the single-machine build's");

        single = singleOnThePlate();
        spark = SparkDatasetJob.run(TestSpark.session(), onThePlate, sky, folder.resolve("spark-plate"), BuildProgress.none());
        assertThat(single.cutoutStatusCounts().get("g").get("ok")).isGreaterThan(200L);
        assertThat(single.statusCounts().get("deep_optical_mag_r_status")).containsKey("detected");
        assertSameFiles(folder.resolve("spark-plate"), folder.resolve("single-plate"));
        System.out.println("Spark dataset job: " + spark.rowCount() + " uploaded positions in " + spark.shards().size()
                + " shards, stamps " + spark.cutoutStatusCounts() + ", statuses " + spark.statusCounts()
                + ": every file equal to the single-machine build's");
    }

    /**
     * The planner's feature cross-matches run as Spark tasks, one per survey partition, give the planned rows of one
     * machine byte for byte: objects spread over the whole tiny sky (every near_infrared partition, and some outside
     * them), a match with statuses and one with proper motions (astrometric moved to deep_optical's epoch), numbers
     * and text carried.
     */
    @Test
    void featureCrossMatchesPerPartitionOnSparkGiveTheSamePlannedRows() throws Exception {
        DatasetSpec spread = DatasetSpecs.parse("""
                name: spread_over_the_sky
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources WHERE MOD(id, 10) = 0"}
                features:
                  - {survey: near_infrared, columns: [jmag, name, flags], match: {radius: 1arcsec}, statuses: true}
                  - {survey: astrometric, columns: [parallax, designation], match: {radius: 1arcsec}}
                """, "test", folder);
        SparkFeatureMatcher onSpark = new SparkFeatureMatcher(TestSpark.session());
        List<Integer> tasks = new java.util.ArrayList<>();
        PlannedDataset single = DatasetPlanner.plan(spread, sky, folder.resolve("plan-single"), BuildProgress.none());
        PlannedDataset spark = DatasetPlanner.plan(spread, sky, folder.resolve("plan-spark"), BuildProgress.none(),
                (match, objects) -> {
                    tasks.add(SparkFeatureMatcher.pieces(match, objects).size());
                    return onSpark.bestMatches(match, objects);
                });

        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0)).as("near_infrared partitions with objects, and the objects outside them").isGreaterThanOrEqualTo(3);
        assertThat(single.rowCount()).isGreaterThan(200);
        assertThat(single.statusCounts().get("near_infrared_jmag_status")).containsKeys("detected", "undetected");
        assertThat(spark.statusCounts()).isEqualTo(single.statusCounts());
        assertThat(Files.readAllBytes(spark.rows())).isEqualTo(Files.readAllBytes(single.rows()));
        System.out.println("Spark feature cross-matches: " + single.rowCount() + " objects, tasks per survey " + tasks
                + ", statuses " + single.statusCounts() + ": planned rows equal to one machine's");
    }

    @Test
    void aFailedTaskLeavesNoManifestAndTheBuildContinuesToTheSameBytes() throws Exception {
        Path out = folder.resolve("failing");
        // a folder where shard 1's features file must go: that task cannot move its file there and fails
        Path blocker = Files.createDirectories(out.resolve("features-0001.parquet"));
        Files.writeString(blocker.resolve("in-the-way"), "x");
        assertThatThrownBy(() -> SparkDatasetJob.run(TestSpark.session(), onThePlate, sky, out, BuildProgress.none()))
                .hasMessageContaining("features-0001.parquet");
        assertThat(out.resolve("manifest.json")).doesNotExist();
        assertThat(out.resolve("README.md")).doesNotExist();

        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);
        SparkDatasetJob.run(TestSpark.session(), onThePlate, sky, out, BuildProgress.none());
        assertSameFiles(out, singleOnThePlate().folder());
    }

    private static DatasetManifest singleOnThePlateBuild;

    /** The single-machine build of the uploaded positions, made once for the tests that compare with it. */
    private static synchronized DatasetManifest singleOnThePlate() throws Exception {
        if (singleOnThePlateBuild == null) {
            singleOnThePlateBuild = DatasetBuilder.build(onThePlate, sky, folder.resolve("single-plate"),
                    BuildProgress.none(), () -> false);
        }
        return singleOnThePlateBuild;
    }

    private static void assertSameFiles(Path actual, Path expected) throws Exception {
        List<String> names = names(expected);
        assertThat(names(actual)).isEqualTo(names).contains("manifest.json", "README.md", "features-0000.parquet",
                "features-0000.npy", "cutouts-0000.npy", "mask-0000.npy");
        for (String name : names) {
            assertThat(Files.readAllBytes(actual.resolve(name))).as(name).isEqualTo(Files.readAllBytes(expected.resolve(name)));
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
