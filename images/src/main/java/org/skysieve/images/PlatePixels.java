package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Random access to a plate's pixels (big-endian, as FITS stores them), scaled by BSCALE/BZERO, BLANK as NaN; or those of
 * a tile-compressed plate, decompressed tile by tile ({@link CompressedImage}). Pixel (x, y) is 0-based: x along
 * NAXIS1. Absolute reads only: thread-safe.
 */
public final class PlatePixels {
    private final Plate plate;
    private final ByteBuffer data;
    private final FloatBuffer floats;
    private final int bitpix;
    private final int width;
    private final double bscale;
    private final double bzero;
    private final boolean scaled;
    private final Long blank;
    private final CompressedImage compressed;

    PlatePixels(Plate plate, CompressedImage compressed) {
        this(plate, ByteBuffer.allocate(0), requireNonNull(compressed, "compressed is null"));
    }

    PlatePixels(Plate plate, ByteBuffer data) {
        this(plate, data, null);
    }

    private PlatePixels(Plate plate, ByteBuffer data, CompressedImage compressed) {
        this.compressed = compressed;
        this.plate = requireNonNull(plate, "plate is null");
        this.data = data.order(ByteOrder.BIG_ENDIAN);
        this.floats = this.data.asFloatBuffer();
        this.bitpix = plate.format().bitpix();
        this.width = plate.width();
        this.bscale = plate.format().bscale();
        this.bzero = plate.format().bzero();
        this.scaled = bscale != 1.0 || bzero != 0.0;
        this.blank = plate.format().blank();
    }

    public Plate plate() {
        return plate;
    }

    /** The value of pixel (x, y), 0-based; the caller keeps x in [0, width) and y in [0, height). */
    public float value(int x, int y) {
        if (compressed != null) {
            return compressed.value(x, y);
        }
        int index = y * width + x;
        double raw;
        switch (bitpix) {
            case -32 -> {
                float value = data.getFloat(index * 4);
                return scaled ? (float) (value * bscale + bzero) : value;
            }
            case -64 -> raw = data.getDouble(index * 8);
            case 8 -> raw = data.get(index) & 0xFF;
            case 16 -> raw = data.getShort(index * 2);
            case 32 -> raw = data.getInt(index * 4);
            default -> raw = data.getLong(index * 8);
        }
        if (blank != null && bitpix > 0 && (long) raw == blank) {
            return Float.NaN;
        }
        return (float) (raw * bscale + bzero);
    }

    /**
     * Copies the rows {@code [y0, y0 + rows)} and columns {@code [x0, x0 + columns)} (inside the plate) into {@code out}
     * (row-major, {@code outWidth} per row) from position ({@code outX}, {@code outY}).
     */
    public void copy(int x0, int y0, int columns, int rows, float[] out, int outWidth, int outX, int outY) {
        if (compressed != null) {
            compressed.copy(x0, y0, columns, rows, out, outWidth, outX, outY);
            return;
        }
        if (bitpix == -32 && !scaled) {
            for (int row = 0; row < rows; row++) {
                floats.get((y0 + row) * width + x0, out, (outY + row) * outWidth + outX, columns);
            }
            return;
        }
        for (int row = 0; row < rows; row++) {
            int target = (outY + row) * outWidth + outX;
            for (int column = 0; column < columns; column++) {
                out[target + column] = value(x0 + column, y0 + row);
            }
        }
    }
}
