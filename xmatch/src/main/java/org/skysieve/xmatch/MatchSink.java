package org.skysieve.xmatch;

/**
 * Receives a partitioned cross-match piece by piece: the left rows of one piece, the right rows read for it (the
 * piece and its margin), and the pairs, whose row indices refer to those two tables. Called from one thread, in
 * partition order; the tables may be dropped after the call (this is what keeps memory bounded).
 */
@FunctionalInterface
public interface MatchSink {
    void accept(LoadedTable leftRows, LoadedTable rightRows, MatchResult result);
}
