package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * Cross-matches two sides piece by piece so that memory holds one piece and its margins, never a whole catalogue.
 *
 * <p>The pieces are the left side's HATS partitions; when the left side is in memory, the right side's partitions
 * (plus one piece for the left rows outside all of them); when neither is partitioned, the whole sky. For each piece,
 * the left rows inside it are matched against the right rows inside it or within the margin around it (the radius,
 * plus what proper motion can move a star between the two epochs, at most {@value #MAX_PROPER_MOTION_ARCSEC_PER_YEAR}
 * arcsec per year), so every left row is matched exactly once against every right row it could match. Symmetric mode
 * also reads the left rows within twice the margin, so that a right row's best left row is found even across a
 * partition edge. Pairs, distances, candidates and ranks equal those of {@link SkyMatcher} on the whole tables;
 * {@link MatchResult#mates(int)} counts only within a piece (a right row near an edge can be chosen from two pieces):
 * {@link GlobalMates} and {@link BestNeighbourTables} count mates over the whole sky.
 */
public final class PartitionedMatcher {
    /** Barnard's star moves 10.4 arcsec/yr; no star moves faster. */
    static final double MAX_PROPER_MOTION_ARCSEC_PER_YEAR = 11.0;
    private static final int RESIDUAL_MAX_DEPTH = 8;

    private PartitionedMatcher() {
    }

    /** One side: where its rows come from, where its positions are, which columns to carry. */
    public record Side(MatchSide rows, PositionColumns positions, List<String> columns) {
        public Side {
            requireNonNull(rows, "rows is null");
            requireNonNull(positions, "positions is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }

        List<String> readColumns() {
            Map<String, String> names = new LinkedHashMap<>();
            for (String name : columns) {
                names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
            for (String name : positions.columnNames()) {
                names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
            return List.copyOf(names.values());
        }
    }

    public static void match(Side left, Side right, MatchSpec spec, MatchSink sink) {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(sink, "sink is null");
        double marginRad = PieceMatch.marginRad(spec, left.positions(), right.positions());
        List<HatsPixel> pieces = !left.rows().partitions().isEmpty() ? left.rows().partitions() : right.rows().partitions();
        if (pieces.isEmpty() && left.rows() instanceof MemorySide leftMemory && right.rows() instanceof MemorySide rightMemory) {
            // both in memory already: no piece to cut
            LoadedTable leftRows = leftMemory.table();
            LoadedTable rightRows = rightMemory.table();
            sink.accept(leftRows, rightRows, SkyMatcher.match(left.positions().positions(leftRows), right.positions().positions(rightRows), spec));
            return;
        }
        if (pieces.isEmpty()) {
            HealpixRanges allSky = HealpixRanges.ofCells(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            matchPiece(left, right, spec, sink, allSky, allSky, allSky);
            return;
        }
        HealpixRanges covered = HealpixRanges.empty();
        for (HatsPixel pixel : pieces) {
            HealpixRanges core = HealpixRanges.ofCells(pixel.order(), pixel.pixel());
            covered = covered.union(core);
            matchPiece(left, right, spec, sink, core, PieceMatch.rightRanges(pixel, marginRad), PieceMatch.leftRanges(pixel, spec.mode(), marginRad));
        }
        if (left.rows().partitions().isEmpty()) {
            matchResidual(left, right, spec, sink, complement(covered), marginRad);
        }
    }

    /** The left rows outside every right partition: margins around the cells they occupy. */
    private static void matchResidual(Side left, Side right, MatchSpec spec, MatchSink sink, HealpixRanges residual, double marginRad) {
        LoadedTable core = left.rows().rowsIn(residual, HealpixRanges.empty(), left.readColumns());
        if (core.rowCount() == 0) {
            return;
        }
        SkyPositions positions = left.positions().positions(core);
        HealpixRanges rightRanges = aroundRows(positions, marginRad);
        HealpixRanges leftRanges = spec.mode() == MatchMode.SYMMETRIC ? aroundRows(positions, 2 * marginRad) : residual;
        matchPiece(left, right, spec, sink, residual, rightRanges, leftRanges);
    }

    private static HealpixRanges aroundRows(SkyPositions positions, double marginRad) {
        int depth = Math.min(RESIDUAL_MAX_DEPTH, SearchDepth.forRadius(marginRad));
        int shift = 2 * (HealpixNested.MAX_DEPTH - depth);
        long[] cells = new long[positions.size()];
        int n = 0;
        for (int i = 0; i < positions.size(); i++) {
            if (positions.hasPosition(i)) {
                cells[n++] = positions.hash29(i) >>> shift;
            }
        }
        long[] distinct = java.util.Arrays.stream(cells, 0, n).distinct().toArray();
        return MarginRanges.aroundCells(depth, distinct);
    }

    private static void matchPiece(Side left, Side right, MatchSpec spec, MatchSink sink, HealpixRanges core,
            HealpixRanges rightRanges, HealpixRanges leftExtendedRanges) {
        LoadedTable leftRows = left.rows().rowsIn(core, HealpixRanges.empty(), left.readColumns());
        if (leftRows.rowCount() == 0) {
            return;
        }
        LoadedTable rightRows = right.rows().rowsIn(rightRanges, HealpixRanges.empty(), right.readColumns());
        LoadedTable leftMargin = spec.mode() == MatchMode.SYMMETRIC ? left.rows().rowsIn(leftExtendedRanges, core, left.readColumns()) : leftRows;
        sink.accept(leftRows, rightRows, PieceMatch.match(leftRows, leftMargin, rightRows, left.positions(), right.positions(), spec));
    }

    private static HealpixRanges complement(HealpixRanges ranges) {
        long[] bounds = ranges.toArray();
        List<Long> pairs = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > previous) {
                pairs.add(previous);
                pairs.add(bounds[i]);
            }
            previous = bounds[i + 1];
        }
        long end = 12L << (2 * HealpixNested.MAX_DEPTH);
        if (previous < end) {
            pairs.add(previous);
            pairs.add(end);
        }
        return HealpixRanges.ofRanges(pairs.stream().mapToLong(Long::longValue).toArray());
    }
}
