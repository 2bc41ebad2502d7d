package org.skysieve.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixRanges;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.PieceMatch;

/**
 * Plans a cross-match of two HATS catalogues as one task per left partition (a piece), each reading its own partition
 * and the right partitions that overlap its margin: no shuffle of rows. Runs on the driver and opens no data file.
 * Stateless.
 */
final class MatchPlanner {
    private MatchPlanner() {
    }

    static List<PiecePlan> plan(SparkCatalogue left, SparkCatalogue right, MatchMode mode, double marginRad) {
        List<HatsPixel> pieces = left.pixels();
        List<HealpixRanges> rightRanges = new ArrayList<>(pieces.size());
        for (HatsPixel piece : pieces) {
            rightRanges.add(PieceMatch.rightRanges(piece, marginRad));
        }
        // the pieces sorted by their first index: HATS partitions are disjoint, so a range meets a run of them
        long[] firstIndex = pieces.stream().mapToLong(HatsPixel::firstIndex29).toArray();
        Integer[] byStart = new Integer[pieces.size()];
        for (int i = 0; i < byStart.length; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, (a, b) -> Long.compare(firstIndex[a], firstIndex[b]));
        long[] sortedStarts = Arrays.stream(byStart).mapToLong(i -> firstIndex[i]).toArray();
        List<List<long[]>> shared = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            shared.add(new ArrayList<>());
        }
        for (int q = 0; q < pieces.size(); q++) {
            long[] bounds = rightRanges.get(q).toArray();
            for (int r = 0; r < bounds.length; r += 2) {
                // pieces whose cell [first, last] meets [bounds[r], bounds[r + 1])
                int position = Arrays.binarySearch(sortedStarts, bounds[r]);
                int from = position >= 0 ? position : Math.max(0, -position - 2);
                for (int k = from; k < sortedStarts.length && sortedStarts[k] < bounds[r + 1]; k++) {
                    int p = byStart[k];
                    HatsPixel cell = pieces.get(p);
                    long start = Math.max(bounds[r], cell.firstIndex29());
                    long end = Math.min(bounds[r + 1], cell.lastIndex29() + 1);
                    if (p != q && start < end) {
                        shared.get(p).add(new long[] {start, end});
                    }
                }
            }
        }
        List<PiecePlan> plans = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            HatsPixel piece = pieces.get(p);
            long[] rightBounds = rightRanges.get(p).toArray();
            long[] leftMarginBounds = mode == MatchMode.SYMMETRIC ? PieceMatch.leftRanges(piece, mode, marginRad).toArray() : new long[0];
            plans.add(new PiecePlan(p, piece.order(), piece.pixel(), left.files().get(piece), filesOverlapping(left, leftMarginBounds, piece), leftMarginBounds,
                    filesOverlapping(right, rightBounds, null), rightBounds, union(shared.get(p))));
        }
        return plans;
    }

    /** The files of the partitions of {@code catalogue} that meet the ranges, {@code except} left out. */
    private static List<String> filesOverlapping(SparkCatalogue catalogue, long[] bounds, HatsPixel except) {
        HealpixRanges ranges = HealpixRanges.ofRanges(bounds);
        List<String> files = new ArrayList<>();
        for (HatsPixel pixel : catalogue.pixels()) {
            if (!pixel.equals(except) && ranges.intersectsCell(pixel.order(), pixel.pixel())) {
                files.addAll(catalogue.files().get(pixel));
            }
        }
        return files;
    }

    private static long[] union(List<long[]> ranges) {
        long[] pairs = new long[2 * ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            pairs[2 * i] = ranges.get(i)[0];
            pairs[2 * i + 1] = ranges.get(i)[1];
        }
        return HealpixRanges.ofRanges(pairs).toArray();
    }
}
