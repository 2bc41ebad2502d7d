package org.skysieve.query.translate;

import java.util.function.IntFunction;

import org.skysieve.query.check.SortedHealpixRows;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Position;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SphericalPolygon;
import org.skysieve.sky.healpix.HealpixCoverage;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * HEALPix range conditions on a depth-29 index column for a cone or polygon, from {@link HealpixCoverage}.
 *
 * <p>Depth: cells about half the region's radius wide (so the covering hugs the region; a cell at depth d is about
 * 58.6 / 2^d degrees), then shallower while the covering has more than {@value #MAXIMUM_RANGES} merged ranges
 * (each range is one BETWEEN; DuckDB prunes row groups with each). Static, thread-safe.
 */
final class HealpixConditions {
    static final int MAXIMUM_RANGES = 48;
    private static final double BASE_CELL_DEG = 58.6;

    private HealpixConditions() {
    }

    static HealpixRanges cone(double lonDeg, double latDeg, double radiusDeg) {
        LonLat centre = LonLat.ofDegrees(normalizedLon(lonDeg), latDeg);
        double radiusRad = Math.toRadians(radiusDeg);
        return coarsenUntilFew(depthFor(radiusDeg), depth -> HealpixCoverage.coneRanges(depth, centre.lonRad(), centre.latRad(), radiusRad));
    }

    static HealpixRanges polygon(SphericalPolygon polygon) {
        double radiusDeg = Math.toDegrees(Math.sqrt(polygon.areaSr() / Math.PI));
        return coarsenUntilFew(depthFor(radiusDeg), depth -> HealpixCoverage.polygonRanges(depth, polygon));
    }

    static double normalizedLon(double lonDeg) {
        double lon = lonDeg % 360.0;
        return lon < 0 ? lon + 360.0 : lon;
    }

    static int depthFor(double radiusDeg) {
        if (radiusDeg <= 0) {
            return 29;
        }
        int depth = (int) Math.floor(Math.log(BASE_CELL_DEG / (radiusDeg / 2)) / Math.log(2));
        return Math.max(0, Math.min(29, depth));
    }

    private static HealpixRanges coarsenUntilFew(int startDepth, IntFunction<HealpixRanges> covering) {
        int depth = startDepth;
        HealpixRanges ranges = covering.apply(depth);
        while (ranges.rangeCount() > MAXIMUM_RANGES && depth > 0) {
            depth--;
            ranges = covering.apply(depth);
        }
        return ranges;
    }

    /**
     * {@code column BETWEEN first AND last AND (column BETWEEN s0 AND e0 - 1 OR ...)}; FALSE for an empty set. The
     * enclosing BETWEEN comes first because DuckDB pushes a plain range (not an OR of ranges) into the Parquet scan,
     * where it skips row groups by their statistics.
     */
    static Expression condition(Expression.ColumnReference column, HealpixRanges ranges) {
        if (ranges.isEmpty()) {
            return new Expression.BooleanLiteral(Position.SYNTHETIC, false);
        }
        Expression condition = null;
        for (int i = 0; i < ranges.rangeCount(); i++) {
            Expression between = new Expression.Between(Position.SYNTHETIC, column, SphericalSql.integer(ranges.start(i)),
                    SphericalSql.integer(ranges.end(i) - 1), false);
            condition = condition == null ? between : SphericalSql.binary(BinaryOperator.OR, condition, between);
        }
        if (ranges.rangeCount() == 1) {
            return condition;
        }
        Expression enclosing = new Expression.Between(Position.SYNTHETIC, column, SphericalSql.integer(ranges.start(0)),
                SphericalSql.integer(ranges.end(ranges.rangeCount() - 1) - 1), false);
        return SphericalSql.binary(BinaryOperator.AND, enclosing, condition);
    }

    /**
     * {@link #condition} over row numbers of a copy sorted on the index: each range of index values
     * {@code [s, e - 1]} becomes {@code rowNumber BETWEEN $i AND $j} with the rows of those values (binary search in
     * {@code rows}; a range holding no row becomes an empty row range, {@code $i > $j}, so the SQL keeps its shape);
     * FALSE for an empty set.
     */
    static Expression rowCondition(Expression.ColumnReference rowNumber, HealpixRanges ranges, SortedHealpixRows rows,
            QueryParameters parameters) {
        if (ranges.isEmpty()) {
            return new Expression.BooleanLiteral(Position.SYNTHETIC, false);
        }
        Expression condition = null;
        for (int i = 0; i < ranges.rangeCount(); i++) {
            Expression between = rowsBetween(rowNumber, rows.rowRange(ranges.start(i), ranges.end(i) - 1), parameters);
            condition = condition == null ? between : SphericalSql.binary(BinaryOperator.OR, condition, between);
        }
        if (ranges.rangeCount() == 1) {
            return condition;
        }
        Expression enclosing = rowsBetween(rowNumber, rows.rowRange(ranges.start(0), ranges.end(ranges.rangeCount() - 1) - 1), parameters);
        return SphericalSql.binary(BinaryOperator.AND, enclosing, condition);
    }

    private static Expression rowsBetween(Expression.ColumnReference rowNumber, long[] firstAndLastRow, QueryParameters parameters) {
        return new Expression.Between(Position.SYNTHETIC, rowNumber, parameters.rowNumber(firstAndLastRow[0]),
                parameters.rowNumber(firstAndLastRow[1]), false);
    }
}
