package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.sky.healpix.HealpixNested;

/** The catalogues agree with the truth they were made from. */
class CatalogueTruthTest {
    private final TinySky sky = TinySky.get();

    @Test
    void everyDetectedObservationPointsAtACatalogueRow() {
        for (SurveySpec survey : Surveys.all()) {
            String where = "o.survey = '" + survey.name() + "' AND o.status = 'detected'";
            assertThat(sky.count("SELECT count(*) FROM obs o WHERE " + where)).as(survey.name()).isPositive();
            assertThat(sky.count("SELECT count(*) FROM obs o LEFT JOIN cat_" + survey.name() + " c ON c." + survey.idColumn()
                    + " = o.source_id WHERE " + where + " AND c." + survey.idColumn() + " IS NULL")).as(survey.name()).isZero();
        }
    }

    @Test
    void cataloguePositionsAreWithinFiveSigmaOfTheTruePositionAtTheSurveyEpoch() {
        for (SurveySpec survey : Surveys.all()) {
            String sigmaArcsec = switch (survey.style()) {
                case IMAGING -> "c.pos_err";
                case ASTROMETRIC -> "c.ra_error / 1000.0";
                case WIDE -> "c.sigra";
            };
            double dt = survey.epochYear() - EpochPropagation.TRUTH_EPOCH_YEAR;
            String trueDec = "(t.dec + t.pmdec * " + dt + " / 3.6e6)";
            String trueRa = "(t.ra + t.pmra * " + dt + " / 3.6e6 / cos(radians(t.dec)))";
            String dRa = "((((c.ra - " + trueRa + ") + 540) % 360) - 180) * cos(radians(c.dec))";
            String separation = "sqrt(pow(" + dRa + ", 2) + pow(c.dec - " + trueDec + ", 2)) * 3600";
            List<double[]> rows = sky.queryDoubles("SELECT " + separation + " / (" + sigmaArcsec + ") FROM obs o"
                    + " JOIN truth t ON t.true_id = o.true_id"
                    + " JOIN cat_" + survey.name() + " c ON c." + survey.idColumn() + " = o.source_id"
                    + " WHERE o.survey = '" + survey.name() + "' AND o.is_primary AND (c." + survey.flagsColumn() + " & "
                    + QualityFlags.BLENDED + ") = 0 AND o.band = '" + survey.bands().get(survey.referenceBandIndex()).name() + "'");
            assertThat(rows).as(survey.name()).hasSizeGreaterThan(10);
            assertThat(rows).as(survey.name()).allSatisfy(row -> assertThat(row[0]).isLessThan(5.5));
            double meanSquare = rows.stream().mapToDouble(row -> row[0] * row[0]).average().orElseThrow();
            // two axes of unit variance: the squared separation in sigma is chi2 with 2 degrees of freedom (mean 2,
            // standard deviation 2); its mean over n rows is within 4 standard errors of 2
            assertThat(meanSquare).as(survey.name() + " over " + rows.size()).isCloseTo(2.0, within(4 * 2 / Math.sqrt(rows.size())));
        }
    }

    @Test
    void statusColumnsAgreeWithTheTruthAndNullsFollowTheStatus() {
        for (SurveySpec survey : Surveys.all()) {
            for (SurveyBandSpec band : survey.bands()) {
                ColumnNaming naming = survey.naming();
                String status = naming.status(band);
                String join = " FROM obs o JOIN cat_" + survey.name() + " c ON c." + survey.idColumn() + " = o.source_id"
                        + " WHERE o.survey = '" + survey.name() + "' AND o.band = '" + band.name() + "' AND o.is_primary";
                String label = survey.name() + " " + band.name();
                assertThat(sky.count("SELECT count(*)" + join)).as(label).isPositive();
                assertThat(sky.count("SELECT count(*)" + join + " AND c." + status + " <> o.status")).as(label).isZero();
                String mag = ColumnNaming.apply(naming.mag(), band);
                String flux = ColumnNaming.apply(naming.flux(), band);
                String limit = naming.limit(band);
                String table = "cat_" + survey.name();
                assertThat(sky.count("SELECT count(*) FROM " + table + " WHERE (" + status + " = 'detected') <> (" + mag + " IS NOT NULL)"))
                        .as(label).isZero();
                assertThat(sky.count("SELECT count(*) FROM " + table + " WHERE (" + status + " IN ('detected', 'undetected')) <> ("
                        + flux + " IS NOT NULL AND " + limit + " IS NOT NULL)")).as(label).isZero();
            }
        }
    }

    @Test
    void everyRowIsATrueSourceOrARecordedSpuriousDetection() {
        for (SurveySpec survey : Surveys.all()) {
            String table = "cat_" + survey.name();
            long rows = sky.count("SELECT count(*) FROM " + table);
            long fromSources = sky.count("SELECT count(DISTINCT source_id) FROM obs WHERE survey = '" + survey.name() + "'");
            long spurious = sky.count("SELECT count(*) FROM spurious WHERE survey = '" + survey.name() + "'");
            assertThat(fromSources + spurious).as(survey.name()).isEqualTo(rows);
            assertThat(sky.count("SELECT count(*) FROM spurious s JOIN obs o ON o.source_id = s.source_id")).isZero();
            assertThat(sky.count("SELECT count(*) FROM spurious s LEFT JOIN " + table + " c ON c." + survey.idColumn()
                    + " = s.source_id WHERE s.survey = '" + survey.name() + "' AND c." + survey.idColumn() + " IS NULL")).isZero();
            assertThat(sky.count("SELECT count(*) - count(DISTINCT " + survey.idColumn() + ") FROM " + table)).as(survey.name()).isZero();
        }
        assertThat(sky.count("SELECT count(*) FROM spurious")).isPositive();
    }

    @Test
    void magnitudeErrorsAndAstrometricErrorsDescribeTheScatterAroundTheTruth() {
        int bandsChecked = 0;
        for (SurveySpec survey : Surveys.all()) {
            for (SurveyBandSpec band : survey.bands()) {
                String mag = ColumnNaming.apply(survey.naming().mag(), band);
                String error = ColumnNaming.apply(survey.naming().magError(), band);
                List<double[]> pulls = sky.queryDoubles("SELECT (c." + mag + " - t." + band.truthBand().truthColumn() + ") / c." + error
                        + " FROM obs o JOIN truth t USING (true_id) JOIN cat_" + survey.name() + " c ON c." + survey.idColumn() + " = o.source_id"
                        + " WHERE o.survey = '" + survey.name() + "' AND o.band = '" + band.name() + "' AND o.status = 'detected'"
                        + " AND c." + survey.flagsColumn() + " = 0 AND c." + error + " < 0.1");
                if (pulls.size() < 30) {
                    continue;
                }
                // chi2 with 1 degree of freedom: mean 1, standard deviation sqrt(2); 4 standard errors of the mean
                double meanSquare = pulls.stream().mapToDouble(p -> p[0] * p[0]).average().orElseThrow();
                assertThat(meanSquare).as(survey.name() + " " + band.name() + " over " + pulls.size())
                        .isCloseTo(1.0, within(4 * Math.sqrt(2.0 / pulls.size())));
                bandsChecked++;
            }
        }
        assertThat(bandsChecked).isGreaterThanOrEqualTo(4);
        List<double[]> pulls = sky.queryDoubles("SELECT (c.pmra - t.pmra) / c.pmra_error, (c.pmdec - t.pmdec) / c.pmdec_error,"
                + " (c.parallax - t.parallax) / c.parallax_error FROM obs o JOIN truth t USING (true_id)"
                + " JOIN cat_astrometric c ON c.source_id = o.source_id WHERE o.survey = 'astrometric' AND o.band = 'G'");
        assertThat(pulls).hasSizeGreaterThan(20);
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            double meanSquare = pulls.stream().mapToDouble(p -> p[a] * p[a]).average().orElseThrow();
            assertThat(meanSquare).as("astrometric parameter " + axis).isCloseTo(1.0, within(4 * Math.sqrt(2.0 / pulls.size())));
        }
    }

    @Test
    void astrometricIdsEncodeTheirDepth12HealpixCellLikeGaia() {
        List<double[]> rows = sky.queryDoubles("SELECT ra, dec FROM cat_astrometric ORDER BY source_id");
        List<Long> ids = sky.queryLongs("SELECT source_id FROM cat_astrometric ORDER BY source_id");
        assertThat(rows).isNotEmpty();
        for (int r = 0; r < rows.size(); r++) {
            long cell = HealpixNested.hash(12, Math.toRadians(rows.get(r)[0]), Math.toRadians(rows.get(r)[1]));
            assertThat(ids.get(r) / 34_359_738_368L).isEqualTo(cell);
        }
    }

    @Test
    void blendsHaveOnePrimaryAndAsManyTrueSourcesAsComponents() {
        SurveySpec wide = Surveys.all().stream().filter(s -> s.name().equals("wide_infrared")).findFirst().orElseThrow();
        String components = "SELECT c.cntr, c.nb, count(*) AS sources, count(*) FILTER (WHERE o.is_primary) AS primaries,"
                + " c.qual_flags FROM cat_wide_infrared c JOIN obs o ON o.source_id = c.cntr AND o.band = 'W1' GROUP BY ALL";
        assertThat(sky.count("SELECT count(*) FROM (" + components + ") WHERE nb > 1")).isPositive();
        assertThat(sky.count("SELECT count(*) FROM (" + components + ") WHERE nb <> sources OR primaries <> 1"
                + " OR ((qual_flags & " + QualityFlags.BLENDED + ") <> 0) <> (nb > 1)")).isZero();
        assertThat(wide.blendRadiusArcsec()).isPositive();
    }

    @Test
    void undetectedSourcesAreMostlyFainterThanTheLimitAndDetectedOnesMostlyBrighter() {
        for (SurveySpec survey : Surveys.all()) {
            for (SurveyBandSpec band : survey.bands()) {
                String base = " FROM obs o JOIN truth t USING (true_id) WHERE o.survey = '" + survey.name() + "' AND o.band = '"
                        + band.name() + "' AND o.is_primary AND o.source_id IS NULL";
                String trueMag = "t." + band.truthBand().truthColumn();
                long undetected = sky.count("SELECT count(*)" + base + " AND o.status = 'undetected'");
                long undetectedButBright = sky.count("SELECT count(*)" + base + " AND o.status = 'undetected' AND " + trueMag + " < o.maglim - 0.5");
                assertThat(undetected).as(survey.name() + " " + band.name()).isPositive();
                assertThat((double) undetectedButBright / undetected).as(survey.name() + " " + band.name()).isLessThan(0.03);
            }
            String detected = " FROM obs o JOIN truth t USING (true_id) WHERE o.survey = '" + survey.name() + "' AND o.status = 'detected'"
                    + " AND o.is_primary AND o.band = '" + survey.bands().get(survey.referenceBandIndex()).name() + "'";
            String trueMag = "t." + survey.bands().get(survey.referenceBandIndex()).truthBand().truthColumn();
            long all = sky.count("SELECT count(*)" + detected);
            long faint = sky.count("SELECT count(*)" + detected + " AND " + trueMag + " > o.maglim + 1");
            assertThat((double) faint / all).as(survey.name()).isLessThan(0.05);
        }
    }

    @Test
    void flagBitsInUseAreDocumented() {
        for (SurveySpec survey : Surveys.all()) {
            Survey model = SurveyJson.read(new ArchiveLayout(sky.root).surveyFile(survey.name()));
            ColumnDoc flags = model.tables().get(0).column(survey.flagsColumn()).orElseThrow();
            long documented = flags.flags().orElseThrow().bits().stream().mapToLong(bit -> bit.mask()).reduce(0, (a, b) -> a | b);
            long used = sky.count("SELECT coalesce(bit_or(" + survey.flagsColumn() + "), 0) FROM cat_" + survey.name());
            assertThat(used & ~documented).as(survey.name()).isZero();
        }
        long allUsed = 0;
        for (SurveySpec survey : Surveys.all()) {
            allUsed |= sky.count("SELECT coalesce(bit_or(" + survey.flagsColumn() + "), 0) FROM cat_" + survey.name());
        }
        // saturation and bright-star halos need a bright star, which a tiny sky may lack
        long alwaysUsed = QualityFlags.BLENDED | QualityFlags.EDGE_OF_TILE | QualityFlags.SINGLE_BAND_LOW_SN;
        assertThat(allUsed & alwaysUsed).isEqualTo(alwaysUsed);
    }
}
