package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMapException;
import org.skysieve.catalog.status.StatusMaps;

/**
 * The statuses skysieve gives (from the catalogue for detections, from the maps written by {@code generate} otherwise)
 * against the truth, for every source, survey and band of the tiny sky. Every disagreement must lie within
 * {@link #MARGIN_ARCSEC} of a tile edge or mask circle (the maps' resolution, plus the blends' centroid shifts the
 * truth knows of), and the overall agreement must reach 99.5%.
 */
class StatusMapsTruthTest {
    /** As in {@link CoverageTruthTest}: blended sources take the status of the blend's centroid, up to a few arcsec away. */
    private static final double MARGIN_ARCSEC = 8;
    private final TinySky sky = TinySky.get();

    @Test
    void statusesAgreeWithTheTruth() {
        StatusMaps maps = new StatusMaps(Archive.open(sky.root));
        Map<MissingStatus, int[]> perClass = new EnumMap<>(MissingStatus.class);
        List<String> unexplained = new ArrayList<>();
        int limitsChecked = 0;
        int limitsClose = 0;
        for (SurveySpec survey : Surveys.all()) {
            Footprint footprint = new Footprint(TinySky.SEED, survey, SkyScale.TINY);
            FootprintDescription description = sky.footprint(survey);
            double dt = survey.epochYear() - EpochPropagation.TRUTH_EPOCH_YEAR;
            for (int b = 0; b < survey.bands().size(); b++) {
                String band = survey.bands().get(b).name();
                BandStatusMap map = maps.band(survey.name(), band);
                List<double[]> rows = sky.queryDoubles("SELECT (t.ra + t.pmra * " + dt + " / 3.6e6 / cos(radians(t.dec)) + 360) % 360,"
                        + " t.dec + t.pmdec * " + dt + " / 3.6e6,"
                        + " CASE o.status WHEN 'detected' THEN 0 WHEN 'undetected' THEN 1 WHEN 'masked' THEN 2 ELSE 3 END,"
                        + " o.source_id, o.maglim"
                        + " FROM obs o JOIN truth t USING (true_id) WHERE o.survey = '" + survey.name() + "' AND o.band = '" + band + "'");
                double[] ra = rows.stream().mapToDouble(row -> row[0]).toArray();
                double[] dec = rows.stream().mapToDouble(row -> row[1]).toArray();
                CoverageStatus[] statuses = map.statuses(ra, dec);
                double[] limits = map.limitMags(ra, dec);
                for (int i = 0; i < rows.size(); i++) {
                    MissingStatus truth = MissingStatus.values()[(int) rows.get(i)[2]];
                    MissingStatus given = switch (statuses[i]) {
                        case OBSERVED -> truth == MissingStatus.DETECTED && !Double.isNaN(rows.get(i)[3])
                                ? MissingStatus.DETECTED : MissingStatus.UNDETECTED;
                        case MASKED -> MissingStatus.MASKED;
                        case UNOBSERVED -> MissingStatus.UNOBSERVED;
                    };
                    int[] counts = perClass.computeIfAbsent(truth, status -> new int[2]);
                    counts[0]++;
                    if (given == truth) {
                        counts[1]++;
                    } else {
                        double distance = distanceToEdgesArcsec(description, ra[i], dec[i]);
                        if (distance > MARGIN_ARCSEC) {
                            unexplained.add(String.format(Locale.ROOT, "%s %s at (%.6f, %.6f): truth %s, given %s, %.1f arcsec from any edge",
                                    survey.name(), band, ra[i], dec[i], truth.word(), given.word(), distance));
                        }
                    }
                    if (given == truth && truth == MissingStatus.UNDETECTED) {
                        limitsChecked++;
                        // the depth map's cells average over the shallow strip along tile edges: 0.15 mag there
                        if (Math.abs(limits[i] - rows.get(i)[4]) < 0.02) {
                            limitsClose++;
                        }
                        assertThat(limits[i]).isCloseTo(rows.get(i)[4], org.assertj.core.data.Offset.offset(Footprint.EDGE_PENALTY_MAG + 0.05));
                    }
                }
            }
            assertThat(footprint.tiles()).isNotEmpty();
        }
        long total = perClass.values().stream().mapToLong(counts -> counts[0]).sum();
        long agreeing = perClass.values().stream().mapToLong(counts -> counts[1]).sum();
        StringBuilder report = new StringBuilder();
        perClass.forEach((status, counts) -> report.append(String.format(Locale.ROOT, "%s %d/%d (%.3f%%); ",
                status.word(), counts[1], counts[0], 100.0 * counts[1] / counts[0])));
        System.out.printf(Locale.ROOT, "Status agreement with the truth (tiny sky): %s overall %d/%d (%.3f%%); limits within 0.02 mag %d/%d%n",
                report, agreeing, total, 100.0 * agreeing / total, limitsClose, limitsChecked);
        assertThat(unexplained).isEmpty();
        assertThat((double) agreeing / total).as(report.toString()).isGreaterThanOrEqualTo(0.995);
        assertThat(perClass.keySet()).containsExactlyInAnyOrder(MissingStatus.values());
        assertThat((double) limitsClose / limitsChecked).isGreaterThan(0.9);
    }

    @Test
    void specialPositions() {
        StatusMaps maps = new StatusMaps(Archive.open(sky.root));
        SurveySpec survey = Surveys.all().get(0);
        FootprintDescription description = sky.footprint(survey);
        String band = description.tiles().get(0).bands().get(0).band();
        BandStatusMap map = maps.band(survey.name(), band);
        FootprintDescription.TileDescription tile = description.tiles().get(0);
        double halfRaDeg = tile.sizeDeg() / 2 / Math.cos(Math.toRadians(tile.decCentreDeg()));
        // exactly on the north edge: the simulation counts the edge in (edge distance 0 is inside)
        double northDec = tile.decCentreDeg() + tile.sizeDeg() / 2;
        assertThat(map.status(tile.raCentreDeg(), northDec - 1e-4)).isEqualTo(CoverageStatus.OBSERVED);
        assertThat(map.status(tile.raCentreDeg(), northDec + 0.002)).isNotEqualTo(CoverageStatus.OBSERVED);
        assertThat(map.status(tile.raCentreDeg(), northDec)).isIn(CoverageStatus.OBSERVED, CoverageStatus.UNOBSERVED);
        assertThat(map.status((tile.raCentreDeg() + halfRaDeg * 0.999 + 360) % 360, tile.decCentreDeg())).isEqualTo(CoverageStatus.OBSERVED);
        // a mask inside the coverage: its centre is masked
        MaskCircle inside = description.masks().stream()
                .filter(mask -> map.coverage().containsPoint(mask.raDeg(), mask.decDeg()) && mask.radiusArcsec() > 2)
                .findFirst().orElseThrow();
        assertThat(map.status(inside.raDeg(), inside.decDeg())).isEqualTo(CoverageStatus.MASKED);
        assertThat(map.maskReason(inside.raDeg(), inside.decDeg())).isPresent();
        assertThat(map.limitMag(inside.raDeg(), inside.decDeg())).isFinite();
        // the poles and RA 0/360: unobserved (far from the tiny sky), and the same answer at 0 and 360
        assertThat(map.status(0, 90)).isEqualTo(CoverageStatus.UNOBSERVED);
        assertThat(map.status(123, -90)).isEqualTo(CoverageStatus.UNOBSERVED);
        assertThat(map.limitMag(0, 90)).isNaN();
        int observedOnRaZero = 0;
        for (double decDeg = -10.1; decDeg <= -9.9; decDeg += 0.001) {
            observedOnRaZero += map.status(0, decDeg) == CoverageStatus.OBSERVED ? 1 : 0;
            assertThat(map.status(360, decDeg)).as("RA 360 Dec %f", decDeg).isEqualTo(map.status(0, decDeg));
            assertThat(Double.doubleToLongBits(map.limitMag(360, decDeg))).isEqualTo(Double.doubleToLongBits(map.limitMag(0, decDeg)));
        }
        assertThat(observedOnRaZero).as("the tiny sky straddles RA 0").isPositive();
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        StatusMaps maps = new StatusMaps(Archive.open(sky.root));
        assertThatThrownBy(() -> maps.band("no_such_survey", "r")).isInstanceOf(StatusMapException.class)
                .hasMessageContaining("Unknown survey 'no_such_survey'. Expected one of [")
                .satisfies(e -> assertThat(((StatusMapException) e).category()).isEqualTo(StatusMapException.Category.NOT_FOUND));
        assertThatThrownBy(() -> maps.band("deep_optical", "K")).hasMessage("Unknown band 'K' of survey deep_optical. Expected one of [u, g, r, i]");
        BandStatusMap map = maps.band("deep_optical", "r");
        assertThatThrownBy(() -> map.status(0, 91)).hasMessage("Expected decDeg in [-90, 90]. Actual: 91.0");
        assertThatThrownBy(() -> map.statuses(new double[] {1, 2, Double.NaN}, new double[] {0, 0, 0}))
                .hasMessage("Expected raDeg in [0, 360] at index 2. Actual: NaN")
                .satisfies(e -> assertThat(((StatusMapException) e).category()).isEqualTo(StatusMapException.Category.BAD_INPUT));
        assertThatThrownBy(() -> map.limitMags(new double[2], new double[3])).hasMessageContaining("2 raDeg, 3 decDeg");
    }

    /** Distance from the point to the nearest tile edge or mask circle, arcsec (the surveys' flat local coordinates). */
    private static double distanceToEdgesArcsec(FootprintDescription footprint, double raDeg, double decDeg) {
        double nearest = Double.MAX_VALUE;
        for (FootprintDescription.TileDescription tile : footprint.tiles()) {
            nearest = Math.min(nearest, Math.abs(FootprintMaps.edgeDistanceDeg(tile, raDeg, decDeg)) * 3600);
        }
        for (MaskCircle circle : footprint.masks()) {
            nearest = Math.min(nearest, Math.abs(MaskIndex.separationArcsec(circle, raDeg, decDeg) - circle.radiusArcsec()));
        }
        return nearest;
    }
}
