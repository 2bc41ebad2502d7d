package org.skysieve.xmatch;

/** Sorts row indices by a long key (a LSD radix sort on primitive arrays: no boxing, stable). */
final class HashOrder {
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private HashOrder() {
    }

    /** The indices {@code 0..keys.length-1} ordered by ascending {@code keys} (non-negative), ties by index. */
    static int[] sortedIndices(long[] keys) {
        return sortedIndices(keys, 63);
    }

    /**
     * As {@link #sortedIndices(long[])} for keys below {@code 2^bits}: only the digits of those bits are sorted (a key
     * of 36 bits takes 4 passes of 11 bits instead of 6).
     */
    static int[] sortedIndices(long[] keys, int bits) {
        int n = keys.length;
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && keys[i] < keys[i - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            // HATS partitions arrive sorted by _healpix_29: no work.
            return order;
        }
        long[] key = keys.clone();
        long[] keyBuffer = new long[n];
        int[] orderBuffer = new int[n];
        int[] counts = new int[BUCKETS + 1];
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((key[i] >>> shift) & (BUCKETS - 1)) + 1]++;
            }
            if (counts[(int) ((key[0] >>> shift) & (BUCKETS - 1)) + 1] == n) {
                continue;
            }
            for (int b = 0; b < BUCKETS; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i = 0; i < n; i++) {
                int bucket = (int) ((key[i] >>> shift) & (BUCKETS - 1));
                int target = counts[bucket]++;
                keyBuffer[target] = key[i];
                orderBuffer[target] = order[i];
            }
            long[] swapKey = key;
            key = keyBuffer;
            keyBuffer = swapKey;
            int[] swapOrder = order;
            order = orderBuffer;
            orderBuffer = swapOrder;
        }
        return order;
    }
}
