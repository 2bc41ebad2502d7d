package org.skysieve.xmatch;

import java.util.Arrays;

/** A growable list of candidate pairs on primitive arrays; one per worker, never shared. */
final class PairBuffer {
    int size;
    int[] left = new int[1024];
    int[] right = new int[1024];
    double[] chordSquared = new double[1024];
    int[] candidates = new int[1024];
    int[] rank = new int[1024];

    void add(int leftRow, int rightRow, double chord2, int candidateCount, int rankInRow) {
        if (size == left.length) {
            int capacity = size * 2;
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            chordSquared = Arrays.copyOf(chordSquared, capacity);
            candidates = Arrays.copyOf(candidates, capacity);
            rank = Arrays.copyOf(rank, capacity);
        }
        left[size] = leftRow;
        right[size] = rightRow;
        chordSquared[size] = chord2;
        candidates[size] = candidateCount;
        rank[size] = rankInRow;
        size++;
    }
}
