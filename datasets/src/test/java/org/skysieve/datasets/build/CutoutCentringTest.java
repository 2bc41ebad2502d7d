package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;

/**
 * Each cutout is centred on its object: for the bright sources of the dataset (r detected and brighter than 23.5,
 * stamp fully on the plate), the flux-weighted centroid of the r stamp in a 9 x 9 window, background (median)
 * subtracted, lies within a pixel of the stamp centre (the position's pixel; positions are the catalogue's, whose errors for such sources
 * are a few milliarcseconds against 0.2 arcsec pixels). Rows and stamps are matched by order across shards, so a
 * shifted or reordered tensor fails.
 */
class CutoutCentringTest {
    private static final int SIZE = 33;
    private static final int HALF_WINDOW = 4;

    @TempDir
    Path folder;

    @Test
    void brightSourcesSitAtTheStampCentre() throws Exception {
        TinySky sky = TinySky.get();
        Path out = folder.resolve("dataset");
        DatasetManifest manifest = new DatasetBuilder(sky.planner(new AtomicInteger())).build(TinySky.spec(10, true),
                sky.root, out, BuildProgress.none(), () -> false, new BuildTimes());
        List<double[]> offsets = new ArrayList<>();
        int rBand = TinySky.BANDS.indexOf("r");
        int stampPixels = SIZE * SIZE;
        for (ShardRecord shard : manifest.shards()) {
            List<Boolean> bright = new ArrayList<>();
            try (Connection connection = DuckDbConnections.openInMemory();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT mag_r_status = 'detected'"
                            + " AND mag_r < 23.5 FROM read_parquet(" + SqlText.literal(out.resolve(
                                    ShardRecord.featuresName(shard.index())).toString()) + ")")) {
                while (rows.next()) {
                    bright.add(rows.getBoolean(1));
                }
            }
            float[] pixels = floats(out.resolve(ShardRecord.cutoutsName(shard.index())));
            byte[] mask = bytes(out.resolve(ShardRecord.maskName(shard.index())));
            assertThat(pixels).hasSize(bright.size() * 3 * stampPixels);
            for (int row = 0; row < bright.size(); row++) {
                int offset = (row * 3 + rBand) * stampPixels;
                boolean onPlate = true;
                for (int i = 0; i < stampPixels; i++) {
                    onPlate &= mask[offset + i] == 0;
                }
                if (bright.get(row) && onPlate) {
                    offsets.add(centroidOffset(Arrays.copyOfRange(pixels, offset, offset + stampPixels)));
                }
            }
        }
        assertThat(offsets).as("bright sources on the tile").hasSizeGreaterThanOrEqualTo(5);
        for (double[] offset : offsets) {
            assertThat(Math.hypot(offset[0], offset[1])).as("centroid offset (x, y) %s pixels", Arrays.toString(offset))
                    .isLessThan(1.0);
        }
    }

    /** The flux-weighted centroid in a window around the centre, minus the centre, in pixels (x, y). */
    private static double[] centroidOffset(float[] stamp) {
        float[] sorted = stamp.clone();
        Arrays.sort(sorted);
        double background = sorted[sorted.length / 2];
        int centre = (SIZE - 1) / 2;
        double sum = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = centre - HALF_WINDOW; y <= centre + HALF_WINDOW; y++) {
            for (int x = centre - HALF_WINDOW; x <= centre + HALF_WINDOW; x++) {
                double flux = Math.max(0, stamp[y * SIZE + x] - background);
                sum += flux;
                sumX += flux * x;
                sumY += flux * y;
            }
        }
        return new double[] {sumX / sum - centre, sumY / sum - centre};
    }

    static float[] floats(Path npy) throws Exception {
        byte[] bytes = Files.readAllBytes(npy);
        int start = 10 + ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        float[] values = new float[(bytes.length - start) / 4];
        ByteBuffer.wrap(bytes, start, bytes.length - start).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static byte[] bytes(Path npy) throws Exception {
        byte[] bytes = Files.readAllBytes(npy);
        int start = 10 + ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }
}
