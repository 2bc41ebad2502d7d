package org.skysieve.xmatch;

import java.util.Locale;

/** What a cross-match returns for each left row. */
public enum MatchMode {
    /** The nearest right row within the radius (ties: the lower right row index). */
    BEST("best"),
    /** Every right row within the radius, ranked by distance. */
    ALL("all"),
    /** Pairs that are each other's nearest: the best right row of the left row, whose best left row is that row. */
    SYMMETRIC("symmetric");

    private final String word;

    MatchMode(String word) {
        this.word = word;
    }

    /** The word used on the command line and in HTTP parameters. */
    public String word() {
        return word;
    }

    /** Parses {@code best}, {@code all}, {@code symmetric} (also {@code best-symmetric}, {@code best1}), case-insensitively. */
    public static MatchMode fromWord(String word) {
        String normalized = word.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "best", "best1" -> {
                return BEST;
            }
            case "all" -> {
                return ALL;
            }
            case "symmetric", "best-symmetric" -> {
                return SYMMETRIC;
            }
            default -> throw new IllegalArgumentException("Expected a match mode best, all or symmetric. Actual: " + word);
        }
    }
}
