package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;

import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SphericalPolygon;
import org.skysieve.sky.UnitVector;

/**
 * A constant ADQL POLYGON (or BOX) ready for SQL: the {@link SphericalPolygon} (inside = the smaller region), its
 * convex parts as lists of inward edge normals (a point is inside when it is inside one part: the exact test is an OR
 * of ANDs of half-spaces), its centroid and area.
 *
 * <p>A convex polygon is its own single part. A non-convex one is cut into triangles by ear clipping in the gnomonic
 * projection centred on the mean of its vertices, where great-circle edges are straight lines, so the triangles
 * tile the spherical polygon exactly; this needs every vertex less than 90 degrees from that centre (a polygon
 * within a hemisphere), otherwise it is refused with the position.
 *
 * <p>Centroid: the direction of the integral of the position vector over the inside, by the vector-area theorem
 * the sum over edges of (arc length / 2) times the edge's unit normal, the inside on its left. Immutable.
 */
final class PolygonRegion {
    private final SphericalPolygon polygon;
    private final List<UnitVector> vertices;
    private final List<List<UnitVector>> parts;
    private final UnitVector centroid;

    private PolygonRegion(SphericalPolygon polygon, List<UnitVector> vertices, List<List<UnitVector>> parts, UnitVector centroid) {
        this.polygon = polygon;
        this.vertices = List.copyOf(vertices);
        this.parts = parts;
        this.centroid = centroid;
    }

    /** The region of {@code verticesDeg} (lon, lat pairs) written at {@code at}. */
    static PolygonRegion of(List<double[]> verticesDeg, Position at) {
        List<LonLat> vertices = new ArrayList<>();
        for (double[] vertex : verticesDeg) {
            if (!(vertex[1] >= -90 && vertex[1] <= 90)) {
                throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "a declination must be in [-90, 90] degrees; got " + vertex[1]);
            }
            vertices.add(LonLat.ofDegrees(HealpixConditions.normalizedLon(vertex[0]), vertex[1]));
        }
        SphericalPolygon polygon;
        try {
            polygon = new SphericalPolygon(vertices);
        } catch (IllegalArgumentException e) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "invalid polygon: " + e.getMessage());
        }
        // the vertices in the order that keeps the inside on the left of every edge
        List<UnitVector> points = new ArrayList<>(vertices.stream().map(LonLat::toUnitVector).toList());
        if (!insideIsLeft(polygon, points)) {
            java.util.Collections.reverse(points);
        }
        List<List<UnitVector>> parts = isConvex(points) ? List.of(leftNormals(points)) : triangles(points, at);
        return new PolygonRegion(polygon, points, parts, centroidOf(points));
    }

    SphericalPolygon polygon() {
        return polygon;
    }

    /** The vertices as unit vectors, in the order that keeps the inside on the left of every edge. */
    List<UnitVector> vertices() {
        return vertices;
    }

    /** Each part's inward unit normals: a point p is inside the part when p . n >= 0 for every n. */
    List<List<UnitVector>> parts() {
        return parts;
    }

    /** The centroid, degrees: {lon in [0, 360), lat}. */
    double[] centroidDeg() {
        LonLat position = centroid.toLonLat();
        return new double[] {HealpixConditions.normalizedLon(position.lonDeg()), position.latDeg()};
    }

    /** The area of the inside, square degrees. */
    double areaSquareDeg() {
        return polygon.areaSr() * Math.pow(180 / Math.PI, 2);
    }

    private static boolean insideIsLeft(SphericalPolygon polygon, List<UnitVector> points) {
        // the left side of the first edge just beside its middle is inside exactly when the inside is on the left
        UnitVector a = points.get(0);
        UnitVector b = points.get(1);
        UnitVector normal = a.cross(b).normalized();
        UnitVector middle = new UnitVector(a.x() + b.x(), a.y() + b.y(), a.z() + b.z()).normalized();
        double step = 1e-7;
        UnitVector beside = new UnitVector(middle.x() + step * normal.x(), middle.y() + step * normal.y(),
                middle.z() + step * normal.z()).normalized();
        return polygon.contains(beside);
    }

    private static boolean isConvex(List<UnitVector> points) {
        int count = points.size();
        for (int i = 0; i < count; i++) {
            UnitVector normal = points.get(i).cross(points.get((i + 1) % count));
            if (normal.dot(points.get((i + 2) % count)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<UnitVector> leftNormals(List<UnitVector> points) {
        List<UnitVector> normals = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            normals.add(points.get(i).cross(points.get((i + 1) % points.size())).normalized());
        }
        return List.copyOf(normals);
    }

    /** Ear clipping in the gnomonic projection at the mean vertex direction; the points keep the inside on the left. */
    private static List<List<UnitVector>> triangles(List<UnitVector> points, Position at) {
        UnitVector centre = mean(points);
        UnitVector east = Math.abs(centre.z()) < 0.9 ? new UnitVector(0, 0, 1).cross(centre).normalized()
                : new UnitVector(1, 0, 0).cross(centre).normalized();
        UnitVector north = centre.cross(east);
        List<double[]> plane = new ArrayList<>();
        for (UnitVector point : points) {
            double depth = point.dot(centre);
            if (depth <= 1e-9) {
                throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at,
                        "a non-convex polygon must lie within a hemisphere (a vertex is 90 degrees or more from the mean of the vertices)");
            }
            plane.add(new double[] {point.dot(east) / depth, point.dot(north) / depth});
        }
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            remaining.add(i);
        }
        if (signedArea(plane, remaining) < 0) {
            java.util.Collections.reverse(remaining);
        }
        List<List<UnitVector>> triangles = new ArrayList<>();
        while (remaining.size() > 3) {
            int count = remaining.size();
            boolean clipped = false;
            for (int i = 0; i < count && !clipped; i++) {
                int previous = remaining.get((i + count - 1) % count);
                int current = remaining.get(i);
                int next = remaining.get((i + 1) % count);
                double turn = cross(plane.get(previous), plane.get(current), plane.get(next));
                if (turn < 0) {
                    continue;
                }
                boolean empty = true;
                for (int other : remaining) {
                    if (other != previous && other != current && other != next
                            && inTriangle(plane.get(other), plane.get(previous), plane.get(current), plane.get(next))) {
                        empty = false;
                        break;
                    }
                }
                if (empty) {
                    if (turn > 0) {
                        triangles.add(triangle(points.get(previous), points.get(current), points.get(next)));
                    }
                    remaining.remove(i);
                    clipped = true;
                }
            }
            if (!clipped) {
                throw new AdqlException(AdqlException.Kind.UNSUPPORTED, at, "this polygon could not be cut into triangles");
            }
        }
        triangles.add(triangle(points.get(remaining.get(0)), points.get(remaining.get(1)), points.get(remaining.get(2))));
        return List.copyOf(triangles);
    }

    /** Inward normals of the spherical triangle abc, whatever its orientation. */
    private static List<UnitVector> triangle(UnitVector a, UnitVector b, UnitVector c) {
        return List.of(inward(a, b, c), inward(b, c, a), inward(c, a, b));
    }

    private static UnitVector inward(UnitVector from, UnitVector to, UnitVector opposite) {
        UnitVector normal = from.cross(to).normalized();
        return normal.dot(opposite) >= 0 ? normal : new UnitVector(-normal.x(), -normal.y(), -normal.z());
    }

    private static UnitVector mean(List<UnitVector> points) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (UnitVector point : points) {
            x += point.x();
            y += point.y();
            z += point.z();
        }
        return new UnitVector(x, y, z).normalized();
    }

    private static UnitVector centroidOf(List<UnitVector> points) {
        double x = 0;
        double y = 0;
        double z = 0;
        int count = points.size();
        for (int i = 0; i < count; i++) {
            UnitVector a = points.get(i);
            UnitVector b = points.get((i + 1) % count);
            UnitVector normal = a.cross(b).normalized();
            double arcRad = a.angleRad(b);
            x += arcRad / 2 * normal.x();
            y += arcRad / 2 * normal.y();
            z += arcRad / 2 * normal.z();
        }
        return new UnitVector(x, y, z).normalized();
    }

    private static double signedArea(List<double[]> plane, List<Integer> order) {
        double sum = 0;
        for (int i = 0; i < order.size(); i++) {
            double[] a = plane.get(order.get(i));
            double[] b = plane.get(order.get((i + 1) % order.size()));
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }

    private static double cross(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    private static boolean inTriangle(double[] p, double[] a, double[] b, double[] c) {
        return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
    }
}
