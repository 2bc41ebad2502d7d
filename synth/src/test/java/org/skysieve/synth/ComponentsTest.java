package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulator's pieces, each against an independent computation. */
class ComponentsTest {

    @Test
    void sampledMagnitudesFollowTheCounts() {
        MagnitudeCounts counts = new MagnitudeCounts(new double[] {18, 22, 25}, new double[] {2.0, 3.6, 4.5});
        SplittableRandom random = new SplittableRandom(1);
        int samples = 200_000;
        int[] histogram = new int[6];
        for (int s = 0; s < samples; s++) {
            double mag = counts.sample(random, 19, 25);
            assertThat(mag).isBetween(19.0, 25.0);
            histogram[(int) (mag - 19)]++;
        }
        double total = counts.perSquareDeg(19, 25);
        for (int bin = 0; bin < histogram.length; bin++) {
            double expected = samples * counts.perSquareDeg(19 + bin, 20 + bin) / total;
            assertThat((double) histogram[bin]).as("bin " + bin).isCloseTo(expected, within(4 * Math.sqrt(expected) + 1));
        }
        // log-linear between knots: dN/dm = 10^(2 + 0.4 (m - 18)) below 22, so N(19..20) = integral in closed form
        double slope = 0.4 * Math.log(10);
        double exact = (Math.pow(10, 2 + 0.4 * 2) - Math.pow(10, 2 + 0.4)) / slope;
        assertThat(counts.perSquareDeg(19, 20)).isCloseTo(exact, within(exact * 1e-4));
    }

    @Test
    void designationsTruncateSexagesimalPositions() {
        // 0.119238710895047 deg = 0h 0m 28.6173 s; -9.994126446142408 deg = -9d 59' 38.855"
        assertThat(Designations.iau("DOS", 0.119238710895047, -9.994126446142408)).isEqualTo("DOS J000028.61-095938.8");
        assertThat(Designations.iau("X", 359.99999, 0.00001)).isEqualTo("X J235959.99+000000.0");
        assertThat(Designations.iau("X", 187.5, -0.5)).isEqualTo("X J123000.00-003000.0");
    }

    @Test
    void spectralShapesGiveTheExpectedColours() {
        double[] hot = SpectralModel.starOffsets(10_000);
        double[] cool = SpectralModel.starOffsets(3_000);
        // Rayleigh-Jeans tail: f_nu ~ lambda^-2, so W1-W2 = 5 log10(3.4 / 4.6) in the hot limit
        double[] veryHot = SpectralModel.starOffsets(1e6);
        assertThat(veryHot[Passband.W1.ordinal()] - veryHot[Passband.W2.ordinal()]).isCloseTo(5 * Math.log10(3.4 / 4.6), within(0.01));
        assertThat(cool[Passband.G.ordinal()]).isGreaterThan(hot[Passband.G.ordinal()]);
        assertThat(hot[Passband.R.ordinal()]).isZero();
        // quasar power law f_nu ~ lambda^0.5 redward of Lyman alpha
        double[] quasar = SpectralModel.quasarOffsets(1.0);
        assertThat(quasar[Passband.W1.ordinal()] - quasar[Passband.W2.ordinal()]).isCloseTo(-1.25 * Math.log10(3.4 / 4.6), within(1e-9));
        double[] elliptical = SpectralModel.galaxyOffsets(SpectralModel.GalaxyType.ELLIPTICAL, 0, 0, 0.1);
        double[] starburst = SpectralModel.galaxyOffsets(SpectralModel.GalaxyType.STARBURST, 0, 0, 0.1);
        assertThat(elliptical[Passband.U.ordinal()] - elliptical[Passband.G.ordinal()])
                .isGreaterThan(starburst[Passband.U.ordinal()] - starburst[Passband.G.ordinal()] + 0.8);
    }

    @Test
    void tileLookUpAgreesWithBruteForceAcrossRaZero() {
        for (SurveySpec survey : Surveys.all()) {
            Footprint footprint = new Footprint(7, survey, SkyScale.SMALL);
            List<Tile> tiles = footprint.tiles();
            assertThat(tiles).isNotEmpty();
            SkyRegion region = SkyScale.SMALL.region();
            SkyChunk whole = new SkyChunk(0, region, -region.raHalfWidthDeg(), region.raHalfWidthDeg(), region.decMinDeg(), region.decMaxDeg());
            SplittableRandom random = new SplittableRandom(3);
            int inside = 0;
            for (int p = 0; p < 20_000; p++) {
                double[] point = whole.randomPoint(random);
                Tile expected = null;
                for (Tile tile : tiles) {
                    if (tile.edgeDistanceDeg(point[0], point[1]) >= 0) {
                        expected = tile;
                    }
                }
                assertThat(footprint.tileAt(point[0], point[1])).as(survey.name() + " at " + point[0] + ", " + point[1]).isSameAs(expected);
                inside += expected == null ? 0 : 1;
            }
            assertThat(inside).as(survey.name()).isGreaterThan(10_000);
            if (survey.tiling().gapDeg() > 0) {
                assertThat(inside).as(survey.name()).isLessThan(20_000);
            }
        }
    }

    @Test
    void maskLookUpAgreesWithBruteForce() {
        SplittableRandom random = new SplittableRandom(5);
        List<MaskCircle> circles = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            circles.add(new MaskCircle((random.nextDouble() - 0.5 + 360) % 360, -10 + random.nextDouble() - 0.5,
                    2 + 200 * random.nextDouble() * random.nextDouble(), c % 3 == 0 ? MaskCircle.BAD_REGION : MaskCircle.BRIGHT_STAR));
        }
        MaskIndex index = new MaskIndex(circles);
        int insideCount = 0;
        for (int p = 0; p < 50_000; p++) {
            double ra = (random.nextDouble() - 0.5 + 360) % 360;
            double dec = -10 + random.nextDouble() - 0.5;
            MaskIndex.State expected = MaskIndex.State.CLEAR;
            for (MaskCircle circle : circles) {
                double separation = MaskIndex.separationArcsec(circle, ra, dec);
                if (separation <= circle.radiusArcsec()) {
                    expected = MaskIndex.State.INSIDE;
                } else if (expected == MaskIndex.State.CLEAR && separation <= 2 * circle.radiusArcsec()
                        && circle.reason().equals(MaskCircle.BRIGHT_STAR)) {
                    expected = MaskIndex.State.NEAR_BRIGHT_STAR;
                }
            }
            assertThat(index.stateAt(ra, dec)).as(ra + ", " + dec).isEqualTo(expected);
            insideCount += expected == MaskIndex.State.INSIDE ? 1 : 0;
        }
        assertThat(insideCount).isPositive();
    }

    @Test
    void blendGroupsJoinOnlySourcesCloserThanTheRadiusToABrighterPrimary() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 3000;
        double[] ra = new double[n];
        double[] dec = new double[n];
        float[] mag = new float[n];
        for (int i = 0; i < n; i++) {
            ra[i] = (random.nextDouble() * 0.05 - 0.025 + 360) % 360;
            dec[i] = -10 + random.nextDouble() * 0.05;
            mag[i] = (float) (14 + 8 * random.nextDouble());
        }
        double radiusArcsec = 6;
        int[] primaryOf = Blender.group(ra, dec, mag, 21, radiusArcsec);
        int secondaries = 0;
        for (int i = 0; i < n; i++) {
            int p = primaryOf[i];
            assertThat(primaryOf[p]).isEqualTo(p);
            if (p != i) {
                secondaries++;
                assertThat(mag[i]).isLessThan(21f).isGreaterThanOrEqualTo(mag[p]);
                assertThat(separationArcsec(ra, dec, i, p)).isLessThan(radiusArcsec);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (primaryOf[i] == i && primaryOf[j] == j && mag[i] < 21 && mag[j] < 21) {
                    assertThat(separationArcsec(ra, dec, i, j)).isGreaterThanOrEqualTo(radiusArcsec);
                }
            }
        }
        assertThat(secondaries).isPositive();
    }

    private static double separationArcsec(double[] ra, double[] dec, int a, int b) {
        double dx = SkyRegion.wrapOffset(ra[a] - ra[b]) * Math.cos(Math.toRadians(dec[b]));
        return Math.hypot(dx, dec[a] - dec[b]) * 3600;
    }
}
