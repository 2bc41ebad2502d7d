package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * On a generated sky, best matches between two surveys recover the links the truth records (the same true source
 * detected by both), and propagating the astrometric survey's proper motions to the other survey's epoch matters.
 */
class SyntheticTruthTest {
    @TempDir
    static Path sky;
    static LoadedTable astrometric;
    static LoadedTable optical;
    /** astrometric source_id -> deep_optical id, for true sources that became a primary row in both. */
    static Map<Long, Long> truthLinks = new HashMap<>();

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(sky, 7, SkyScale.TINY, message -> { });
        astrometric = read("astrometric/source", "source_id, ra, dec, pmra, pmdec");
        optical = read("deep_optical/sources", "id, ra, dec");
        String observations = SqlText.literal(sky.resolve("truth/observations.parquet").toString());
        LoadedTable links = TableReader.readSql("truth", "SELECT DISTINCT a.source_id AS astrometric_id, o.source_id AS optical_id"
                + " FROM read_parquet(" + observations + ") a JOIN read_parquet(" + observations + ") o USING (true_id)"
                + " WHERE a.survey = 'astrometric' AND o.survey = 'deep_optical' AND a.status = 'detected' AND o.status = 'detected'"
                + " AND a.is_primary AND o.is_primary AND a.source_id IS NOT NULL AND o.source_id IS NOT NULL");
        long[] astrometricIds = ((Column.LongColumn) links.columns().get(0)).values();
        long[] opticalIds = ((Column.LongColumn) links.columns().get(1)).values();
        for (int i = 0; i < astrometricIds.length; i++) {
            truthLinks.put(astrometricIds[i], opticalIds[i]);
        }
    }

    @Test
    void bestMatchesRecoverTheTruthLinksWithProperMotion() {
        PositionColumns moved = PositionColumns.of("ra", "dec")
                .withProperMotion(new PositionColumns.ProperMotionColumns("pmra", "pmdec", 2016.0), 2014.2);
        // stars move up to ~50 mas/yr: over the 1.8 years between the epochs, enough to leave a 50 mas circle
        double withMotion = recovered(moved, 0.05);
        double withoutMotion = recovered(PositionColumns.of("ra", "dec"), 0.05);

        assertThat(truthLinks).hasSizeGreaterThan(20);
        assertThat(recovered(moved, 1.0)).isEqualTo(1.0);
        assertThat(withMotion).isGreaterThanOrEqualTo(0.97);
        assertThat(withoutMotion).isLessThan(withMotion - 0.05);
    }

    private static double recovered(PositionColumns astrometricPositions, double radiusArcsec) {
        MatchResult result = SkyMatcher.match(astrometricPositions.positions(astrometric), PositionColumns.of("ra", "dec").positions(optical),
                MatchSpec.of(MatchMode.BEST, radiusArcsec));
        long[] astrometricIds = ((Column.LongColumn) astrometric.require("source_id", "id")).values();
        long[] opticalIds = ((Column.LongColumn) optical.require("id", "id")).values();
        int correct = 0;
        for (int i = 0; i < result.size(); i++) {
            Long expected = truthLinks.get(astrometricIds[result.leftRow(i)]);
            if (expected != null && expected == opticalIds[result.rightRow(i)]) {
                correct++;
            }
        }
        return (double) correct / truthLinks.size();
    }

    private static LoadedTable read(String catalogue, String columns) {
        HatsCatalog catalog = HatsCatalog.open(sky.resolve(catalogue));
        return TableReader.readSql(catalogue, "SELECT " + columns + " FROM read_parquet(" + catalog.duckDbFileList() + ", hive_partitioning = false)");
    }

}
