package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

/**
 * The pairs a cross-match found, as primitive columns, ordered by left row then rank.
 *
 * <p>Per pair: the left and right row indices (0-based, as in the {@link SkyPositions} given), the great-circle
 * distance in arcsec, the number of right rows within the radius of the left row (candidates), the rank of this right
 * row among them by distance (1 = nearest; ties by lower right row), and the mates: how many OTHER pairs of this result
 * hold the same right row (in best mode: how many other left rows chose the same right row). Arrays are owned by the
 * result and never exposed.
 */
public final class MatchResult {
    private final int[] leftRow;
    private final int[] rightRow;
    private final double[] distanceArcsec;
    private final int[] candidates;
    private final int[] rank;
    private final int[] mates;

    MatchResult(int[] leftRow, int[] rightRow, double[] distanceArcsec, int[] candidates, int[] rank, int rightSize) {
        this.leftRow = requireNonNull(leftRow, "leftRow is null");
        this.rightRow = requireNonNull(rightRow, "rightRow is null");
        this.distanceArcsec = requireNonNull(distanceArcsec, "distanceArcsec is null");
        this.candidates = requireNonNull(candidates, "candidates is null");
        this.rank = requireNonNull(rank, "rank is null");
        int[] perRight = new int[rightSize];
        for (int right : rightRow) {
            perRight[right]++;
        }
        mates = new int[rightRow.length];
        for (int i = 0; i < rightRow.length; i++) {
            mates[i] = perRight[rightRow[i]] - 1;
        }
    }

    private MatchResult(MatchResult pairs, int[] mates) {
        this.leftRow = pairs.leftRow;
        this.rightRow = pairs.rightRow;
        this.distanceArcsec = pairs.distanceArcsec;
        this.candidates = pairs.candidates;
        this.rank = pairs.rank;
        this.mates = mates;
    }

    /** The same pairs with {@code mates} (one per pair, owned by the result from now on) in place of the counts within this result. */
    public MatchResult withMates(int[] mates) {
        if (mates.length != leftRow.length) {
            throw new IllegalArgumentException("Expected one mates count per pair (" + leftRow.length + "). Actual: " + mates.length);
        }
        return new MatchResult(this, mates);
    }

    /** Number of pairs. */
    public int size() {
        return leftRow.length;
    }

    public int leftRow(int pair) {
        return leftRow[pair];
    }

    public int rightRow(int pair) {
        return rightRow[pair];
    }

    public double distanceArcsec(int pair) {
        return distanceArcsec[pair];
    }

    public int candidates(int pair) {
        return candidates[pair];
    }

    public int rank(int pair) {
        return rank[pair];
    }

    public int mates(int pair) {
        return mates[pair];
    }
}
