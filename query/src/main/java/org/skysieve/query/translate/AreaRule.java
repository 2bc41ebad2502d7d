package org.skysieve.query.translate;

import java.util.Optional;

import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.FunctionCall;

/**
 * {@code AREA(CIRCLE(..., r))} → its area in square degrees, 2π(1 − cos r) (180/π)², as a number for a constant
 * radius, as an expression otherwise; of a constant POLYGON or BOX → its spherical area (Gauss-Bonnet, {@code SphericalPolygon.areaSr}); of a
 * POINT → 0. Other AREAs (polygons with column coordinates) are left to the printer, which refuses them.
 */
final class AreaRule implements RewriteRule {
    @Override
    public Optional<Expression> apply(Expression expression, RuleContext context) {
        if (!(expression instanceof FunctionCall call) || !call.name().equals("AREA")) {
            return Optional.empty();
        }
        Expression region = call.arguments().get(0);
        if (GeometryTerms.point(region).isPresent()) {
            return Optional.of(SphericalSql.number(0));
        }
        Optional<java.util.List<double[]>> vertices = GeometryTerms.polygonVerticesDeg(region);
        if (vertices.isPresent()) {
            return Optional.of(SphericalSql.number(PolygonRegion.of(vertices.get(), region.position()).areaSquareDeg()));
        }
        return GeometryTerms.circle(region)
                .map(circle -> {
                    var radius = GeometryTerms.constantValue(circle.radiusDeg());
                    if (radius.isEmpty()) {
                        // 2 pi (1 - cos r) (180 / pi)^2 per row
                        Expression oneMinusCos = SphericalSql.binary(Expression.BinaryOperator.SUBTRACT, SphericalSql.number(1),
                                FunctionCall.of("COS", FunctionCall.of("RADIANS", circle.radiusDeg())));
                        return SphericalSql.binary(Expression.BinaryOperator.MULTIPLY,
                                SphericalSql.number(2 * Math.PI * Math.pow(180 / Math.PI, 2)), oneMinusCos);
                    }
                    double steradians = 2 * Math.PI * (1 - Math.cos(Math.toRadians(radius.getAsDouble())));
                    return SphericalSql.number(steradians * Math.pow(180 / Math.PI, 2));
                });
    }
}
