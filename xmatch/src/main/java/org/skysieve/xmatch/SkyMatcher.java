package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.skysieve.sky.Angles;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * The in-memory positional cross-match: a bucketed sweep over HEALPix cells.
 *
 * <p>Both sides are sorted by their depth-29 HEALPix index. The bucket depth is the deepest at which a cell and its
 * (7 or 8) neighbours contain every point within the search radius of any point of the cell ({@link SearchDepth}),
 * made coarser while cells would hold fewer than two right rows. Left rows are visited in index order; the right rows
 * of each left cell's 9-cell neighbourhood are contiguous runs found by binary search. Distances are exact great
 * circles (from the chord between unit vectors), so RA 0/360 and the poles need no special case. The left side is cut
 * into chunks matched by {@code spec.threads()} workers; results do not depend on the thread count.
 *
 * <p>Stateless and thread-safe. Memory: about 56 bytes per row of each side plus the pairs found.
 */
public final class SkyMatcher {
    private SkyMatcher() {
    }

    /** Matches {@code left} against {@code right}. */
    public static MatchResult match(SkyPositions left, SkyPositions right, MatchSpec spec) {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(spec, "spec is null");
        if (spec.mode() == MatchMode.SYMMETRIC) {
            return symmetric(left, right, spec);
        }
        double searchRadiusArcsec = spec.radiusArcsec();
        if (spec.sigmaCount() > 0) {
            double maxLeft = left.maxErrorArcsec();
            double maxRight = right.maxErrorArcsec();
            searchRadiusArcsec = Math.min(searchRadiusArcsec, spec.sigmaCount() * Math.sqrt(maxLeft * maxLeft + maxRight * maxRight));
        }
        int maxDepth = SearchDepth.forRadius(Angles.arcsecToRad(searchRadiusArcsec));
        // the two sides are sorted at once when there are threads for it
        CompletableFuture<CellIndex> leftFuture = spec.threads() > 1 ? CompletableFuture.supplyAsync(() -> new CellIndex(left, maxDepth))
                : CompletableFuture.completedFuture(new CellIndex(left, maxDepth));
        CellIndex rightIndex = new CellIndex(right, maxDepth);
        CellIndex leftIndex = leftFuture.join();
        int depth = SearchDepth.forIndex(rightIndex, maxDepth);
        Sweep sweep = new Sweep(leftIndex, rightIndex, depth, spec);
        List<PairBuffer> buffers = run(sweep, leftIndex.size(), spec.threads());
        return assemble(buffers, left.size(), right.size());
    }

    private static MatchResult symmetric(SkyPositions left, SkyPositions right, MatchSpec spec) {
        MatchResult forward = match(left, right, spec.withMode(MatchMode.BEST));
        MatchResult backward = match(right, left, spec.withMode(MatchMode.BEST));
        return mutualBest(forward, backward, right.size());
    }

    /**
     * The pairs of {@code forward} (best left to right) whose right row's best left row ({@code backward}, right to
     * left, whose right rows may extend the forward left rows: index i means the same row in both) is the same row.
     */
    static MatchResult mutualBest(MatchResult forward, MatchResult backward, int rightSize) {
        int[] bestLeftOfRight = new int[rightSize];
        Arrays.fill(bestLeftOfRight, -1);
        for (int i = 0; i < backward.size(); i++) {
            bestLeftOfRight[backward.leftRow(i)] = backward.rightRow(i);
        }
        PairBuffer kept = new PairBuffer();
        for (int i = 0; i < forward.size(); i++) {
            if (bestLeftOfRight[forward.rightRow(i)] == forward.leftRow(i)) {
                double chord = 2 * Math.sin(Angles.arcsecToRad(forward.distanceArcsec(i)) / 2);
                kept.add(forward.leftRow(i), forward.rightRow(i), chord * chord, forward.candidates(i), 1);
            }
        }
        return toResult(kept, rightSize);
    }

    private static List<PairBuffer> run(Sweep sweep, int leftRows, int threads) {
        int chunkCount = threads == 1 ? 1 : Math.max(1, Math.min(threads * 8, leftRows / 1024));
        List<PairBuffer> buffers = new ArrayList<>(chunkCount);
        if (chunkCount == 1) {
            PairBuffer buffer = new PairBuffer();
            sweep.match(0, leftRows, buffer);
            buffers.add(buffer);
            return buffers;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "skysieve-xmatch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PairBuffer>> futures = new ArrayList<>(chunkCount);
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                int from = (int) ((long) leftRows * chunk / chunkCount);
                int to = (int) ((long) leftRows * (chunk + 1) / chunkCount);
                futures.add(pool.submit(() -> {
                    PairBuffer buffer = new PairBuffer();
                    sweep.match(from, to, buffer);
                    return buffer;
                }));
            }
            for (Future<PairBuffer> future : futures) {
                buffers.add(future.get());
            }
            return buffers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-match interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cross-match worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Concatenates the workers' pairs in left-row order (a stable counting sort keeps each row's rank order). */
    private static MatchResult assemble(List<PairBuffer> buffers, int leftSize, int rightSize) {
        int total = 0;
        for (PairBuffer buffer : buffers) {
            total += buffer.size;
        }
        int[] start = new int[leftSize + 1];
        for (PairBuffer buffer : buffers) {
            for (int i = 0; i < buffer.size; i++) {
                start[buffer.left[i] + 1]++;
            }
        }
        for (int row = 0; row < leftSize; row++) {
            start[row + 1] += start[row];
        }
        int[] leftRow = new int[total];
        int[] rightRow = new int[total];
        double[] distanceArcsec = new double[total];
        int[] candidates = new int[total];
        int[] rank = new int[total];
        for (PairBuffer buffer : buffers) {
            for (int i = 0; i < buffer.size; i++) {
                int target = start[buffer.left[i]]++;
                leftRow[target] = buffer.left[i];
                rightRow[target] = buffer.right[i];
                distanceArcsec[target] = chordToArcsec(buffer.chordSquared[i]);
                candidates[target] = buffer.candidates[i];
                rank[target] = buffer.rank[i];
            }
        }
        return new MatchResult(leftRow, rightRow, distanceArcsec, candidates, rank, rightSize);
    }

    private static MatchResult toResult(PairBuffer buffer, int rightSize) {
        int n = buffer.size;
        double[] distanceArcsec = new double[n];
        for (int i = 0; i < n; i++) {
            distanceArcsec[i] = chordToArcsec(buffer.chordSquared[i]);
        }
        return new MatchResult(Arrays.copyOf(buffer.left, n), Arrays.copyOf(buffer.right, n), distanceArcsec,
                Arrays.copyOf(buffer.candidates, n), Arrays.copyOf(buffer.rank, n), rightSize);
    }

    static double chordToArcsec(double chordSquared) {
        return Angles.radToArcsec(2 * Math.asin(Math.min(1.0, Math.sqrt(chordSquared) / 2)));
    }

    static double arcsecToChordSquared(double radiusArcsec) {
        double chord = 2 * Math.sin(Angles.arcsecToRad(radiusArcsec) / 2);
        return chord * chord;
    }

    /** The matching of a range of left rows (in index order) against the whole right side. */
    private static final class Sweep {
        private final CellIndex left;
        private final CellIndex right;
        private final int depth;
        private final int shift;
        private final boolean all;
        private final double sigmaCount;
        private final double radiusArcsec;
        private final double maxChordSquared;
        /** Where each right cell's rows start, from the first occupied cell to the last, or null: binary search. */
        private final int[] cellStart;
        private final long firstCell;

        Sweep(CellIndex left, CellIndex right, int depth, MatchSpec spec) {
            this.left = left;
            this.right = right;
            this.depth = depth;
            this.shift = 2 * (HealpixNested.MAX_DEPTH - depth);
            this.all = spec.mode() == MatchMode.ALL;
            this.sigmaCount = spec.sigmaCount();
            this.radiusArcsec = spec.radiusArcsec();
            this.maxChordSquared = arcsecToChordSquared(spec.radiusArcsec());
            long span = right.size() == 0 ? 0 : (right.hash29[right.size() - 1] >>> shift) - (right.hash29[0] >>> shift) + 1;
            if (right.size() > 0 && span <= Math.max(4L * right.size(), 1 << 16)) {
                // a table of cell starts replaces two binary searches per neighbour cell by two array reads
                firstCell = right.hash29[0] >>> shift;
                cellStart = new int[(int) span + 1];
                int row = 0;
                for (int cell = 0; cell <= span; cell++) {
                    while (row < right.size() && (right.hash29[row] >>> shift) - firstCell < cell) {
                        row++;
                    }
                    cellStart[cell] = row;
                }
            } else {
                firstCell = 0;
                cellStart = null;
            }
        }

        void match(int from, int to, PairBuffer out) {
            int[] runStart = new int[9];
            int[] runEnd = new int[9];
            CandidateList candidates = new CandidateList();
            int i = from;
            while (i < to) {
                long cell = left.hash29[i] >>> shift;
                int groupEnd = i + 1;
                while (groupEnd < to && (left.hash29[groupEnd] >>> shift) == cell) {
                    groupEnd++;
                }
                int runs = addRun(cell, runStart, runEnd, 0);
                for (long neighbour : HealpixNested.neighbours(depth, cell)) {
                    runs = addRun(neighbour, runStart, runEnd, runs);
                }
                if (runs > 0) {
                    for (int l = i; l < groupEnd; l++) {
                        matchRow(l, runStart, runEnd, runs, candidates, out);
                    }
                }
                i = groupEnd;
            }
        }

        private int addRun(long cell, int[] runStart, int[] runEnd, int runs) {
            int start;
            int end;
            if (cellStart != null) {
                long offset = cell - firstCell;
                if (offset < 0 || offset >= cellStart.length - 1) {
                    return runs;
                }
                start = cellStart[(int) offset];
                end = cellStart[(int) offset + 1];
            } else {
                start = right.lowerBound(cell << shift);
                end = right.lowerBound((cell + 1) << shift);
            }
            if (start < end) {
                runStart[runs] = start;
                runEnd[runs] = end;
                return runs + 1;
            }
            return runs;
        }

        private void matchRow(int l, int[] runStart, int[] runEnd, int runs, CandidateList candidates, PairBuffer out) {
            double lx = left.x[l];
            double ly = left.y[l];
            double lz = left.z[l];
            double leftError = left.errorArcsec[l];
            int leftRow = left.rows[l];
            candidates.clear();
            int count = 0;
            int bestRow = -1;
            double bestChord = Double.POSITIVE_INFINITY;
            for (int run = 0; run < runs; run++) {
                for (int r = runStart[run]; r < runEnd[run]; r++) {
                    double dx = lx - right.x[r];
                    double dy = ly - right.y[r];
                    double dz = lz - right.z[r];
                    double chord2 = dx * dx + dy * dy + dz * dz;
                    if (chord2 > maxChordSquared || (sigmaCount > 0 && chord2 > pairLimit(leftError, right.errorArcsec[r]))) {
                        continue;
                    }
                    count++;
                    int rightRow = right.rows[r];
                    if (all) {
                        candidates.add(rightRow, chord2);
                    } else if (chord2 < bestChord || (chord2 == bestChord && rightRow < bestRow)) {
                        bestChord = chord2;
                        bestRow = rightRow;
                    }
                }
            }
            if (count == 0) {
                return;
            }
            if (all) {
                candidates.sort();
                for (int k = 0; k < candidates.size; k++) {
                    out.add(leftRow, candidates.rows[k], candidates.chords[k], count, k + 1);
                }
            } else {
                out.add(leftRow, bestRow, bestChord, count, 1);
            }
        }

        private double pairLimit(double leftError, double rightError) {
            double radius = Math.min(radiusArcsec, sigmaCount * Math.sqrt(leftError * leftError + rightError * rightError));
            return arcsecToChordSquared(radius);
        }
    }

    /** The candidates of one left row in all mode, sorted by distance then right row. */
    private static final class CandidateList {
        int size;
        int[] rows = new int[16];
        double[] chords = new double[16];

        void clear() {
            size = 0;
        }

        void add(int row, double chord2) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                chords = Arrays.copyOf(chords, size * 2);
            }
            rows[size] = row;
            chords[size] = chord2;
            size++;
        }

        void sort() {
            for (int i = 1; i < size; i++) {
                int row = rows[i];
                double chord = chords[i];
                int j = i - 1;
                while (j >= 0 && (chords[j] > chord || (chords[j] == chord && rows[j] > row))) {
                    rows[j + 1] = rows[j];
                    chords[j + 1] = chords[j];
                    j--;
                }
                rows[j + 1] = row;
                chords[j + 1] = chord;
            }
        }
    }
}
