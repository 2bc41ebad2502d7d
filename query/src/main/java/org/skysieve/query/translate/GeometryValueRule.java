package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;
import org.skysieve.sky.UnitVector;

/**
 * A geometry value (POINT, CIRCLE, POLYGON, BOX, CENTROID, REGION) used as a value rather than inside CONTAINS,
 * INTERSECTS, DISTANCE, COORD1/2 or AREA (whose rules fire first, on the enclosing call) → the DALI array of its doubles
 * in degrees, {@link #DOUBLE_LIST} (a DuckDB {@code DOUBLE[]}, null when any part is null): a point {@code [ra, dec]},
 * a circle {@code [ra, dec, radius]}, a polygon {@code [ra1, dec1, ra2, dec2, ...]}; a BOX is the polygon of its four
 * corners ({@link SkyBox}), a CENTROID a point. Constant polygons and boxes are written in DALI's winding
 * ({@link #daliWinding}); a polygon with column vertices in the order written. Longitudes are normalised to [0, 360): in Java for constants, else
 * {@code MOD(MOD(lon, 360) + 360, 360)}. A BOX or CENTROID of a polygon needs constant coordinates.
 */
final class GeometryValueRule implements RewriteRule {
    /** The internal function the printer writes as a DuckDB list; no ADQL name can reach it (it is not a valid identifier). */
    static final String DOUBLE_LIST = "_DOUBLE_LIST";
    private static final Set<String> GEOMETRY = Set.of("POINT", "CIRCLE", "POLYGON", "BOX", "CENTROID", "REGION");

    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof FunctionCall written) || !GEOMETRY.contains(written.name())) {
            return Optional.empty();
        }
        FunctionCall call = written.name().equals("REGION") ? StcsRegion.expand(written) : written;
        Optional<GeometryTerms.Point> point = GeometryTerms.point(call);
        if (point.isPresent()) {
            return Optional.of(list(List.of(longitude(point.get().lonDeg()), point.get().latDeg())));
        }
        Optional<GeometryTerms.Circle> circle = GeometryTerms.circle(call);
        if (circle.isPresent()) {
            GeometryTerms.Point centre = circle.get().centre();
            return Optional.of(list(List.of(longitude(centre.lonDeg()), centre.latDeg(), circle.get().radiusDeg())));
        }
        List<Expression> values = new ArrayList<>();
        Optional<List<double[]>> constant = call.name().equals("POLYGON") ? constantVertices(call) : Optional.empty();
        if (call.name().equals("POLYGON") && constant.isEmpty()) {
            for (GeometryTerms.Point vertex : GeometryTerms.polygonVertices(call)) {
                values.add(longitude(vertex.lonDeg()));
                values.add(vertex.latDeg());
            }
        } else {
            for (double[] corner : daliWinding(constant.orElseGet(() -> GeometryTerms.polygonVerticesDeg(call).orElseThrow()))) {
                values.add(SphericalSql.number(normalisedDeg(corner[0])));
                values.add(SphericalSql.number(corner[1]));
            }
        }
        return Optional.of(list(values));
    }

    private static Optional<List<double[]>> constantVertices(FunctionCall polygon) {
        for (GeometryTerms.Point vertex : GeometryTerms.polygonVertices(polygon)) {
            if (GeometryTerms.constantValue(vertex.lonDeg()).isEmpty() || GeometryTerms.constantValue(vertex.latDeg()).isEmpty()) {
                return Optional.empty();
            }
        }
        return GeometryTerms.polygonVerticesDeg(polygon);
    }

    /**
     * The vertices in DALI 1.1's winding: counter-clockwise seen from the centre of the sphere towards the sky, around
     * the smaller region (the inside as the predicates here take it). Reversed (first vertex kept first) when they turn
     * the other way: the sum of the triple products (v_i × v_i+1) · mean is positive for a counter-clockwise turn seen
     * from outside the sphere, i.e. clockwise seen from inside.
     */
    static List<double[]> daliWinding(List<double[]> verticesDeg) {
        int count = verticesDeg.size();
        UnitVector[] vectors = new UnitVector[count];
        double mx = 0;
        double my = 0;
        double mz = 0;
        for (int i = 0; i < count; i++) {
            vectors[i] = UnitVector.ofLonLat(Math.toRadians(verticesDeg.get(i)[0]), Math.toRadians(verticesDeg.get(i)[1]));
            mx += vectors[i].x();
            my += vectors[i].y();
            mz += vectors[i].z();
        }
        UnitVector mean = new UnitVector(mx, my, mz);
        double turn = 0;
        for (int i = 0; i < count; i++) {
            turn += vectors[i].cross(vectors[(i + 1) % count]).dot(mean);
        }
        if (turn <= 0) {
            return verticesDeg;
        }
        List<double[]> reversed = new ArrayList<>(count);
        reversed.add(verticesDeg.get(0));
        for (int i = count - 1; i > 0; i--) {
            reversed.add(verticesDeg.get(i));
        }
        return List.copyOf(reversed);
    }

    /** {@code lonDeg} in [0, 360). */
    static double normalisedDeg(double lonDeg) {
        double value = lonDeg % 360;
        value = value < 0 ? value + 360 : value;
        return value >= 360 ? 0 : value + 0.0; // -0.0 becomes 0.0; a tiny negative rounds up to 360: wrap to 0
    }

    private static Expression longitude(Expression lonDeg) {
        OptionalDouble constant = GeometryTerms.constantValue(lonDeg);
        if (constant.isPresent()) {
            return SphericalSql.number(normalisedDeg(constant.getAsDouble()));
        }
        Expression once = FunctionCall.of("MOD", lonDeg, SphericalSql.number(360));
        return FunctionCall.of("MOD", SphericalSql.binary(BinaryOperator.ADD, once, SphericalSql.number(360)), SphericalSql.number(360));
    }

    private static Expression list(List<Expression> values) {
        return new FunctionCall(org.skysieve.query.tree.Position.SYNTHETIC, DOUBLE_LIST, List.copyOf(values), false, false);
    }
}
