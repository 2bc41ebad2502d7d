package org.skysieve.images;

/**
 * Consecutive rows of a batch, cut by one worker and handed whole, in row order, to the {@link StampSink}: pixels
 * {@code (row - firstRow, band, y, x)} in C order, the no-plate mask of the same shape, and (PNG) one encoded preview
 * per stamp. Owned by one thread at a time.
 */
final class StampChunk {
    final int firstRow;
    final int rows;
    final float[] pixels;
    final byte[] mask;
    final byte[][] png;

    StampChunk(int firstRow, int rows, int bands, int stampPixels, boolean png) {
        this.firstRow = firstRow;
        this.rows = rows;
        this.pixels = new float[rows * bands * stampPixels];
        this.mask = new byte[rows * bands * stampPixels];
        this.png = png ? new byte[rows * bands][] : null;
    }
}
