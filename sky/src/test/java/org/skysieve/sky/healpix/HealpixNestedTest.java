package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SkySampling;
import org.skysieve.sky.UnitVector;

class HealpixNestedTest {
    @Test
    void everyCellCentreHashesBackToItsCellAtDepthsZeroToFive() {
        for (int depth = 0; depth <= 5; depth++) {
            for (long hash = 0; hash < HealpixNested.cellCount(depth); hash++) {
                LonLat centre = HealpixNested.center(depth, hash);
                assertThat(HealpixNested.hash(depth, centre.lonRad(), centre.latRad()))
                        .as("depth %d hash %d", depth, hash).isEqualTo(hash);
            }
        }
    }

    @Test
    void deepCellCentresHashBackToTheirCells() {
        Random random = new Random(7);
        for (int depth = 6; depth <= HealpixNested.MAX_DEPTH; depth++) {
            for (int i = 0; i < 2_000; i++) {
                long hash = (long) (random.nextDouble() * HealpixNested.cellCount(depth));
                LonLat centre = HealpixNested.center(depth, hash);
                assertThat(HealpixNested.hash(depth, centre.lonRad(), centre.latRad()))
                        .as("depth %d hash %d", depth, hash).isEqualTo(hash);
            }
        }
    }

    @Test
    void hashAtEveryDepthIsTheAncestorOfTheDeepestHash() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LonLat point = SkySampling.uniform(random);
            long deepest = HealpixNested.hash(HealpixNested.MAX_DEPTH, point.lonRad(), point.latRad());
            for (int depth = 0; depth < HealpixNested.MAX_DEPTH; depth++) {
                long hash = HealpixNested.hash(depth, point.lonRad(), point.latRad());
                assertThat(HealpixNested.ancestor(HealpixNested.MAX_DEPTH, deepest, depth)).isEqualTo(hash);
                assertThat(deepest).isBetween(HealpixNested.firstDescendant(depth, hash, HealpixNested.MAX_DEPTH),
                        HealpixNested.descendantsEnd(depth, hash, HealpixNested.MAX_DEPTH) - 1);
            }
        }
    }

    @Test
    void longitudeIsWrapped() {
        Random random = new Random(3);
        for (int i = 0; i < 1_000; i++) {
            LonLat point = SkySampling.uniform(random);
            long hash = HealpixNested.hash(20, point.lonRad(), point.latRad());
            for (int turns = -3; turns <= 3; turns++) {
                double lonRad = point.lonRad() + turns * 2.0 * Math.PI;
                long wrapped = HealpixNested.hash(20, lonRad, point.latRad());
                // Adding whole turns changes the last bits of the longitude: accept a neighbour, demand closeness.
                if (wrapped != hash) {
                    assertThat(HealpixNested.neighbours(20, hash)).contains(wrapped);
                }
            }
        }
        assertThat(HealpixNested.hash(29, -Math.PI / 2, 0.3)).isEqualTo(HealpixNested.hash(29, 1.5 * Math.PI, 0.3));
    }

    @Test
    void neighbourhoodIsSymmetric() {
        for (int depth = 0; depth <= 4; depth++) {
            for (long hash = 0; hash < HealpixNested.cellCount(depth); hash++) {
                for (long neighbour : HealpixNested.neighbours(depth, hash)) {
                    assertThat(HealpixNested.neighbours(depth, neighbour)).as("depth %d: %d in N(%d)", depth, hash,
                            neighbour).contains(hash);
                }
            }
        }
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            int depth = 5 + random.nextInt(25);
            long hash = (long) (random.nextDouble() * HealpixNested.cellCount(depth));
            for (long neighbour : HealpixNested.neighbours(depth, hash)) {
                assertThat(HealpixNested.neighbours(depth, neighbour)).contains(hash);
            }
        }
    }

    @Test
    void neighboursAreExactlyTheCellsSharingAVertex() {
        // Brute force: two distinct cells are neighbours iff one vertex of one is a vertex of the other.
        for (int depth = 0; depth <= 3; depth++) {
            int count = (int) HealpixNested.cellCount(depth);
            List<List<UnitVector>> corners = new ArrayList<>();
            for (long hash = 0; hash < count; hash++) {
                CellVertices vertices = HealpixNested.vertices(depth, hash);
                corners.add(List.of(vertices.south().toUnitVector(), vertices.east().toUnitVector(),
                        vertices.north().toUnitVector(), vertices.west().toUnitVector()));
            }
            for (int a = 0; a < count; a++) {
                Set<Long> expected = new HashSet<>();
                for (int b = 0; b < count; b++) {
                    if (a != b && shareVertex(corners.get(a), corners.get(b))) {
                        expected.add((long) b);
                    }
                }
                long[] actual = HealpixNested.neighbours(depth, a);
                assertThat(actual).as("depth %d cell %d", depth, a).hasSize(expected.size());
                assertThat(expected).as("depth %d cell %d", depth, a).containsExactlyInAnyOrder(
                        java.util.Arrays.stream(actual).boxed().toArray(Long[]::new));
                if (depth == 0) {
                    assertThat(actual).hasSize(6);
                } else {
                    assertThat(actual.length).isBetween(7, 8);
                }
            }
        }
    }

    private static boolean shareVertex(List<UnitVector> left, List<UnitVector> right) {
        for (UnitVector a : left) {
            for (UnitVector b : right) {
                if (a.angleRad(b) < 1e-12) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void depthConversionsAreConsistent() {
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            int depth = random.nextInt(30);
            long hash = (long) (random.nextDouble() * HealpixNested.cellCount(depth));
            int finer = depth + random.nextInt(30 - depth);
            long first = HealpixNested.firstDescendant(depth, hash, finer);
            long end = HealpixNested.descendantsEnd(depth, hash, finer);
            assertThat(end - first).isEqualTo(1L << (2 * (finer - depth)));
            assertThat(HealpixNested.ancestor(finer, first, depth)).isEqualTo(hash);
            assertThat(HealpixNested.ancestor(finer, end - 1, depth)).isEqualTo(hash);
            assertThat(HealpixNested.baseCell(depth, hash)).isEqualTo((int) HealpixNested.ancestor(depth, hash, 0));
        }
    }

    @Test
    void poleAndEdgePositionsAreAccepted() {
        for (int depth = 0; depth <= 29; depth++) {
            long north = HealpixNested.hash(depth, 0.0, Math.PI / 2);
            long south = HealpixNested.hash(depth, 0.0, -Math.PI / 2);
            assertThat(HealpixNested.baseCell(depth, north)).isBetween(0, 3);
            assertThat(HealpixNested.baseCell(depth, south)).isBetween(8, 11);
            assertThat(HealpixNested.hash(depth, 2 * Math.PI, 0.1)).isEqualTo(HealpixNested.hash(depth, 0.0, 0.1));
        }
    }

    @Test
    void rangeErrorsSayWhatWasExpectedAndWhatWasReceived() {
        assertThatThrownBy(() -> HealpixNested.hash(30, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected depth in [0, 29]. Actual: 30");
        assertThatThrownBy(() -> HealpixNested.hash(3, 0, 2.0))
                .hasMessage("Expected latRad in [-pi/2, pi/2]. Actual: 2.0");
        assertThatThrownBy(() -> HealpixNested.hash(3, Double.NaN, 0.0))
                .hasMessage("Expected lonRad finite. Actual: NaN");
        assertThatThrownBy(() -> HealpixNested.center(1, 48))
                .hasMessage("Expected hash in [0, 48) at depth 1. Actual: 48");
        assertThatThrownBy(() -> HealpixNested.ancestor(3, 5, 4))
                .hasMessage("Expected ancestorDepth in [0, 3]. Actual: 4");
        assertThatThrownBy(() -> HealpixNested.firstDescendant(3, 5, 2))
                .hasMessage("Expected descendantDepth in [3, 29]. Actual: 2");
    }

    @Test
    void bitInterleaveRoundTrips() {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            long x = random.nextInt(1 << 29);
            long y = random.nextInt(1 << 29);
            long index = BitInterleave.interleave(x, y);
            assertThat(BitInterleave.x(index)).isEqualTo(x);
            assertThat(BitInterleave.y(index)).isEqualTo(y);
        }
        assertThat(BitInterleave.interleave(0b101, 0b011)).isEqualTo(0b011011L);
    }
}
