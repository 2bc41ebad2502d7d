package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine against brute force, A->B against B->A, sequential against parallel, on seeded random skies. */
class SkyMatcherAgreementTest {
    /** Pairs this close to the radius may fall either side by rounding; they are left out of set comparisons. */
    private static final double BOUNDARY_ARCSEC = 1e-7;

    static Stream<Arguments> skies() {
        return Stream.of(
                sky("all sky, 1 degree", 11, RandomCatalogues.uniform(1, 1500, 0, 360, -90, 90), 3600.0),
                sky("all sky, 20 arcmin", 12, RandomCatalogues.uniform(2, 2000, 0, 360, -90, 90), 1200.0),
                sky("north pole cap, 5 arcsec", 13, RandomCatalogues.uniform(3, 2000, 0, 360, 89.9, 90), 5.0),
                sky("south pole cap, 30 arcsec", 14, RandomCatalogues.uniform(4, 2000, 0, 360, -90, -89.5), 30.0),
                sky("RA wrap, 1 arcsec", 15, RandomCatalogues.uniform(5, 3000, 359.95, 0.1, -0.05, 0.05), 1.0),
                sky("RA wrap near the pole, 2 arcsec", 16, RandomCatalogues.uniform(6, 2000, 359.0, 2.0, 89.95, 89.99), 2.0),
                sky("0.01 arcsec", 17, RandomCatalogues.uniform(7, 1000, 359.9999, 0.0002, 40.0, 40.0002), 0.01),
                duplicates());
    }

    /** Exact duplicates on both sides: ties broken by the lower row, the same way in every direction. */
    private static Arguments duplicates() {
        RandomCatalogues base = RandomCatalogues.uniform(8, 1500, 359.99, 0.02, -30.01, -29.99);
        RandomCatalogues left = base.plus(base.sample(18, 0.2));
        RandomCatalogues right = base.sample(19, 0.5).plus(base.sample(21, 0.3)).plus(RandomCatalogues.jittered(20, base, 0.5, 3.0));
        return Arguments.of("duplicates, 2 arcsec", left, right, 2.0);
    }

    private static Arguments sky(String name, long seed, RandomCatalogues base, double radiusArcsec) {
        RandomCatalogues right = RandomCatalogues.jittered(seed, base, 0.7, 2 * radiusArcsec)
                .plus(RandomCatalogues.jittered(seed + 1, base, 0.3, 4 * radiusArcsec));
        return Arguments.of(name, base, right, radiusArcsec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skies")
    void allPairsAgreeWithBruteForce(String name, RandomCatalogues left, RandomCatalogues right, double radiusArcsec) {
        List<BruteForce.Pair> expected = BruteForce.allPairs(left, right, radiusArcsec);
        MatchResult result = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(MatchMode.ALL, radiusArcsec).withThreads(2));

        assertThat(expected).as("the sky must produce pairs to compare").hasSizeGreaterThan(50);
        assertThat(pairSet(result, radiusArcsec, false)).isEqualTo(expectedSet(expected, radiusArcsec));
        Map<Long, Double> expectedDistance = new HashMap<>();
        Map<Integer, Integer> expectedCount = new HashMap<>();
        for (BruteForce.Pair pair : expected) {
            expectedDistance.put(key(pair.left(), pair.right()), pair.distanceArcsec());
            expectedCount.merge(pair.left(), 1, Integer::sum);
        }
        int previousLeft = -1;
        double previousDistance = -1;
        for (int i = 0; i < result.size(); i++) {
            Double distance = expectedDistance.get(key(result.leftRow(i), result.rightRow(i)));
            if (distance == null) {
                continue; // a boundary pair
            }
            assertThat(result.distanceArcsec(i)).isCloseTo(distance, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, radiusArcsec)));
            assertThat(result.candidates(i)).isEqualTo(expectedCount.get(result.leftRow(i)));
            if (result.leftRow(i) == previousLeft) {
                assertThat(result.distanceArcsec(i)).isGreaterThanOrEqualTo(previousDistance);
            } else {
                assertThat(result.rank(i)).isEqualTo(1);
            }
            previousLeft = result.leftRow(i);
            previousDistance = result.distanceArcsec(i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skies")
    void bestIsTheNearestOfBruteForce(String name, RandomCatalogues left, RandomCatalogues right, double radiusArcsec) {
        Map<Integer, BruteForce.Pair> nearest = new HashMap<>();
        for (BruteForce.Pair pair : BruteForce.allPairs(left, right, radiusArcsec * (1 - 1e-9))) {
            nearest.merge(pair.left(), pair, (a, b) -> a.distanceArcsec() <= b.distanceArcsec() ? a : b);
        }
        MatchResult best = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(MatchMode.BEST, radiusArcsec).withThreads(2));

        Map<Integer, Integer> found = new HashMap<>();
        for (int i = 0; i < best.size(); i++) {
            assertThat(found.put(best.leftRow(i), best.rightRow(i))).as("one best per left row").isNull();
        }
        for (BruteForce.Pair pair : nearest.values()) {
            assertThat(found.get(pair.left())).as("best of left row %d", pair.left()).isEqualTo(pair.right());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skies")
    void leftToRightEqualsRightToLeft(String name, RandomCatalogues left, RandomCatalogues right, double radiusArcsec) {
        MatchResult forward = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(MatchMode.ALL, radiusArcsec));
        MatchResult backward = SkyMatcher.match(right.positions(), left.positions(), MatchSpec.of(MatchMode.ALL, radiusArcsec));
        assertThat(pairSet(backward, radiusArcsec, true)).isEqualTo(pairSet(forward, radiusArcsec, false));

        MatchResult symmetricForward = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(MatchMode.SYMMETRIC, radiusArcsec));
        MatchResult symmetricBackward = SkyMatcher.match(right.positions(), left.positions(), MatchSpec.of(MatchMode.SYMMETRIC, radiusArcsec));
        assertThat(symmetricForward.size()).isPositive();
        assertThat(pairSet(symmetricBackward, Double.POSITIVE_INFINITY, true)).isEqualTo(pairSet(symmetricForward, Double.POSITIVE_INFINITY, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skies")
    void sequentialEqualsParallel(String name, RandomCatalogues left, RandomCatalogues right, double radiusArcsec) {
        for (MatchMode mode : MatchMode.values()) {
            MatchResult sequential = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(mode, radiusArcsec).withThreads(1));
            MatchResult parallel = SkyMatcher.match(left.positions(), right.positions(), MatchSpec.of(mode, radiusArcsec).withThreads(4));
            assertThat(rows(parallel)).as(mode.word()).isEqualTo(rows(sequential));
        }
    }

    static List<String> rows(MatchResult result) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            rows.add(result.leftRow(i) + " " + result.rightRow(i) + " " + result.distanceArcsec(i) + " " + result.candidates(i)
                    + " " + result.rank(i) + " " + result.mates(i));
        }
        return rows;
    }

    private static Set<Long> pairSet(MatchResult result, double radiusArcsec, boolean swapped) {
        Set<Long> set = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            if (Math.abs(result.distanceArcsec(i) - radiusArcsec) > BOUNDARY_ARCSEC) {
                set.add(swapped ? key(result.rightRow(i), result.leftRow(i)) : key(result.leftRow(i), result.rightRow(i)));
            }
        }
        return set;
    }

    private static Set<Long> expectedSet(List<BruteForce.Pair> pairs, double radiusArcsec) {
        Set<Long> set = new HashSet<>();
        for (BruteForce.Pair pair : pairs) {
            if (Math.abs(pair.distanceArcsec() - radiusArcsec) > BOUNDARY_ARCSEC) {
                set.add(key(pair.left(), pair.right()));
            }
        }
        return set;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | right;
    }
}
