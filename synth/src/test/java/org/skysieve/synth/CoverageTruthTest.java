package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.model.MissingStatus;

/**
 * The truth statuses agree with the footprint description written beside each survey: detected and undetected
 * sources lie on a tile observed in the band and outside every mask, masked ones inside a mask, unobserved ones
 * off the band's tiles. Checked independently of the simulator's look-ups, by brute force over the described tiles
 * and circles; sources within {@value #MARGIN_ARCSEC} arcsec of a tile edge or mask edge are skipped (blend centroids
 * and proper motion move positions by up to a few arcsec).
 */
class CoverageTruthTest {
    private static final double MARGIN_ARCSEC = 8;
    private final TinySky sky = TinySky.get();

    @Test
    void statusesAgreeWithTilesAndMasks() {
        for (SurveySpec survey : Surveys.all()) {
            FootprintDescription footprint = sky.footprint(survey);
            double dt = survey.epochYear() - EpochPropagation.TRUTH_EPOCH_YEAR;
            for (int b = 0; b < survey.bands().size(); b++) {
                String band = survey.bands().get(b).name();
                List<double[]> rows = sky.queryDoubles("SELECT t.ra + t.pmra * " + dt + " / 3.6e6 / cos(radians(t.dec)),"
                        + " t.dec + t.pmdec * " + dt + " / 3.6e6,"
                        + " CASE o.status WHEN 'detected' THEN 0 WHEN 'undetected' THEN 1 WHEN 'masked' THEN 2 ELSE 3 END"
                        + " FROM obs o JOIN truth t USING (true_id) WHERE o.survey = '" + survey.name() + "' AND o.band = '" + band + "'");
                Map<MissingStatus, Integer> checked = new EnumMap<>(MissingStatus.class);
                for (double[] row : rows) {
                    MissingStatus status = MissingStatus.values()[(int) row[2]];
                    double tileDistance = distanceIntoBandTilesArcsec(footprint, band, row[0], row[1]);
                    double maskDistance = distanceIntoMasksArcsec(footprint, row[0], row[1]);
                    String label = survey.name() + " " + band + " " + status + " at " + row[0] + ", " + row[1];
                    switch (status) {
                        case DETECTED, UNDETECTED -> {
                            if (tileDistance > MARGIN_ARCSEC && maskDistance < -MARGIN_ARCSEC) {
                                checked.merge(status, 1, Integer::sum);
                            }
                            assertThat(tileDistance).as(label).isGreaterThan(-MARGIN_ARCSEC);
                            assertThat(maskDistance).as(label).isLessThan(MARGIN_ARCSEC);
                        }
                        case MASKED -> {
                            checked.merge(status, 1, Integer::sum);
                            assertThat(tileDistance).as(label).isGreaterThan(-MARGIN_ARCSEC);
                            assertThat(maskDistance).as(label).isGreaterThan(-MARGIN_ARCSEC);
                        }
                        case UNOBSERVED -> {
                            checked.merge(status, 1, Integer::sum);
                            assertThat(tileDistance).as(label).isLessThan(MARGIN_ARCSEC);
                        }
                        default -> throw new IllegalStateException();
                    }
                }
                assertThat(checked.getOrDefault(MissingStatus.UNDETECTED, 0)).as(survey.name() + " " + band).isPositive();
            }
        }
    }

    @Test
    void imagingSurveysHaveGapsMaskedSourcesAndBandsWithLessCoverage() {
        for (String survey : List.of("deep_optical", "near_infrared", "wide_infrared")) {
            assertThat(sky.count("SELECT count(*) FROM obs WHERE survey = '" + survey + "' AND status = 'unobserved'")).as(survey).isPositive();
            assertThat(sky.count("SELECT count(*) FROM obs WHERE survey = '" + survey + "' AND status = 'masked'")).as(survey).isPositive();
        }
        List<Long> unobservedPerBand = sky.queryLongs("SELECT count(*) FILTER (WHERE status = 'unobserved') FROM obs"
                + " WHERE survey = 'deep_optical' GROUP BY band ORDER BY 1");
        assertThat(unobservedPerBand.get(unobservedPerBand.size() - 1)).isGreaterThan(unobservedPerBand.get(0));
    }

    /** Distance from the point into the nearest tile observing {@code band}: positive inside, negative outside. */
    private static double distanceIntoBandTilesArcsec(FootprintDescription footprint, String band, double raDeg, double decDeg) {
        double best = Double.NEGATIVE_INFINITY;
        for (FootprintDescription.TileDescription tile : footprint.tiles()) {
            if (tile.bands().stream().noneMatch(b -> b.band().equals(band))) {
                continue;
            }
            double cosDec = Math.cos(Math.toRadians(tile.decCentreDeg()));
            double dx = Math.abs(((raDeg - tile.raCentreDeg()) % 360 + 540) % 360 - 180) * cosDec;
            double dy = Math.abs(decDeg - tile.decCentreDeg());
            best = Math.max(best, Math.min(tile.sizeDeg() / 2 - dx, tile.sizeDeg() / 2 - dy) * 3600);
        }
        return best;
    }

    /** Distance from the point into the nearest mask: positive inside a mask, negative outside all. */
    private static double distanceIntoMasksArcsec(FootprintDescription footprint, double raDeg, double decDeg) {
        double best = Double.NEGATIVE_INFINITY;
        for (MaskCircle circle : footprint.masks()) {
            double cosDec = Math.cos(Math.toRadians(circle.decDeg()));
            double dx = (((raDeg - circle.raDeg()) % 360 + 540) % 360 - 180) * cosDec;
            double dy = decDeg - circle.decDeg();
            best = Math.max(best, circle.radiusArcsec() - Math.hypot(dx, dy) * 3600);
        }
        return best;
    }
}
