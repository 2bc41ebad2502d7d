package org.skysieve.query.translate;

import java.util.List;

import org.skysieve.sky.UnitVector;

/**
 * Two constant polygons, decided in Java: they intersect when a vertex of one is inside the other or two edges
 * cross; one lies within the other when all its vertices are inside the other and no edges cross (boundaries
 * touching count as inside). Static, thread-safe.
 */
final class PolygonPairs {
    private PolygonPairs() {
    }

    static boolean intersect(PolygonRegion a, PolygonRegion b) {
        return anyVertexInside(a, b) || anyVertexInside(b, a) || edgesCross(a.vertices(), b.vertices());
    }

    static boolean within(PolygonRegion inner, PolygonRegion outer) {
        for (UnitVector vertex : inner.vertices()) {
            if (!outer.polygon().contains(vertex)) {
                return false;
            }
        }
        return !edgesCross(inner.vertices(), outer.vertices());
    }

    private static boolean anyVertexInside(PolygonRegion of, PolygonRegion in) {
        return of.vertices().stream().anyMatch(vertex -> in.polygon().contains(vertex));
    }

    private static boolean edgesCross(List<UnitVector> a, List<UnitVector> b) {
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (arcsCross(a.get(i), a.get((i + 1) % a.size()), b.get(j), b.get((j + 1) % b.size()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the minor arcs pq and rs cross properly (each one's ends strictly on either side of the other). */
    private static boolean arcsCross(UnitVector p, UnitVector q, UnitVector r, UnitVector s) {
        UnitVector n1 = p.cross(q);
        UnitVector n2 = r.cross(s);
        double sideR = n1.dot(r);
        double sideS = n1.dot(s);
        double sideP = n2.dot(p);
        double sideQ = n2.dot(q);
        return sideR * sideS < 0 && sideP * sideQ < 0;
    }
}
