package org.skysieve.xmatch;

import java.util.List;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * One side of a partitioned cross-match: rows fetched by HEALPix ranges, so that only a partition and its margin are
 * ever in memory. Implementations are used from one thread.
 */
public sealed interface MatchSide permits HatsSide, MemorySide {
    /** What the rows come from, for messages and output. */
    String name();

    /** The HATS partitions of this side; empty for a side held in memory. */
    List<HatsPixel> partitions();

    /**
     * The rows whose position lies in {@code include} and not in {@code exclude}, with {@code columns} (the positions'
     * columns must be among them), in index order.
     */
    LoadedTable rowsIn(HealpixRanges include, HealpixRanges exclude, List<String> columns);

    /** The column names available. */
    List<String> columnNames();
}
