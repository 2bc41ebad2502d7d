package org.skysieve.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random positions for property tests. */
public final class SkySampling {
    private SkySampling() {
    }

    /** A point uniform on the sphere. */
    public static LonLat uniform(Random random) {
        double lonRad = random.nextDouble() * Angles.TWO_PI;
        double latRad = Math.asin(2.0 * random.nextDouble() - 1.0);
        return new LonLat(lonRad, latRad);
    }

    /** The point at distance {@code distanceRad} from {@code centre} in direction {@code azimuthRad} (from north). */
    public static LonLat offset(LonLat centre, double distanceRad, double azimuthRad) {
        // Vector form: stable at the poles, where "north" is taken along the meridian of the centre's longitude.
        UnitVector axis = centre.toUnitVector();
        UnitVector east = new UnitVector(-Math.sin(centre.lonRad()), Math.cos(centre.lonRad()), 0.0);
        UnitVector north = axis.cross(east);
        double along = Math.sin(distanceRad);
        double northPart = along * Math.cos(azimuthRad);
        double eastPart = along * Math.sin(azimuthRad);
        double axisPart = Math.cos(distanceRad);
        return new UnitVector(
                axisPart * axis.x() + northPart * north.x() + eastPart * east.x(),
                axisPart * axis.y() + northPart * north.y() + eastPart * east.y(),
                axisPart * axis.z() + northPart * north.z() + eastPart * east.z()).normalized().toLonLat();
    }

    /** A point uniform (by area) in the cap of {@code radiusRad} around {@code centre}. */
    public static LonLat uniformInCap(Random random, LonLat centre, double radiusRad) {
        // cos(distance) uniform in [cos(radius), 1]; written with 1 - cos = 2 sin^2(d/2) to keep tiny radii exact.
        double maxHalfChord = Math.sin(radiusRad / 2.0);
        double oneMinusCos = 2.0 * maxHalfChord * maxHalfChord * random.nextDouble();
        double distanceRad = 2.0 * Math.asin(Math.sqrt(oneMinusCos / 2.0));
        return offset(centre, Math.min(distanceRad, radiusRad), random.nextDouble() * Angles.TWO_PI);
    }

    /**
     * A polygon star-shaped around {@code centre}: {@code count} vertices at increasing azimuths (gaps under pi) and
     * distances in [minRad, maxRad] (under pi/2), so it is simple. Equal distances give a convex polygon.
     */
    public static List<LonLat> starPolygon(Random random, LonLat centre, int count, double minRad, double maxRad) {
        double[] azimuths = new double[count];
        double step = Angles.TWO_PI / count;
        double start = random.nextDouble() * Angles.TWO_PI;
        for (int i = 0; i < count; i++) {
            azimuths[i] = start + step * (i + 0.2 + 0.6 * random.nextDouble());
        }
        List<LonLat> vertices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double distance = minRad + (maxRad - minRad) * random.nextDouble();
            vertices.add(offset(centre, distance, azimuths[i]));
        }
        return vertices;
    }

    /**
     * Independent point-in-polygon for polygons within a hemisphere around {@code centre}: gnomonic projection (great
     * circles become straight lines) and the planar even-odd ray test.
     */
    public static boolean insideByGnomonic(List<LonLat> vertices, LonLat centre, LonLat point) {
        UnitVector axis = centre.toUnitVector();
        UnitVector east = new UnitVector(-Math.sin(centre.lonRad()), Math.cos(centre.lonRad()), 0.0);
        UnitVector north = axis.cross(east);
        UnitVector p = point.toUnitVector();
        double depth = p.dot(axis);
        if (depth <= 0.0) {
            return false;
        }
        double px = p.dot(east) / depth;
        double py = p.dot(north) / depth;
        boolean inside = false;
        int count = vertices.size();
        for (int i = 0, j = count - 1; i < count; j = i++) {
            UnitVector a = vertices.get(i).toUnitVector();
            UnitVector b = vertices.get(j).toUnitVector();
            double ax = a.dot(east) / a.dot(axis);
            double ay = a.dot(north) / a.dot(axis);
            double bx = b.dot(east) / b.dot(axis);
            double by = b.dot(north) / b.dot(axis);
            if ((ay > py) != (by > py) && px < (bx - ax) * (py - ay) / (by - ay) + ax) {
                inside = !inside;
            }
        }
        return inside;
    }
}
