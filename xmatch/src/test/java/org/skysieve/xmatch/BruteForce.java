package org.skysieve.xmatch;

import java.util.ArrayList;
import java.util.List;
import org.skysieve.sky.Angles;

/** The oracle: every pair compared with Vincenty's great-circle distance ({@link Angles#distanceRad}). */
final class BruteForce {
    record Pair(int left, int right, double distanceArcsec) {
    }

    private BruteForce() {
    }

    static List<Pair> allPairs(RandomCatalogues left, RandomCatalogues right, double radiusArcsec) {
        List<Pair> pairs = new ArrayList<>();
        for (int l = 0; l < left.size(); l++) {
            double lon1 = Math.toRadians(left.raDeg[l]);
            double lat1 = Math.toRadians(left.decDeg[l]);
            for (int r = 0; r < right.size(); r++) {
                double distance = Angles.radToArcsec(Angles.distanceRad(lon1, lat1, Math.toRadians(right.raDeg[r]), Math.toRadians(right.decDeg[r])));
                if (distance <= radiusArcsec) {
                    pairs.add(new Pair(l, r, distance));
                }
            }
        }
        return pairs;
    }
}
