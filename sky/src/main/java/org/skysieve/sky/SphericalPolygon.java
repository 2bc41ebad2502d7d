package org.skysieve.sky;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A simple polygon on the sphere: vertices joined by great-circle arcs (the shorter arc between consecutive vertices,
 * the last joined to the first), convex or not.
 *
 * <p>Which side is inside: the polygon divides the sphere into two regions; the inside is the smaller one (by area,
 * from the Gauss-Bonnet theorem), whatever the order of the vertices (clockwise or not). Boundary points may go
 * either way. The constructor rejects fewer than 3 vertices, two consecutive vertices equal or antipodal, an edge that
 * turns straight back, and edges that cross each other (self-intersection), saying which.
 *
 * <p>Point-in-polygon rule: the side of the boundary feature (edge or vertex) nearest to the point; the shortest arc
 * from the point to that feature crosses no edge, so the point is on the same side as that feature's neighbourhood.
 * Immutable, thread-safe.
 */
public final class SphericalPolygon implements SkyRegion {
    private final List<LonLat> vertices;
    private final UnitVector[] points;
    /** Unit normal of the great circle of edge i (from vertex i to vertex i + 1): the left side has positive dot. */
    private final UnitVector[] normals;
    /** Whether vertex i turns left (the next edge goes to the left of the previous one). */
    private final boolean[] turnsLeft;
    private final boolean insideIsLeft;

    /** A polygon from its vertices (radians), in either order; see the class comment for what is rejected. */
    public SphericalPolygon(List<LonLat> vertices) {
        requireNonNull(vertices, "vertices is null");
        this.vertices = List.copyOf(vertices);
        int count = this.vertices.size();
        if (count < 3) {
            throw new IllegalArgumentException("Expected at least 3 polygon vertices. Actual: " + count);
        }
        points = new UnitVector[count];
        for (int i = 0; i < count; i++) {
            points[i] = this.vertices.get(i).toUnitVector();
        }
        normals = new UnitVector[count];
        for (int i = 0; i < count; i++) {
            UnitVector normal = points[i].cross(points[(i + 1) % count]);
            if (normal.norm() < 1e-15) {
                throw new IllegalArgumentException("Expected distinct, non-antipodal consecutive polygon vertices."
                        + " Actual: vertices " + i + " and " + (i + 1) % count + " are " + this.vertices.get(i)
                        + " and " + this.vertices.get((i + 1) % count));
            }
            normals[i] = normal.normalized();
        }
        turnsLeft = new boolean[count];
        double turningSumRad = 0.0;
        for (int i = 0; i < count; i++) {
            UnitVector incoming = normals[(i + count - 1) % count].cross(points[i]);
            UnitVector outgoing = normals[i].cross(points[i]);
            double turnRad = Math.atan2(incoming.cross(outgoing).dot(points[i]), incoming.dot(outgoing));
            if (Math.abs(turnRad) > Math.PI - 1e-12) {
                throw new IllegalArgumentException("Expected a polygon whose edges do not turn straight back."
                        + " Actual: at vertex " + i + " " + this.vertices.get(i));
            }
            turnsLeft[i] = turnRad > 0.0;
            turningSumRad += turnRad;
        }
        checkNoCrossingEdges();
        // Gauss-Bonnet: the region on the left has area 2 pi - (sum of turning angles); the inside is the smaller one.
        insideIsLeft = turningSumRad >= 0.0;
    }

    /** The vertices as given (longitudes normalised into [0, 2 pi)); immutable. */
    public List<LonLat> vertices() {
        return vertices;
    }

    /** The area of the inside, steradians, in (0, 2 pi]. */
    public double areaSr() {
        double turningSumRad = 0.0;
        int count = points.length;
        for (int i = 0; i < count; i++) {
            UnitVector incoming = normals[(i + count - 1) % count].cross(points[i]);
            UnitVector outgoing = normals[i].cross(points[i]);
            turningSumRad += Math.atan2(incoming.cross(outgoing).dot(points[i]), incoming.dot(outgoing));
        }
        double leftAreaSr = Angles.TWO_PI - turningSumRad;
        return insideIsLeft ? leftAreaSr : 4.0 * Math.PI - leftAreaSr;
    }

    @Override
    public boolean contains(UnitVector point) {
        return nearestFeature(point).left == insideIsLeft;
    }

    @Override
    public CapRelation relate(UnitVector capCentre, double capRadiusRad) {
        Nearest nearest = nearestFeature(capCentre);
        if (nearest.distanceRad <= capRadiusRad) {
            return CapRelation.OVERLAPS;
        }
        return nearest.left == insideIsLeft ? CapRelation.INSIDE : CapRelation.DISJOINT;
    }

    @Override
    public String toString() {
        return "SphericalPolygon" + vertices;
    }

    private record Nearest(double distanceRad, boolean left) {
    }

    /** The distance to the boundary and the side (left of the edges, or not) of the point. */
    private Nearest nearestFeature(UnitVector point) {
        int count = points.length;
        double bestRad = Double.POSITIVE_INFINITY;
        boolean bestLeft = false;
        for (int i = 0; i < count; i++) {
            UnitVector normal = normals[i];
            double height = point.dot(normal);
            // Foot of the point on the edge's great circle; inside the arc when between the two vertices.
            UnitVector foot = new UnitVector(point.x() - height * normal.x(), point.y() - height * normal.y(),
                    point.z() - height * normal.z());
            UnitVector start = points[i];
            UnitVector end = points[(i + 1) % count];
            if (start.cross(foot).dot(normal) > 0.0 && foot.cross(end).dot(normal) > 0.0) {
                double distanceRad = Math.atan2(Math.abs(height), foot.norm());
                if (distanceRad < bestRad) {
                    bestRad = distanceRad;
                    bestLeft = height > 0.0;
                }
            }
            double vertexDistanceRad = start.angleRad(point);
            if (vertexDistanceRad < bestRad) {
                bestRad = vertexDistanceRad;
                boolean leftOfIncoming = point.dot(normals[(i + count - 1) % count]) > 0.0;
                boolean leftOfOutgoing = height > 0.0;
                // A left turn makes the left region a wedge narrower than a half-plane (both sides), else wider.
                bestLeft = turnsLeft[i] ? leftOfIncoming && leftOfOutgoing : leftOfIncoming || leftOfOutgoing;
            }
        }
        return new Nearest(bestRad, bestLeft);
    }

    private void checkNoCrossingEdges() {
        int count = points.length;
        for (int i = 0; i < count; i++) {
            for (int j = i + 2; j < count; j++) {
                if (i == 0 && j == count - 1) {
                    continue;
                }
                if (arcsCross(i, j)) {
                    throw new IllegalArgumentException("Expected a simple polygon (edges that do not cross). Actual: "
                            + "edge " + i + " crosses edge " + j + " in " + vertices);
                }
            }
        }
    }

    /** Whether the arcs of edges i and j (each shorter than pi) share a point. */
    private boolean arcsCross(int i, int j) {
        int count = points.length;
        UnitVector a = points[i];
        UnitVector b = points[(i + 1) % count];
        UnitVector c = points[j];
        UnitVector d = points[(j + 1) % count];
        double sideC = normals[i].dot(c);
        double sideD = normals[i].dot(d);
        double sideA = normals[j].dot(a);
        double sideB = normals[j].dot(b);
        if (sideC * sideD > 0.0 || sideA * sideB > 0.0) {
            return false;
        }
        UnitVector x = normals[i].cross(normals[j]);
        if (x.norm() < 1e-15) {
            // Both edges on one great circle: they cross if they overlap.
            return onArc(c, i) || onArc(d, i) || onArc(a, j) || onArc(b, j);
        }
        // The two great circles meet at +-x; the arcs cross if the same one of those lies on both arcs (a point of an
        // arc shorter than pi is less than pi/2 from the arc's midpoint).
        UnitVector midAb = new UnitVector(a.x() + b.x(), a.y() + b.y(), a.z() + b.z());
        UnitVector midCd = new UnitVector(c.x() + d.x(), c.y() + d.y(), c.z() + d.z());
        double sign = Math.signum(x.dot(midAb));
        return sign != 0.0 && sign * x.dot(midCd) >= 0.0;
    }

    /** Whether a point of edge i's great circle lies on the arc of edge i. */
    private boolean onArc(UnitVector point, int edge) {
        UnitVector normal = normals[edge];
        return points[edge].cross(point).dot(normal) >= 0.0
                && point.cross(points[(edge + 1) % points.length]).dot(normal) >= 0.0;
    }
}
