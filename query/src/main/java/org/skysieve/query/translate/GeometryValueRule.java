package org.skysieve.query.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Expression.FunctionCall;

/**
 * A geometry value (POINT, CIRCLE, POLYGON, BOX, CENTROID, REGION) used as a value rather than inside CONTAINS,
 * INTERSECTS, DISTANCE, COORD1/2 or AREA (whose rules fire first, on the enclosing call) → the DALI array of its doubles
 * in degrees, {@link #DOUBLE_LIST} (a DuckDB {@code DOUBLE[]}, null when any part is null): a point {@code [ra, dec]},
 * a circle {@code [ra, dec, radius]}, a polygon {@code [ra1, dec1, ra2, dec2, ...]}; a BOX is the polygon of its four
 * corners ({@link SkyBox}), a CENTROID a point. Longitudes are normalised to [0, 360): in Java for constants, else
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
        if (call.name().equals("POLYGON")) {
            for (GeometryTerms.Point vertex : GeometryTerms.polygonVertices(call)) {
                values.add(longitude(vertex.lonDeg()));
                values.add(vertex.latDeg());
            }
        } else {
            for (double[] corner : GeometryTerms.polygonVerticesDeg(call).orElseThrow()) {
                values.add(SphericalSql.number(normalisedDeg(corner[0])));
                values.add(SphericalSql.number(corner[1]));
            }
        }
        return Optional.of(list(values));
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
