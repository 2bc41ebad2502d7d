package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.skysieve.sky.LonLat;

/**
 * Many stamps in several bands written as NumPy arrays: {@code OUT.npy} float32 (N, bands, H, W) in position order,
 * {@code OUT.mask.npy} uint8 of the same shape (1 where no plate gives data: NaN pixels inside a plate stay 0) and
 * {@code OUT.index.csv} (row, ra, dec, then per band {@code ok}, {@code partial} or {@code outside}, the plate name).
 * A stamp outside every plate of a band is all NaN and masked, with status {@code outside}: the batch goes on.
 * Stamps are streamed: memory holds one stamp.
 */
public final class BatchCutouts {
    private BatchCutouts() {
    }

    /** Counts of what was written. */
    public record Summary(int positions, int stamps, int outside, double seconds) {
    }

    public static Summary write(CutoutService service, String survey, List<String> bands, List<LonLat> positions,
            int sidePixels, Path npy) throws IOException {
        requireNonNull(npy, "npy is null");
        if (bands.isEmpty()) {
            throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected at least one band");
        }
        for (String band : bands) {
            if (!service.index().bands(survey).contains(band)) {
                throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected bands of " + survey + " among "
                        + service.index().bands(survey) + ". Actual: '" + band + "'");
            }
        }
        long started = System.nanoTime();
        String base = npy.getFileName().toString().replaceFirst("\\.npy$", "");
        Path maskFile = npy.resolveSibling(base + ".mask.npy");
        Path indexFile = npy.resolveSibling(base + ".index.csv");
        int outside = 0;
        int pixels = sidePixels * sidePixels;
        ByteBuffer stampBytes = ByteBuffer.allocate(pixels * 4).order(ByteOrder.LITTLE_ENDIAN);
        byte[] maskBytes = new byte[pixels];
        try (OutputStream data = new BufferedOutputStream(Files.newOutputStream(npy), 1 << 20);
                OutputStream mask = new BufferedOutputStream(Files.newOutputStream(maskFile), 1 << 18);
                PrintWriter index = new PrintWriter(Files.newBufferedWriter(indexFile))) {
            NpyWriter.header(data, "<f4", positions.size(), bands.size(), sidePixels, sidePixels);
            NpyWriter.header(mask, "|u1", positions.size(), bands.size(), sidePixels, sidePixels);
            StringBuilder header = new StringBuilder("row,ra,dec");
            bands.forEach(band -> header.append(",status_").append(band).append(",plate_").append(band));
            index.println(header);
            for (int row = 0; row < positions.size(); row++) {
                LonLat position = positions.get(row);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d,%.10f,%.10f", row,
                        position.lonDeg(), position.latDeg()));
                for (String band : bands) {
                    stampBytes.clear();
                    Cutout cutout = null;
                    try {
                        cutout = service.cut(survey, band, position, CutoutSize.pixels(sidePixels, sidePixels));
                    } catch (CutoutException e) {
                        if (e.reason() != CutoutException.Reason.NOT_FOUND) {
                            throw e;
                        }
                    }
                    if (cutout == null) {
                        outside++;
                        for (int i = 0; i < pixels; i++) {
                            stampBytes.putFloat(Float.NaN);
                        }
                        java.util.Arrays.fill(maskBytes, (byte) 1);
                        line.append(",outside,");
                    } else {
                        stampBytes.asFloatBuffer().put(cutout.pixels());
                        markBlank(cutout, maskBytes);
                        line.append(cutout.blankCount() > 0 ? ",partial," : ",ok,").append(cutout.primary().name());
                    }
                    data.write(stampBytes.array());
                    mask.write(maskBytes);
                }
                index.println(line);
            }
        }
        return new Summary(positions.size(), positions.size() * bands.size(), outside,
                (System.nanoTime() - started) / 1e9);
    }

    /** 1 where the stamp pixel lies outside the primary plate and no other plate filled it (NaN outside plates). */
    private static void markBlank(Cutout cutout, byte[] mask) {
        int width = cutout.width();
        Plate plate = cutout.primary();
        for (int y = 0; y < cutout.height(); y++) {
            long plateY = cutout.firstY() + y;
            for (int x = 0; x < width; x++) {
                long plateX = cutout.firstX() + x;
                boolean inside = plateX >= 0 && plateY >= 0 && plateX < plate.width() && plateY < plate.height();
                mask[y * width + x] = (byte) (!inside && Float.isNaN(cutout.pixels()[y * width + x]) ? 1 : 0);
            }
        }
    }
}
