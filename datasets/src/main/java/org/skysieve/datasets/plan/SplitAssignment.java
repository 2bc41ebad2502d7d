package org.skysieve.datasets.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.skysieve.datasets.spec.SplitSpec;

/**
 * The seeded hashes that make a dataset reproducible, written so that anyone can recompute them (e.g. Python's
 * {@code hashlib}):
 * <ul>
 *   <li>a sky cell's split: {@code u = (first 8 bytes of SHA-256("SEED:ORDER:CELL") as an unsigned big-endian
 *       integer >> 11) / 2^53}, in [0, 1); the cell goes to {@code train} when {@code u < f_train}, to
 *       {@code validation} when {@code u < f_train + f_validation}, else to {@code test}. The cell is the object's
 *       HEALPix NESTED index at the split order, so a cell's split does not depend on which objects are chosen.</li>
 *   <li>a row's order key: the lower-case hex SHA-256 of {@code "SEED:OBJECT_ID"}; rows are ordered by split (train,
 *       validation, test), then by this key, and balancing keeps the rows of smallest key in each class.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class SplitAssignment {
    private SplitAssignment() {
    }

    /** The uniform draw of {@code cell} in [0, 1). */
    static double draw(long seed, int order, long cell) {
        byte[] digest = sha256(seed + ":" + order + ":" + cell);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** The split of {@code cell}: one of {@link SplitSpec#NAMES}. */
    static String splitOf(SplitSpec split, long cell) {
        double u = draw(split.seed(), split.order(), cell);
        if (u < split.fraction("train")) {
            return "train";
        }
        if (u < split.fraction("train") + split.fraction("validation")) {
            return "validation";
        }
        return "test";
    }

    /** DuckDB SQL of the order key of the row whose id (text) is {@code idColumn}. */
    static String rowKeySql(long seed, String idColumn) {
        return "sha256('" + seed + ":' || " + idColumn + ")";
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
