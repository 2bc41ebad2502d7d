package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import org.skysieve.catalog.hats.HatsPixel;

/**
 * What one task of a cross-match reads: the left partition (the piece), the right rows within the margin around it,
 * and in symmetric mode the left rows within twice the margin. Ranges are sorted [start, end) bounds of order-29
 * HEALPix indices.
 *
 * @param index             the piece's position in the plan (the task's partition number)
 * @param order             the left partition's order
 * @param npix              the left partition's pixel
 * @param leftFiles         the left partition's files
 * @param leftMarginFiles   the left files holding rows of {@code leftMarginBounds} (empty unless symmetric)
 * @param leftMarginBounds  left rows needed beyond the piece (symmetric mode), the piece itself excluded when read
 * @param rightFiles        the right partitions' files overlapping {@code rightBounds}
 * @param rightBounds       the right rows needed: the piece and its margin
 * @param sharedBounds      index ranges inside the piece that other pieces also read as right rows: a right row there,
 *                          or outside the piece, may be paired by several tasks, so its mates are counted over the sky
 * @param rightMarginFiles  the margin cache files of the right partitions in {@code rightFiles}, when the piece reads
 *                          those instead of the neighbouring partitions (empty otherwise: {@link MarginPlanner})
 * @param rightMarginExclude the cells of the right partitions read whole: margin rows there are left out (they are read
 *                          from the partitions' own files)
 */
record PiecePlan(int index, int order, long npix, List<String> leftFiles, List<String> leftMarginFiles, long[] leftMarginBounds,
        List<String> rightFiles, long[] rightBounds, long[] sharedBounds, List<String> rightMarginFiles, long[] rightMarginExclude)
        implements Serializable {
    /** A plan that reads the right partitions around the piece (no margin cache). */
    PiecePlan(int index, int order, long npix, List<String> leftFiles, List<String> leftMarginFiles, long[] leftMarginBounds,
            List<String> rightFiles, long[] rightBounds, long[] sharedBounds) {
        this(index, order, npix, leftFiles, leftMarginFiles, leftMarginBounds, rightFiles, rightBounds, sharedBounds, List.of(), new long[0]);
    }

    PiecePlan {
        new HatsPixel(order, npix);
        leftFiles = List.copyOf(leftFiles);
        leftMarginFiles = List.copyOf(leftMarginFiles);
        rightFiles = List.copyOf(rightFiles);
        requireNonNull(leftMarginBounds, "leftMarginBounds is null");
        requireNonNull(rightBounds, "rightBounds is null");
        requireNonNull(sharedBounds, "sharedBounds is null");
        rightMarginFiles = List.copyOf(rightMarginFiles);
        requireNonNull(rightMarginExclude, "rightMarginExclude is null");
    }

    /** The same piece reading {@code files} and their margin files instead of the right partitions around it. */
    PiecePlan withRightMargin(List<String> files, List<String> marginFiles, long[] exclude) {
        return new PiecePlan(index, order, npix, leftFiles, leftMarginFiles, leftMarginBounds, files, rightBounds, sharedBounds, marginFiles, exclude);
    }

    /** The left partition (HATS pixels are not serialisable: the plan holds order and pixel). */
    HatsPixel pixel() {
        return new HatsPixel(order, npix);
    }

    long[] coreBounds() {
        HatsPixel pixel = pixel();
        return new long[] {pixel.firstIndex29(), pixel.lastIndex29() + 1};
    }

    /** Whether a right row with this stored index may be paired by another task too. */
    boolean sharedRightRow(long index29) {
        HatsPixel pixel = pixel();
        return index29 < pixel.firstIndex29() || index29 > pixel.lastIndex29() || ParquetColumnsReader.contains(sharedBounds, index29);
    }
}
