package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.Angles;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * The matching of one piece of the sky, shared by {@link PartitionedMatcher} (one machine) and the Spark jobs (one task
 * per piece): the left rows inside a HEALPix cell against the right rows inside it or within the margin around it.
 *
 * <p>The margin is the radius plus what proper motion can move a star between the two epochs. Symmetric mode also
 * needs the left rows within twice the margin (so that a right row's best left row is found across the piece's edge).
 * With those rows, the pairs, distances, candidates and ranks of the piece's left rows equal those of
 * {@link SkyMatcher} on the whole tables; mates count within the piece only. Stateless and thread-safe.
 */
public final class PieceMatch {
    private PieceMatch() {
    }

    /** The margin in radians around a piece: the radius plus each side's largest proper-motion displacement. */
    public static double marginRad(MatchSpec spec, PositionColumns left, PositionColumns right) {
        requireNonNull(spec, "spec is null");
        return Angles.arcsecToRad(spec.radiusArcsec() + properMotionMarginArcsec(left) + properMotionMarginArcsec(right));
    }

    /** The ranges whose right rows a piece needs: the cell and every point within {@code marginRad} of it (a superset). */
    public static HealpixRanges rightRanges(HatsPixel piece, double marginRad) {
        return MarginRanges.aroundPixel(piece.order(), piece.pixel(), marginRad);
    }

    /** The ranges whose left rows a piece needs: the cell, and in symmetric mode every point within twice the margin. */
    public static HealpixRanges leftRanges(HatsPixel piece, MatchMode mode, double marginRad) {
        return mode == MatchMode.SYMMETRIC ? MarginRanges.aroundPixel(piece.order(), piece.pixel(), 2 * marginRad)
                : HealpixRanges.ofCells(piece.order(), piece.pixel());
    }

    /**
     * Matches one piece.
     *
     * @param leftRows   the left rows inside the piece
     * @param leftMargin the left rows of {@link #leftRanges} outside the piece (read only in symmetric mode; else ignored)
     * @param rightRows  the right rows of {@link #rightRanges}
     * @return pairs whose row indices refer to {@code leftRows} and {@code rightRows}
     */
    public static MatchResult match(LoadedTable leftRows, LoadedTable leftMargin, LoadedTable rightRows, PositionColumns leftPositions,
            PositionColumns rightPositions, MatchSpec spec) {
        SkyPositions left = leftPositions.positions(leftRows);
        SkyPositions right = rightPositions.positions(rightRows);
        if (spec.mode() != MatchMode.SYMMETRIC) {
            return SkyMatcher.match(left, right, spec);
        }
        // left rows of the piece first, then those of the wider margin: a left row keeps its index in both
        SkyPositions leftExtended = leftPositions.positions(Columns.concat(leftRows, leftMargin));
        MatchResult forward = SkyMatcher.match(left, right, spec.withMode(MatchMode.BEST));
        MatchResult backward = SkyMatcher.match(right, leftExtended, spec.withMode(MatchMode.BEST));
        return SkyMatcher.mutualBest(forward, backward, right.size());
    }

    private static double properMotionMarginArcsec(PositionColumns positions) {
        if (positions.properMotion().isEmpty() || positions.targetEpochYear().isEmpty()) {
            return 0;
        }
        return PartitionedMatcher.MAX_PROPER_MOTION_ARCSEC_PER_YEAR
                * Math.abs(positions.targetEpochYear().get() - positions.properMotion().get().epochYear());
    }
}
