package org.skysieve.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/** The batch tensor holds, stamp by stamp, exactly the single cutouts; outside positions are masked entries. */
class BatchCutoutsTest {
    @TempDir
    Path folder;

    @Test
    void tensorEqualsSingleCutoutsAndMarksWhatIsOutside() throws Exception {
        CutoutService service = new CutoutService(PlateIndex.open(TinyImages.get().root), 4096);
        Plate plate = service.index().plates("wide_infrared", "W1").get(0);
        List<LonLat> positions = new ArrayList<>();
        for (double[] pixel : new double[][] {{100.2, 200.7}, {1.0, 1.0}, {plate.width() / 2.0, 17.5}}) {
            positions.add(plate.wcs().pixelToWorld(new PixelPosition(pixel[0], pixel[1])).orElseThrow());
        }
        positions.add(LonLat.ofDegrees(180.0, 45.0));
        List<String> bands = List.of("W1", "W2");
        Path npy = folder.resolve("stamps.npy");
        BatchCutouts.Summary summary = BatchCutouts.write(service, "wide_infrared", bands, positions, 16, npy);
        assertThat(summary.stamps()).isEqualTo(8);
        assertThat(summary.outside()).isEqualTo(2);

        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(npy)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = data.getShort(8) & 0xFFFF;
        String header = new String(Files.readAllBytes(npy), 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f4'").contains("'shape': (4, 2, 16, 16)").endsWith("\n");
        assertThat((10 + headerLength) % 64).isZero();
        byte[] mask = Files.readAllBytes(folder.resolve("stamps.mask.npy"));
        int maskHeader = 10 + ((mask[8] & 0xFF) | (mask[9] & 0xFF) << 8);
        int offset = 10 + headerLength;
        for (int row = 0; row < positions.size(); row++) {
            for (String band : bands) {
                Cutout single = null;
                try {
                    single = service.cut("wide_infrared", band, positions.get(row), CutoutSize.pixels(16, 16));
                } catch (CutoutException outside) {
                    // the last position
                }
                int maskedCount = 0;
                for (int i = 0; i < 256; i++) {
                    float value = data.getFloat(offset);
                    int stampIndex = (offset - 10 - headerLength) / 4;
                    byte masked = mask[maskHeader + stampIndex];
                    if (single == null) {
                        assertThat(value).isNaN();
                        assertThat(masked).isEqualTo((byte) 1);
                    } else {
                        assertThat(Float.floatToIntBits(value)).isEqualTo(Float.floatToIntBits(single.pixels()[i]));
                        if (masked == 1) {
                            assertThat(single.pixels()[i]).isNaN();
                            maskedCount++;
                        }
                    }
                    offset += 4;
                }
                if (single != null) {
                    // masked = no plate there (NaN bad pixels inside a plate are not masked)
                    assertThat(maskedCount).isEqualTo(single.blankCount());
                }
            }
        }
        assertThat(offset).isEqualTo(data.capacity());
        List<String> index = Files.readAllLines(folder.resolve("stamps.index.csv"));
        assertThat(index.get(0)).isEqualTo("row,ra,dec,status_W1,plate_W1,blank_W1,first_x_W1,first_y_W1,status_W2,"
                + "plate_W2,blank_W2,first_x_W2,first_y_W2");
        assertThat(index.get(1)).contains(",ok,");
        assertThat(index.get(2)).contains(",partial,");
        assertThat(index.get(4)).endsWith(",outside,,256,,,outside,,256,,");
    }

    @Test
    void outputIsTheSameWhateverTheThreadCountAcrossManyChunks() throws Exception {
        CutoutService service = new CutoutService(PlateIndex.open(TinyImages.get().root), 4096);
        Plate plate = service.index().plates("wide_infrared", "W1").get(0);
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int count = 1200; // 3 chunks of 512 rows at 2 bands of 32 x 32
        double[] ra = new double[count];
        double[] dec = new double[count];
        for (int i = 0; i < count; i++) {
            // a margin around the plate: some stamps partial, some outside
            LonLat position = plate.wcs().pixelToWorld(new PixelPosition(-5 + random.nextDouble() * (plate.width()
                    + 10), -5 + random.nextDouble() * (plate.height() + 10))).orElseThrow();
            ra[i] = position.lonDeg();
            dec[i] = i == 17 ? Double.NaN : position.latDeg();
        }
        for (BatchFormat format : BatchFormat.values()) {
            byte[][] outputs = new byte[2][];
            for (int threads : new int[] {1, 3}) {
                Path out = folder.resolve(format + "-" + threads + "." + format.extension());
                BatchSpec spec = BatchSpec.npy("wide_infrared", List.of("W1", "W2"), 32).withThreads(threads)
                        .withFormat(format);
                long[] last = {0};
                BatchCutouts.Summary summary = BatchCutouts.write(service, spec, ra, dec, java.util.Optional.empty(),
                        out, (done, total) -> {
                            assertThat(done).isGreaterThan(last[0]).isLessThanOrEqualTo(total);
                            last[0] = done;
                        });
                assertThat(last[0]).isEqualTo(2L * count);
                assertThat(summary.index().status(17, 0)).isEqualTo(StampStatus.NO_POSITION);
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                java.util.Map<String, String> fresh = new java.util.HashMap<>();
                for (Path file : summary.files()) {
                    byte[] bytes = Files.readAllBytes(file);
                    all.write(bytes);
                    fresh.put(file.getFileName().toString(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
                }
                // the tensor's and the mask's SHA-256 computed while writing equal a fresh one of the files
                if (format == BatchFormat.NPY) {
                    assertThat(summary.sha256ByName()).hasSize(2);
                    assertThat(fresh).containsAllEntriesOf(summary.sha256ByName());
                } else {
                    assertThat(summary.sha256ByName()).isEmpty();
                }
                outputs[threads == 1 ? 0 : 1] = all.toByteArray();
            }
            assertThat(outputs[1]).as(format.name()).isEqualTo(outputs[0]);
        }
    }
}
