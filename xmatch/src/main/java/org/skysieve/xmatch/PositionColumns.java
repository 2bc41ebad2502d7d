package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which columns of a side give its positions, and how to bring them to the match epoch.
 *
 * @param raColumn        right ascension, degrees
 * @param decColumn       declination, degrees
 * @param errorColumn     a positional error column, or empty (no per-row errors)
 * @param errorToArcsec   factor turning the error column's unit into arcsec (1000 for mas: 0.001)
 * @param properMotion    proper motion columns and the catalogue epoch, or empty
 * @param targetEpochYear the epoch to move positions to when {@code properMotion} is present, or empty (no move)
 */
public record PositionColumns(String raColumn, String decColumn, Optional<String> errorColumn, double errorToArcsec,
        Optional<ProperMotionColumns> properMotion, Optional<Double> targetEpochYear) {

    /**
     * @param pmraColumn   proper motion in RA times cos(dec), mas/yr
     * @param pmdecColumn  proper motion in Dec, mas/yr
     * @param epochYear    the epoch of the positions, Julian year
     */
    public record ProperMotionColumns(String pmraColumn, String pmdecColumn, double epochYear) {
        public ProperMotionColumns {
            requireNonNull(pmraColumn, "pmraColumn is null");
            requireNonNull(pmdecColumn, "pmdecColumn is null");
        }
    }

    public PositionColumns {
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(errorColumn, "errorColumn is null");
        requireNonNull(properMotion, "properMotion is null");
        requireNonNull(targetEpochYear, "targetEpochYear is null");
    }

    /** Plain positions, no errors, no proper motion. */
    public static PositionColumns of(String raColumn, String decColumn) {
        return new PositionColumns(raColumn, decColumn, Optional.empty(), 1.0, Optional.empty(), Optional.empty());
    }

    public PositionColumns withError(String column, double toArcsec) {
        return new PositionColumns(raColumn, decColumn, Optional.of(column), toArcsec, properMotion, targetEpochYear);
    }

    public PositionColumns withProperMotion(ProperMotionColumns columns, double toEpochYear) {
        return new PositionColumns(raColumn, decColumn, errorColumn, errorToArcsec, Optional.of(columns), Optional.of(toEpochYear));
    }

    /** Every column these positions read. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(List.of(raColumn, decColumn));
        errorColumn.ifPresent(names::add);
        properMotion.ifPresent(pm -> names.addAll(List.of(pm.pmraColumn(), pm.pmdecColumn())));
        return names;
    }

    /** The positions of {@code table}'s rows, moved to the target epoch when asked. */
    public SkyPositions positions(LoadedTable table) {
        double[] ra = LoadedTable.doubles(table.require(raColumn, "right ascension"));
        double[] dec = LoadedTable.doubles(table.require(decColumn, "declination"));
        if (properMotion.isPresent() && targetEpochYear.isPresent()) {
            ProperMotionColumns pm = properMotion.get();
            double[][] moved = ProperMotion.propagate(ra, dec, LoadedTable.doubles(table.require(pm.pmraColumn(), "proper motion")),
                    LoadedTable.doubles(table.require(pm.pmdecColumn(), "proper motion")), pm.epochYear(), targetEpochYear.get());
            ra = moved[0];
            dec = moved[1];
        }
        double[] errors = null;
        if (errorColumn.isPresent()) {
            double[] raw = LoadedTable.doubles(table.require(errorColumn.get(), "positional error"));
            errors = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                errors[i] = raw[i] * errorToArcsec;
            }
        }
        try {
            return SkyPositions.ofDegrees(ra, dec, errors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(table.source() + ": " + e.getMessage(), e);
        }
    }
}
