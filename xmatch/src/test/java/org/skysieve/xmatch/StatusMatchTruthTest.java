package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * {@code xmatch --status} on a generated sky: every true source (at its true position) matched against a survey keeps its
 * row, and the status it gets per band (the counterpart's own, or the survey's maps at the true position when it has no
 * counterpart) agrees with the truth the generator wrote, per status class. Unmatched sources in unobserved regions say
 * {@code unobserved}, in masks {@code masked}, elsewhere {@code undetected} with the depth map's limit.
 */
class StatusMatchTruthTest {
    private static final String SURVEY = "deep_optical";
    private static final List<String> BANDS = List.of("u", "g", "r", "i");

    @TempDir
    static Path temp;
    static Path sky;
    static LoadedTable output;
    /** true_id -> band -> truth status. */
    static Map<Long, Map<String, MissingStatus>> truth = new HashMap<>();

    @BeforeAll
    static void matchTheTruth() {
        sky = temp.resolve("sky");
        SkyGenerator.generate(sky, 11, SkyScale.TINY, message -> { });
        String sources = SqlText.literal(sky.resolve("truth/sources.parquet").toString());
        String observations = SqlText.literal(sky.resolve("truth/observations.parquet").toString());
        LoadedTable left = TableReader.readSql("truth", "SELECT true_id, ra, dec FROM read_parquet(" + sources + ") ORDER BY true_id");
        LoadedTable statuses = TableReader.readSql("truth", "SELECT true_id, band, status FROM read_parquet(" + observations + ")"
                + " WHERE survey = '" + SURVEY + "'");
        long[] ids = ((Column.LongColumn) statuses.require("true_id", "id")).values();
        for (int i = 0; i < ids.length; i++) {
            truth.computeIfAbsent(ids[i], id -> new HashMap<>()).put(statuses.require("band", "band").text(i),
                    MissingStatus.fromWord(statuses.require("status", "status").text(i)));
        }
        MatchInputs.ResolvedSide survey = MatchInputs.resolve("survey:" + SURVEY, Optional.of(sky), Optional.empty());
        PositionColumns positions = PositionColumns.of("ra", "dec");
        Path out = temp.resolve("status.csv");
        SurveyStatusFill fill = SurveyStatusFill.of(Archive.open(sky), SURVEY);
        long rows = StatusMatch.run(new MemorySide(left, positions), positions, List.of("true_id", "ra", "dec"), survey.rows(),
                survey.positions(), List.of("id"), SURVEY, fill, MatchSpec.of(MatchMode.BEST, 1.0), out);
        ((HatsSide) survey.rows()).close();
        assertThat(rows).isEqualTo(left.rowCount());
        output = TableReader.read(out);
    }

    @Test
    void everySourceKeepsItsRowAndItsStatusAgreesWithTheTruth() {
        assertThat(output.columns().stream().map(Column::name).toList()).startsWith("true_id", "ra", "dec", SURVEY + "_id",
                SURVEY + "_separation_arcsec", SURVEY + "_candidates", SURVEY + "_mag_u_status", SURVEY + "_mag_u_limit");
        long[] ids = ((Column.LongColumn) output.require("true_id", "id")).values();
        Column separation = output.require(SURVEY + "_separation_arcsec", "separation");
        Map<MissingStatus, int[]> perClass = new EnumMap<>(MissingStatus.class);
        Map<MissingStatus, int[]> unmatchedPerClass = new EnumMap<>(MissingStatus.class);
        for (String band : BANDS) {
            Column status = output.require(SURVEY + "_mag_" + band + "_status", "status");
            Column limit = output.require(SURVEY + "_mag_" + band + "_limit", "limit");
            for (int row = 0; row < ids.length; row++) {
                MissingStatus expected = truth.get(ids[row]).get(band);
                MissingStatus given = MissingStatus.fromWord(status.text(row));
                boolean unmatched = Double.isNaN(separation.doubleValue(row));
                for (Map<MissingStatus, int[]> counts : unmatched ? List.of(perClass, unmatchedPerClass) : List.of(perClass)) {
                    int[] count = counts.computeIfAbsent(expected, key -> new int[2]);
                    count[0] += given == expected ? 1 : 0;
                    count[1]++;
                }
                if (unmatched) {
                    assertThat(given).as("an unmatched source is never detected").isNotEqualTo(MissingStatus.DETECTED);
                }
                boolean observed = given == MissingStatus.DETECTED || given == MissingStatus.UNDETECTED;
                assertThat(Double.isNaN(limit.doubleValue(row))).as("row %d band %s: a limit where observed", row, band).isEqualTo(!observed);
            }
        }
        StringBuilder report = new StringBuilder("xmatch --status against the truth (tiny sky, " + SURVEY + ", 1 arcsec):");
        perClass.forEach((status, count) -> report.append(' ').append(status.word()).append(' ').append(count[0]).append('/').append(count[1]));
        report.append("; unmatched rows only:");
        unmatchedPerClass.forEach((status, count) -> report.append(' ').append(status.word()).append(' ').append(count[0]).append('/')
                .append(count[1]));
        System.out.println(report);
        assertThat(unmatchedPerClass.keySet()).contains(MissingStatus.UNDETECTED, MissingStatus.MASKED, MissingStatus.UNOBSERVED);
        for (Map.Entry<MissingStatus, int[]> entry : perClass.entrySet()) {
            double agreement = (double) entry.getValue()[0] / entry.getValue()[1];
            assertThat(agreement).as("%s: %d of %d", entry.getKey(), entry.getValue()[0], entry.getValue()[1]).isGreaterThanOrEqualTo(0.98);
        }
        for (Map.Entry<MissingStatus, int[]> entry : unmatchedPerClass.entrySet()) {
            double agreement = (double) entry.getValue()[0] / entry.getValue()[1];
            assertThat(agreement).as("unmatched %s: %d of %d", entry.getKey(), entry.getValue()[0], entry.getValue()[1])
                    .isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void unmatchedRowsTakeTheMapsAtTheLeftPosition() {
        StatusMaps maps = new StatusMaps(Archive.open(sky));
        double[] raDeg = LoadedTable.doubles(output.require("ra", "ra"));
        double[] decDeg = LoadedTable.doubles(output.require("dec", "dec"));
        Column separation = output.require(SURVEY + "_separation_arcsec", "separation");
        int checked = 0;
        for (String band : BANDS) {
            BandStatusMap map = maps.band(SURVEY, band);
            Column status = output.require(SURVEY + "_mag_" + band + "_status", "status");
            Column limit = output.require(SURVEY + "_mag_" + band + "_limit", "limit");
            for (int row = 0; row < raDeg.length; row++) {
                if (!Double.isNaN(separation.doubleValue(row))) {
                    continue;
                }
                CoverageStatus coverage = map.status(raDeg[row], decDeg[row]);
                String expected = switch (coverage) {
                    case OBSERVED -> "undetected";
                    case MASKED -> "masked";
                    case UNOBSERVED -> "unobserved";
                };
                assertThat(status.text(row)).isEqualTo(expected);
                double expectedLimit = coverage == CoverageStatus.OBSERVED ? map.limitMag(raDeg[row], decDeg[row]) : Double.NaN;
                assertThat(limit.doubleValue(row)).isEqualTo(expectedLimit, org.assertj.core.data.Offset.offset(1e-6));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void statusNeedsBestModeAndASurveyWithMaps() {
        assertThatThrownBy(() -> SurveyStatusFill.of(Archive.open(sky), "nowhere")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Actual: nowhere");
        LoadedTable left = new LoadedTable("one", List.of(new Column.DoubleColumn("ra", new double[] {1}),
                new Column.DoubleColumn("dec", new double[] {1})));
        PositionColumns positions = PositionColumns.of("ra", "dec");
        assertThatThrownBy(() -> StatusMatch.run(new MemorySide(left, positions), positions, List.of("ra"), new MemorySide(left, positions),
                positions, List.of("ra"), SURVEY, SurveyStatusFill.of(Archive.open(sky), SURVEY), MatchSpec.of(MatchMode.ALL, 1.0),
                temp.resolve("x.csv"))).hasMessageContaining("Expected --find best with status columns");
    }
}
