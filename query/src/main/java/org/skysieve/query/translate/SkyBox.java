package org.skysieve.query.translate;

import java.util.List;

import org.skysieve.sky.UnitVector;

/**
 * ADQL's BOX (ADQL 2.1 section 4.2.5, the STC Box): a cross centred on the centre, its arms great-circle arcs along the
 * coordinate axes at the centre (north-south along the meridian, east-west along the great circle tangent to the
 * parallel there), extending half the height and half the width on either side; the sides are the great circles
 * through the arms' ends at right angles to the arms. So a BOX is a convex polygon whose edges are great circles: not
 * the band between two parallels and two meridians (away from the equator its corners differ from centre ± half
 * sizes). Static, thread-safe.
 */
final class SkyBox {
    private SkyBox() {
    }

    /**
     * The four corners (degrees, counter-clockwise seen from outside: south-west, south-east, north-east, north-west)
     * of the box of centre ({@code lonDeg}, {@code latDeg}), {@code widthDeg} by {@code heightDeg}, each in (0, 180).
     * At a pole the axes are those of the meridian {@code lonDeg}.
     */
    static List<double[]> cornersDeg(double lonDeg, double latDeg, double widthDeg, double heightDeg) {
        double lon = Math.toRadians(lonDeg);
        double lat = Math.toRadians(latDeg);
        UnitVector centre = UnitVector.ofLonLat(lon, lat);
        UnitVector east = new UnitVector(-Math.sin(lon), Math.cos(lon), 0);
        UnitVector north = new UnitVector(-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat));
        double halfWidth = Math.toRadians(widthDeg) / 2;
        double halfHeight = Math.toRadians(heightDeg) / 2;
        // each side's plane normal is the arm's direction at the arm's end, pointing away from the centre
        UnitVector eastSide = combine(-Math.sin(halfWidth), centre, Math.cos(halfWidth), east);
        UnitVector westSide = combine(-Math.sin(halfWidth), centre, -Math.cos(halfWidth), east);
        UnitVector northSide = combine(-Math.sin(halfHeight), centre, Math.cos(halfHeight), north);
        UnitVector southSide = combine(-Math.sin(halfHeight), centre, -Math.cos(halfHeight), north);
        return List.of(corner(southSide, westSide, centre), corner(southSide, eastSide, centre),
                corner(northSide, eastSide, centre), corner(northSide, westSide, centre));
    }

    private static UnitVector combine(double a, UnitVector u, double b, UnitVector v) {
        return new UnitVector(a * u.x() + b * v.x(), a * u.y() + b * v.y(), a * u.z() + b * v.z());
    }

    /** Where the two side circles meet on the centre's side. */
    private static double[] corner(UnitVector sideA, UnitVector sideB, UnitVector centre) {
        UnitVector meet = sideA.cross(sideB).normalized();
        if (meet.dot(centre) < 0) {
            meet = new UnitVector(-meet.x(), -meet.y(), -meet.z());
        }
        var position = meet.toLonLat();
        double lonDeg = Math.toDegrees(position.lonRad());
        return new double[] {lonDeg < 0 ? lonDeg + 360 : lonDeg, Math.toDegrees(position.latRad())};
    }
}
