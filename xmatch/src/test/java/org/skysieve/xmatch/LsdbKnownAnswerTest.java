package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.testing.SharedTestData;

/** lsdb's known cross-match answers between small_sky and small_sky_xmatch (nearest within the radius, degrees). */
class LsdbKnownAnswerTest {
    @ParameterizedTest(name = "radius {0} deg")
    @CsvSource({"0.01, xmatch_correct.csv, 103", "0.005, xmatch_correct_0_005.csv, 36"})
    void reproducesLsdbPairsAndDistances(double radiusDeg, String expectedFile, int expectedPairs) throws IOException {
        Path lsdb = SharedTestData.folder("hats/lsdb");
        LoadedTable left = load(HatsCatalog.open(lsdb.resolve("small_sky")));
        LoadedTable right = load(HatsCatalog.open(lsdb.resolve("small_sky_xmatch")));
        Map<Long, long[]> expected = new HashMap<>();
        Map<Long, Double> expectedDistanceDeg = new HashMap<>();
        List<String> lines = Files.readAllLines(lsdb.resolve("expected").resolve(expectedFile));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long leftId = Long.parseLong(fields[1]);
            expected.put(leftId, new long[] {(long) Double.parseDouble(fields[2])});
            expectedDistanceDeg.put(leftId, Double.parseDouble(fields[3]));
        }
        assertThat(expected).hasSize(expectedPairs);

        MatchResult result = SkyMatcher.match(positions(left), positions(right), MatchSpec.of(MatchMode.BEST, radiusDeg * 3600));

        long[] leftIds = ((Column.LongColumn) left.require("id", "id")).values();
        long[] rightIds = ((Column.LongColumn) right.require("id", "id")).values();
        assertThat(result.size()).isEqualTo(expectedPairs);
        for (int i = 0; i < result.size(); i++) {
            long leftId = leftIds[result.leftRow(i)];
            assertThat(expected).containsKey(leftId);
            assertThat(rightIds[result.rightRow(i)]).as("match of %d", leftId).isEqualTo(expected.get(leftId)[0]);
            assertThat(result.distanceArcsec(i) / 3600).isCloseTo(expectedDistanceDeg.get(leftId), within(1e-10));
        }
    }

    static LoadedTable load(HatsCatalog catalog) {
        return TableReader.readSql(catalog.name(), "SELECT id, ra, dec FROM read_parquet(" + catalog.duckDbFileList()
                + ", hive_partitioning = false)");
    }

    static SkyPositions positions(LoadedTable table) {
        return SkyPositions.ofDegrees(LoadedTable.doubles(table.require("ra", "ra")), LoadedTable.doubles(table.require("dec", "dec")));
    }
}
