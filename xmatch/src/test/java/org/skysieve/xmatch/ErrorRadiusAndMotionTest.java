package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.Angles;

/** Per-pair radii from positional errors against brute force; proper motion steps against their definition. */
class ErrorRadiusAndMotionTest {
    @Test
    void perPairErrorRadiusAgreesWithBruteForce() {
        RandomCatalogues left = RandomCatalogues.uniform(31, 2000, 359.9, 0.2, 89.0, 89.2);
        RandomCatalogues right = RandomCatalogues.jittered(32, left, 0.8, 3.0).plus(RandomCatalogues.uniform(33, 1000, 359.9, 0.2, 89.0, 89.2));
        SplittableRandom random = new SplittableRandom(34);
        double[] leftErrors = random.doubles(left.size(), 0.05, 1.0).toArray();
        double[] rightErrors = random.doubles(right.size(), 0.05, 1.0).toArray();
        double sigmas = 3.0;
        double maxRadius = 4.0;
        MatchResult result = SkyMatcher.match(SkyPositions.ofDegrees(left.raDeg, left.decDeg, leftErrors),
                SkyPositions.ofDegrees(right.raDeg, right.decDeg, rightErrors), MatchSpec.of(MatchMode.ALL, maxRadius).withSigmaCount(sigmas));

        Set<Long> expected = new HashSet<>();
        Set<Long> ambiguous = new HashSet<>();
        for (BruteForce.Pair pair : BruteForce.allPairs(left, right, maxRadius)) {
            double limit = Math.min(maxRadius, sigmas * Math.hypot(leftErrors[pair.left()], rightErrors[pair.right()]));
            long key = ((long) pair.left() << 32) | pair.right();
            if (Math.abs(pair.distanceArcsec() - limit) < 1e-7) {
                ambiguous.add(key);
            } else if (pair.distanceArcsec() <= limit) {
                expected.add(key);
            }
        }
        Set<Long> found = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            found.add(((long) result.leftRow(i) << 32) | result.rightRow(i));
        }
        found.removeAll(ambiguous);
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void properMotionMovesByRateTimesInterval() {
        SplittableRandom random = new SplittableRandom(35);
        for (int i = 0; i < 1000; i++) {
            double ra = 360 * random.nextDouble();
            double dec = i < 10 ? 89.9999 : -90 + 180 * random.nextDouble();
            double pmra = random.nextDouble(-500, 500);
            double pmdec = random.nextDouble(-500, 500);
            double[][] moved = ProperMotion.propagate(new double[] {ra}, new double[] {dec}, new double[] {pmra}, new double[] {pmdec}, 2016.0, 2000.0);
            double distanceMas = Angles.radToArcsec(Angles.distanceRad(Math.toRadians(ra), Math.toRadians(dec), Math.toRadians(moved[0][0]),
                    Math.toRadians(moved[1][0]))) * 1000;
            assertThat(distanceMas).isCloseTo(16.0 * Math.hypot(pmra, pmdec), within(1e-3));
            if (Math.abs(dec) < 80) {
                // the sign of the step in declination follows pmdec (going back in time: opposite)
                assertThat(Math.signum(moved[1][0] - dec)).isEqualTo(-Math.signum(pmdec));
            }
        }
    }
}
