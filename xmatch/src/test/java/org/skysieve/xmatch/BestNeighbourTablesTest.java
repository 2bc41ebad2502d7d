package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/** A published best-neighbour table holds what matching the whole surveys in memory gives, row by row. */
class BestNeighbourTablesTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(data, 11, SkyScale.TINY, message -> { });
    }

    @Test
    void tableEqualsWholeSurveyMatchAndIsDocumented() {
        BestNeighbourTables.Summary summary = BestNeighbourTables.build(data, "deep_optical", "near_infrared", 1.0);

        PublishedTable published = Archive.open(data).survey("deep_optical").orElseThrow().tables().stream()
                .filter(t -> t.table().name().equals("best_neighbour_near_infrared")).findFirst().orElseThrow();
        assertThat(published.rowCount()).isEqualTo(summary.rows()).isGreaterThan(100);
        assertThat(published.table().column("xm_flag").flatMap(ColumnDoc::flags).orElseThrow().bits()).hasSize(4);

        LoadedTable left = read("deep_optical/sources", "id, ra, dec");
        LoadedTable right = read("near_infrared/sources", "sourceid, ra, dec");
        PositionColumns positions = PositionColumns.of("ra", "dec");
        MatchResult best = SkyMatcher.match(positions.positions(left), positions.positions(right), MatchSpec.of(MatchMode.BEST, 1.0));
        MatchResult mutual = SkyMatcher.match(positions.positions(left), positions.positions(right), MatchSpec.of(MatchMode.SYMMETRIC, 1.0));
        Set<Integer> mutualLeft = new HashSet<>();
        for (int i = 0; i < mutual.size(); i++) {
            mutualLeft.add(mutual.leftRow(i));
        }
        Map<Long, String> expected = new HashMap<>();
        Column leftIds = left.require("id", "id");
        Column rightIds = right.require("sourceid", "id");
        for (int i = 0; i < best.size(); i++) {
            int flag = (mutualLeft.contains(best.leftRow(i)) ? 0 : 1) | (best.candidates(i) > 1 ? 2 : 0) | (best.mates(i) > 0 ? 4 : 0);
            expected.put((long) leftIds.doubleValue(best.leftRow(i)), rightIds.text(best.rightRow(i)) + " " + best.distanceArcsec(i) + " "
                    + best.candidates(i) + " " + best.mates(i) + " " + flag);
        }
        LoadedTable table = read("deep_optical/best_neighbour_near_infrared",
                "id, neighbour_id, angular_distance, number_of_neighbours, number_of_mates, xm_flag");
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            found.put((long) table.columns().get(0).doubleValue(i), table.columns().get(1).text(i) + " " + table.columns().get(2).text(i) + " "
                    + table.columns().get(3).text(i) + " " + table.columns().get(4).text(i) + " " + table.columns().get(5).text(i));
        }
        assertThat(found).isEqualTo(expected);
        assertThat(expected.values()).anyMatch(row -> row.endsWith(" 1") || row.endsWith(" 3") || row.endsWith(" 5") || row.endsWith(" 7"));
    }

    @Test
    void astrometricPositionsAreMovedToTheOtherEpoch() {
        BestNeighbourTables.build(data, "astrometric", "deep_optical", 1.0);
        LoadedTable table = read("astrometric/best_neighbour_deep_optical", "source_id, xm_flag");
        assertThat(table.rowCount()).isPositive();
        for (int i = 0; i < table.rowCount(); i++) {
            assertThat(((long) table.columns().get(1).doubleValue(i)) & 8).isEqualTo(8);
        }
    }

    private static LoadedTable read(String catalogue, String columns) {
        HatsCatalog catalog = HatsCatalog.open(data.resolve(catalogue));
        return TableReader.readSql(catalogue, "SELECT " + columns + " FROM read_parquet(" + catalog.duckDbFileList() + ", hive_partitioning = false)");
    }
}
