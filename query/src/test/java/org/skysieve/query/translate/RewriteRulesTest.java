package org.skysieve.query.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.AdqlException;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableSource;
import org.skysieve.query.parser.AdqlParsing;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.HealpixRanges;

/** Each rule: when it fires and what it gives, and when it does not fire. */
class RewriteRulesTest {
    static final TableDescription SURVEY = new TableDescription("survey", "objects",
            List.of(ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "id"), ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                    ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")),
            Optional.of(new TableDescription.SkyPositionColumns("ra", "dec", "_healpix_29")),
            new TableSource.ParquetFile(Path.of("/nonexistent/objects.parquet")));

    private static RuleContext context() {
        return RuleContext.of(Map.of("t", SURVEY)).atTopLevelConjunct(true);
    }

    /** The WHERE condition of {@code SELECT x FROM t WHERE condition}. */
    private static Expression condition(String adql) {
        return ((SetExpression.Select) AdqlParsing.parse("SELECT x FROM t WHERE " + adql).body()).where().orElseThrow();
    }

    private static Expression value(String adql) {
        return ((SelectItem.DerivedColumn) ((SetExpression.Select) AdqlParsing.parse("SELECT " + adql + " FROM t").body())
                .items().get(0)).value();
    }

    @Test
    void containsOnASurveyPositionGivesHealpixRangesAndTheExactTest() {
        RuleContext context = context();
        Expression rewritten = new ContainsRule().apply(condition("1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', 10, 20, 0.1))"),
                context).orElseThrow();
        Expression.Binary and = (Expression.Binary) rewritten;
        assertThat(and.operator()).isEqualTo(BinaryOperator.AND);
        assertThat(new SqlPrinter(null, Map.of()).expression(and.left())).contains("(\"t\".\"_healpix_29\" BETWEEN ")
                .startsWith("((\"t\".\"_healpix_29\" BETWEEN ");
        assertThat(((Expression.Binary) and.right()).operator()).isEqualTo(BinaryOperator.LESS_OR_EQUAL);
        assertThat(context.constraints()).containsKey("t");
    }

    @Test
    void containsEqualZeroIsTheNegationAndDoesNotPrune() {
        RuleContext context = context();
        Expression rewritten = new ContainsRule().apply(condition("CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 20, 0.1)) = 0"), context)
                .orElseThrow();
        assertThat(rewritten).isInstanceOf(Expression.Not.class);
        assertThat(context.constraints()).isEmpty();
    }

    @Test
    void containsDoesNotFireOnOtherComparisonsOrRegions() {
        ContainsRule rule = new ContainsRule();
        assertThat(rule.apply(condition("2 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 20, 0.1))"), context())).isEmpty();
        assertThat(rule.apply(condition("CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 20, 0.1)) < 1"), context())).isEmpty();
        assertThat(rule.apply(condition("1 = CONTAINS(CIRCLE(1, 2, 3), POINT(10, 20))"), context())).isEmpty();
        assertThat(rule.apply(condition("t.ra = 1"), context())).isEmpty();
    }

    @Test
    void noHealpixConditionUnlessTheSurveyPositionMeetsAConstantRegion() {
        RuleContext swapped = context();
        Expression exact = new ContainsRule().apply(condition("1 = CONTAINS(POINT(t.dec, t.ra), CIRCLE(10, 20, 0.1))"), swapped).orElseThrow();
        assertThat(((Expression.Binary) exact).operator()).isEqualTo(BinaryOperator.LESS_OR_EQUAL);
        RuleContext variable = context();
        new ContainsRule().apply(condition("1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(t.ra, 20, 0.1))"), variable).orElseThrow();
        assertThat(swapped.constraints()).isEmpty();
        assertThat(variable.constraints()).isEmpty();
        RuleContext nested = context().atTopLevelConjunct(false);
        new ContainsRule().apply(condition("1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 20, 0.1))"), nested).orElseThrow();
        assertThat(nested.constraints()).isEmpty();
    }

    @Test
    void nonConvexPolygonsBecomeAnOrOfConvexPartsAndInvalidOnesAreRefused() {
        Expression rewritten = new ContainsRule().apply(condition("1 = CONTAINS(POINT(t.ra, t.dec), POLYGON(10, 10, 11, 10, 11, 11, 10, 11))"),
                context()).orElseThrow();
        assertThat(((Expression.Binary) rewritten).operator()).isEqualTo(BinaryOperator.AND);
        RuleContext context = context();
        Expression nonConvex = new ContainsRule().apply(
                condition("1 = CONTAINS(POINT(t.ra, t.dec), POLYGON(10, 10, 12, 10, 11, 10.5, 12, 11, 10, 11))"), context).orElseThrow();
        Expression exact = ((Expression.Binary) nonConvex).right();
        assertThat(((Expression.Binary) exact).operator()).as("an OR of triangles").isEqualTo(BinaryOperator.OR);
        assertThat(context.constraints()).as("HEALPix ranges of the non-convex polygon").isNotEmpty();
        assertThatThrownBy(() -> new ContainsRule().apply(
                condition("1 = CONTAINS(POINT(t.ra, t.dec), POLYGON(10, 10, 12, 12, 12, 10, 10, 12))"), context()))
                .isInstanceOf(AdqlException.class).hasMessageContaining("invalid polygon");
        assertThatThrownBy(() -> new ContainsRule().apply(
                condition("1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(10, 95, 1))"), context()))
                .isInstanceOf(AdqlException.class).hasMessageContaining("declination must be in [-90, 90]");
    }

    @Test
    void distanceBoundFiresOnLessThanAndOnGreaterThanReversed() {
        DistanceComparisonRule rule = new DistanceComparisonRule();
        RuleContext context = context();
        Expression less = rule.apply(condition("DISTANCE(POINT(10, 20), POINT(t.ra, t.dec)) < 0.1"), context).orElseThrow();
        assertThat(((Expression.Binary) ((Expression.Binary) less).right()).operator()).isEqualTo(BinaryOperator.LESS);
        assertThat(context.constraints()).containsKey("t");
        assertThat(rule.apply(condition("0.1 >= DISTANCE(t.ra, t.dec, 10, 20)"), context())).isPresent();
        assertThat(rule.apply(condition("DISTANCE(POINT(10, 20), POINT(t.ra, t.dec)) > 0.1"), context())).isEmpty();
        assertThat(rule.apply(condition("t.ra < 0.1"), context())).isEmpty();
    }

    @Test
    void distanceBecomesHaversineDegrees() {
        Expression rewritten = new DistanceRule().apply(value("DISTANCE(POINT(0, 0), POINT(3, 4))"), RuleContext.empty()).orElseThrow();
        assertThat(((Expression.FunctionCall) rewritten).name()).isEqualTo("DEGREES");
        assertThat(new DistanceRule().apply(value("ABS(1)"), RuleContext.empty())).isEmpty();
    }

    @Test
    void coordinatesOfAPointAreItsArguments() {
        Expression coordinate = new CoordinateRule().apply(value("COORD2(POINT('ICRS', t.ra, t.dec))"), RuleContext.empty()).orElseThrow();
        assertThat(((Expression.ColumnReference) coordinate).parts()).extracting(p -> p.name()).containsExactly("t", "dec");
        assertThat(new CoordinateRule().apply(value("COORD1(t.pos)"), RuleContext.empty())).isEmpty();
    }

    @Test
    void areaOfAConstantCircleIsANumberAndOfAColumnRadiusAnExpression() {
        Expression area = new AreaRule().apply(value("AREA(CIRCLE(0, 0, 1))"), RuleContext.empty()).orElseThrow();
        double expected = 2 * Math.PI * (1 - Math.cos(Math.toRadians(1))) * Math.pow(180 / Math.PI, 2);
        assertThat(Double.parseDouble(((Expression.NumberLiteral) area).text())).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(Math.PI, within(1e-3));
        assertThat(new AreaRule().apply(value("AREA(CIRCLE(0, 0, t.r))"), RuleContext.empty()).orElseThrow())
                .isInstanceOf(Expression.Binary.class);
        assertThatThrownBy(() -> new AreaRule().apply(value("AREA(POLYGON(t.ra, 0, 1, 0, 1, 1))"), RuleContext.empty()))
                .isInstanceOf(AdqlException.class).hasMessageContaining("POLYGON vertex must be a constant number here");
    }

    @Test
    void containsAsAValueBecomesCase() {
        assertThat(new ContainsValueRule().apply(value("CONTAINS(POINT(t.ra, t.dec), CIRCLE(1, 2, 3))"), context()).orElseThrow())
                .isInstanceOf(Expression.Case.class);
        assertThat(new ContainsValueRule().apply(value("CONTAINS(t.a, t.b)"), context())).isEmpty();
    }

    @Test
    void healpixCoveringHoldsEveryPointOfTheCone() {
        Random random = new Random(11);
        for (int cone = 0; cone < 50; cone++) {
            double raDeg = random.nextDouble() * 360;
            double decDeg = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            double radiusDeg = Math.pow(10, -3 + 3.5 * random.nextDouble());
            HealpixRanges ranges = HealpixConditions.cone(raDeg, decDeg, radiusDeg);
            assertThat(ranges.rangeCount()).isLessThanOrEqualTo(HealpixConditions.MAXIMUM_RANGES);
            for (int point = 0; point < 200; point++) {
                // a random point inside the cone: distance and bearing from the centre
                double distanceRad = Math.toRadians(radiusDeg) * Math.sqrt(random.nextDouble()) * 0.999;
                double bearingRad = random.nextDouble() * 2 * Math.PI;
                double lat0 = Math.toRadians(decDeg);
                double lat = Math.asin(Math.sin(lat0) * Math.cos(distanceRad) + Math.cos(lat0) * Math.sin(distanceRad) * Math.cos(bearingRad));
                double lon = Math.toRadians(raDeg) + Math.atan2(Math.sin(bearingRad) * Math.sin(distanceRad) * Math.cos(lat0),
                        Math.cos(distanceRad) - Math.sin(lat0) * Math.sin(lat));
                lon = ((lon % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
                assertThat(ranges.contains(HealpixNested.hash(29, lon, lat))).as("cone %d point %d", cone, point).isTrue();
            }
        }
    }
}
