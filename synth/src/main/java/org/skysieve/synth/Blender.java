package org.skysieve.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups true sources that a survey cannot resolve: visiting sources from bright to faint (in the survey's reference
 * band), a source closer than the blend radius to an already chosen primary joins the nearest such primary; otherwise
 * it becomes a primary. Sources fainter than the reference depth + 1 mag never blend (they add nothing measurable).
 *
 * <p>Blends are found within one chunk only: a pair straddling a chunk boundary stays two sources. Stateless.
 */
final class Blender {
    private Blender() {
    }

    /**
     * @return for each source, the index of its group's primary (itself when it is a primary)
     */
    static int[] group(double[] raDeg, double[] decDeg, float[] referenceMag, double faintestBlendingMag, double radiusArcsec) {
        int n = raDeg.length;
        int[] primaryOf = new int[n];
        for (int i = 0; i < n; i++) {
            primaryOf[i] = i;
        }
        if (radiusArcsec <= 0 || n == 0) {
            return primaryOf;
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (referenceMag[i] < faintestBlendingMag) {
                eligible.add(i);
            }
        }
        Integer[] order = eligible.toArray(new Integer[0]);
        Arrays.sort(order, (a, b) -> Float.compare(referenceMag[a], referenceMag[b]));
        double radiusDeg = radiusArcsec / 3600;
        double cosDec = Math.cos(Math.toRadians(decDeg[0]));
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i : order) {
            double x = SkyRegion.wrapOffset(raDeg[i]) * cosDec;
            long cx = (long) Math.floor(x / radiusDeg);
            long cy = (long) Math.floor(decDeg[i] / radiusDeg);
            int best = -1;
            double bestSeparation = radiusDeg;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    List<Integer> primaries = cells.get(key(cx + dx, cy + dy));
                    if (primaries == null) {
                        continue;
                    }
                    for (int p : primaries) {
                        double separation = Math.hypot(SkyRegion.wrapOffset(raDeg[i] - raDeg[p]) * Math.cos(Math.toRadians(decDeg[p])),
                                decDeg[i] - decDeg[p]);
                        if (separation < bestSeparation) {
                            bestSeparation = separation;
                            best = p;
                        }
                    }
                }
            }
            if (best >= 0) {
                primaryOf[i] = best;
            } else {
                cells.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(i);
            }
        }
        return primaryOf;
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xFFFFFFFFL);
    }
}
