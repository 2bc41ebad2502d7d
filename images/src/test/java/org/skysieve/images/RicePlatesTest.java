package org.skysieve.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * The synthetic survey written with RICE plates ({@code generate --images --image-compression rice}) serves the same
 * cutouts, through the plate index and the cutout service, as the same survey written uncompressed: same plates, same
 * stamp sizes and WCS, NaN in the same pixels (masks and outside coverage), values within the quantization (sigma/16,
 * so within SKYSIGMA / 10), and files at most half the size.
 */
class RicePlatesTest {
    @TempDir
    Path rice;

    @Test
    void ricePlatesServeTheSameCutoutsAsPlainOnes() throws IOException {
        TinyImages plain = TinyImages.get();
        Files.createDirectories(rice.resolve("truth"));
        Files.copy(plain.root.resolve("truth/sources.parquet"), rice.resolve("truth/sources.parquet"));
        Files.createDirectories(rice.resolve("wide_infrared/footprint"));
        Files.copy(plain.root.resolve("wide_infrared/footprint/footprint.json"),
                rice.resolve("wide_infrared/footprint/footprint.json"));
        SyntheticImages.write(rice, new SyntheticImages.Options(List.of("wide_infrared"), 100, TinyImages.SEED,
                SyntheticImages.Compression.RICE));
        PlateIndex plainIndex = PlateIndex.open(plain.root);
        PlateIndex riceIndex = PlateIndex.open(rice);
        assertThat(riceIndex.bands("wide_infrared")).isEqualTo(plainIndex.bands("wide_infrared")).isNotEmpty();
        CutoutService plainCutouts = new CutoutService(plainIndex, 4096);
        CutoutService riceCutouts = new CutoutService(riceIndex, 4096);
        Random random = new Random(3);
        int stamps = 0;
        for (String band : plainIndex.bands("wide_infrared")) {
            List<Plate> plates = plainIndex.plates("wide_infrared", band);
            assertThat(riceIndex.plates("wide_infrared", band)).extracting(Plate::name)
                    .containsExactlyElementsOf(plates.stream().map(Plate::name).toList());
            for (Plate plate : plates) {
                Path compressed = PlateLayout.plateFile(rice, "wide_infrared", band, plate.name());
                assertThat(Files.size(compressed)).isLessThan(Files.size(plate.file()) / 2);
                double skySigma = SyntheticImagesTest.headerNumber(plate, "SKYSIGMA");
                for (int i = 0; i < 15; i++) {
                    // across the plate and a little beyond its edges (partial stamps, other plates)
                    PixelPosition pixel = new PixelPosition(-20 + (plate.width() + 40) * random.nextDouble(),
                            -20 + (plate.height() + 40) * random.nextDouble());
                    LonLat centre = plate.wcs().pixelToWorld(pixel).orElseThrow();
                    CutoutSize size = CutoutSize.pixels(16 + random.nextInt(60), 16 + random.nextInt(60));
                    Cutout expected;
                    try {
                        expected = plainCutouts.cut("wide_infrared", band, centre, size);
                    } catch (CutoutException e) {
                        assertThatThrownBy(() -> riceCutouts.cut("wide_infrared", band, centre, size))
                                .hasMessage(e.getMessage());
                        continue;
                    }
                    Cutout actual = riceCutouts.cut("wide_infrared", band, centre, size);
                    assertThat(actual.width()).isEqualTo(expected.width());
                    assertThat(actual.height()).isEqualTo(expected.height());
                    assertThat(actual.wcs().toCards()).isEqualTo(expected.wcs().toCards());
                    for (int p = 0; p < expected.pixels().length; p++) {
                        float want = expected.pixels()[p];
                        float got = actual.pixels()[p];
                        assertThat(Float.isNaN(got)).as("NaN at %d of a stamp of %s", p, plate.name())
                                .isEqualTo(Float.isNaN(want));
                        if (!Float.isNaN(want)) {
                            assertThat((double) Math.abs(got - want)).isLessThan(skySigma / 10);
                        }
                    }
                    stamps++;
                }
            }
        }
        assertThat(stamps).isGreaterThanOrEqualTo(30);
    }
}
