package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.BestNeighbourTables;

/** Best-neighbour tables built on Spark hold exactly what {@link BestNeighbourTables} builds on one machine, row by row. */
class SparkNeighboursTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(data, 11, SkyScale.TINY, message -> { });
    }

    @Test
    void tableEqualsTheSingleMachineTableAndIsPublished() {
        SparkSession spark = TestSpark.session();
        BestNeighbourTables.build(data, "deep_optical", "near_infrared", 1.0);
        Map<String, String> single = rows(spark, data.resolve("deep_optical/best_neighbour_near_infrared"), "id");

        SparkNeighbours.Summary summary = SparkNeighbours.build(spark, data.toString(), "deep_optical", "near_infrared", 1.0, Optional.empty());
        Map<String, String> onSpark = rows(spark, data.resolve("deep_optical/best_neighbour_near_infrared"), "id");
        assertThat(onSpark).isEqualTo(single).hasSizeGreaterThan(100);
        assertThat(summary.rows()).isEqualTo(single.size());
        // every flag bit but the epoch one occurs, so each is compared
        for (int bit : new int[] {1, 2, 4}) {
            assertThat(single.values()).anyMatch(row -> (Integer.parseInt(row.substring(row.lastIndexOf(' ') + 1)) & bit) != 0);
        }
        PublishedTable published = Archive.open(data).survey("deep_optical").orElseThrow().tables().stream()
                .filter(table -> table.table().name().equals("best_neighbour_near_infrared")).findFirst().orElseThrow();
        assertThat(published.rowCount()).isEqualTo(single.size());
    }

    @Test
    void properMotionsAreAppliedAsOnOneMachine() {
        SparkSession spark = TestSpark.session();
        BestNeighbourTables.build(data, "astrometric", "deep_optical", 1.0);
        Map<String, String> single = rows(spark, data.resolve("astrometric/best_neighbour_deep_optical"), "source_id");
        Path output = data.resolve("spark-astrometric");
        SparkNeighbours.build(spark, data.toString(), "astrometric", "deep_optical", 1.0, Optional.of(output.toString()));
        assertThat(rows(spark, output, "source_id")).isEqualTo(single).isNotEmpty();
        assertThat(single.values()).allMatch(row -> (Integer.parseInt(row.substring(row.lastIndexOf(' ') + 1)) & 8) != 0);
    }

    /** Source id to "neighbour distance neighbours mates flag". */
    private static Map<String, String> rows(SparkSession spark, Path catalogue, String idColumn) {
        Map<String, String> rows = new HashMap<>();
        for (Row row : HatsDataFrames.read(spark, catalogue.toString())
                .select(idColumn, "neighbour_id", "angular_distance", "number_of_neighbours", "number_of_mates", "xm_flag").collectAsList()) {
            rows.put(String.valueOf(row.get(0)), row.get(1) + " " + row.getDouble(2) + " " + row.get(3) + " " + row.get(4) + " " + row.get(5));
        }
        return rows;
    }
}
