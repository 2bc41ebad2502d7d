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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

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
        DatasetManifest manifest = TinySky.get().built();
        assertCentred(manifest.folder(), manifest, "mag_r", 5);
    }

    /**
     * The same through the project's planner ({@link DatasetBuilder#build} as the command and the server call it): the
     * objects of an ADQL circle around the tile (which lies on the edge of the tiny sky), features with statuses, labels from the truth.
     */
    @Test
    void theProjectPlannerGivesCentredCutoutsToo() throws Exception {
        assertCentredThroughThePlanner("native", 5);
    }

    /**
     * On a common grid (0.3 arcsec pixels, the plates' being 0.2), each stamp is still centred on its object; the
     * stamps cover more sky, so fewer lie whole on the tile.
     */
    @Test
    void aCommonGridGivesCentredCutoutsToo() throws Exception {
        assertCentredThroughThePlanner("{scale: 0.3arcsec}", 3);
    }

    private void assertCentredThroughThePlanner(String grid, int minimumBright) throws Exception {
        TinySky sky = TinySky.get();
        LonLat centre = sky.plate.wcs().pixelToWorld(new PixelPosition((sky.plate.width() + 1) / 2.0,
                (sky.plate.height() + 1) / 2.0)).orElseThrow();
        String text = String.format(Locale.ROOT, """
                name: tiny_truth
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', %.8f, %.8f, 0.07))"}
                features:
                  - {survey: deep_optical, columns: [mag_r], statuses: true}
                  - {survey: near_infrared, columns: [jmag], match: {radius: 1arcsec}, statuses: true}
                label: {truth: class}
                split: {order: 14, seed: 3}
                cutouts: {survey: deep_optical, bands: [g, r, i], size: 33, grid: %s}
                output: {shard_rows: 10}
                """, centre.lonDeg(), centre.latDeg(), grid);
        Path out = folder.resolve("planned");
        DatasetManifest manifest = DatasetBuilder.build(DatasetSpecs.parse(text, "test", folder), sky.root, out,
                BuildProgress.none(), () -> false);
        assertThat(manifest.rowCount()).isGreaterThan(20);
        assertThat(manifest.rowsPerSplit().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(manifest.rowCount());
        assertThat(manifest.columns().get(5).name()).isEqualTo("label");
        assertCentred(out, manifest, "deep_optical_mag_r", minimumBright);
    }

    /** At least {@code minimum} bright sources, each centroid within a pixel of its stamp's centre. */
    private static void assertCentred(Path out, DatasetManifest manifest, String magnitude, int minimum)
            throws Exception {
        List<double[]> offsets = new ArrayList<>();
        int rBand = TinySky.BANDS.indexOf("r");
        int stampPixels = SIZE * SIZE;
        for (ShardRecord shard : manifest.shards()) {
            List<Boolean> bright = new ArrayList<>();
            try (Connection connection = DuckDbConnections.openInMemory();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + magnitude + "_status = 'detected' AND "
                            + magnitude + " < 23.5 FROM read_parquet(" + SqlText.literal(out.resolve(
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
        assertThat(offsets).as("bright sources on the tile").hasSizeGreaterThanOrEqualTo(minimum);
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
