package org.skysieve.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.synth.ImagingBands;
import org.skysieve.synth.FootprintDescription;

/**
 * Resampling onto a common grid: on a plate already on that grid (same scale, north up) a nearest-pixel stamp equals
 * the native one bit for bit, bilinear agrees to rounding, and a star drawn at a known position has its light centroid
 * at the stamp's middle at another scale; the output header states the method.
 */
class CommonGridTest {
    private static final double SCALE_ARCSEC = 0.2;
    private static final LonLat STAR = LonLat.ofDegrees(10.0004, 5.0011);
    @TempDir
    Path data;

    private CutoutService plate(double depthMag) throws IOException {
        FootprintDescription.TileDescription tile = new FootprintDescription.TileDescription("T", 10.0, 5.0, 0.05,
                List.of());
        TileRenderer renderer = new TileRenderer("s", SCALE_ARCSEC, List.of());
        TruthSource star = new TruthSource(STAR.lonDeg(), STAR.latDeg(), false, 0, 0, 0, new float[] {19.0f});
        var band = new ImagingBands.ImagingBand("r", "r", 0.8, 12.0);
        TileRenderer.RenderedPlate rendered = renderer.render(tile, band, 0, depthMag, List.of(star), 3);
        Path file = PlateLayout.plateFile(data, "s", "r", "T");
        Files.createDirectories(file.getParent());
        FitsImageWriter.write(file, rendered.pixels(), rendered.width(), rendered.height(), rendered.cards());
        return new CutoutService(PlateIndex.open(data), 4096);
    }

    @Test
    void nearestOnTheNativeGridEqualsTheNativeStamp() throws IOException {
        CutoutService service = plate(24.0);
        Plate plate = service.index().plates("s", "r").get(0);
        // odd side: the centre on a pixel centre; even side: between four pixel centres (the grid's middle)
        for (int[] sizeAndOffset : new int[][] {{15, 0}, {16, 1}, {31, 0}}) {
            int side = sizeAndOffset[0];
            double half = sizeAndOffset[1] * 0.5;
            for (double[] pixel : new double[][] {{400, 300}, {123, 777}, {20, 20}}) {
                LonLat centre = plate.wcs().pixelToWorld(new PixelPosition(pixel[0] + half, pixel[1] + half))
                        .orElseThrow();
                Cutout nativeStamp = service.cut("s", "r", centre, CutoutSize.pixels(side, side));
                Cutout nearest = service.cut("s", "r", centre, CutoutSize.pixels(side, side), Optional.of(
                        new CommonGrid(SCALE_ARCSEC, CommonGrid.Resampling.NEAREST)));
                Cutout bilinear = service.cut("s", "r", centre, CutoutSize.pixels(side, side), Optional.of(
                        new CommonGrid(SCALE_ARCSEC, CommonGrid.Resampling.BILINEAR)));
                assertThat(nearest.pixels()).as("side %d at %s", side, pixel).containsExactly(nativeStamp.pixels());
                for (int i = 0; i < side * side; i++) {
                    assertThat(bilinear.pixels()[i]).isCloseTo(nativeStamp.pixels()[i], within(1e-3f));
                }
                assertThat(nearest.resampling()).contains("nearest");
                assertThat(nearest.cards()).containsEntry("RESAMPLE", "'nearest'");
                assertThat(bilinear.cards()).containsEntry("RESAMPLE", "'bilinear'");
                assertThat(nativeStamp.cards()).containsEntry("RESAMPLE", "'none'");
            }
        }
    }

    @Test
    void aStarLandsAtTheMiddleOfAResampledStamp() throws IOException {
        CutoutService service = plate(40.0); // no noise to speak of
        for (CommonGrid.Resampling method : CommonGrid.Resampling.values()) {
            for (double scale : new double[] {0.2, 0.3, 0.13}) {
                int side = 25;
                Cutout stamp = service.cut("s", "r", STAR, CutoutSize.pixels(side, side), Optional.of(
                        new CommonGrid(scale, method)));
                double sum = 0;
                double sumX = 0;
                double sumY = 0;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double value = stamp.pixels()[y * side + x];
                        sum += value;
                        sumX += value * x;
                        sumY += value * y;
                    }
                }
                double tolerance = method == CommonGrid.Resampling.NEAREST ? 0.5 * SCALE_ARCSEC / scale + 0.05 : 0.05;
                assertThat(sumX / sum).as("%s at %s arcsec", method, scale).isCloseTo((side - 1) / 2.0,
                        within(tolerance));
                assertThat(sumY / sum).as("%s at %s arcsec", method, scale).isCloseTo((side - 1) / 2.0,
                        within(tolerance));
                // the WCS puts the star at the middle pixel (to 0.005 arcsec: sky.wcs loses about 1.5e-8 rad at the
                // reference point, where the native latitude is 90 degrees)
                PixelPosition middle = stamp.wcs().worldToPixel(STAR).orElseThrow();
                assertThat(middle.x()).isCloseTo((side + 1) / 2.0, within(0.005 / scale));
                assertThat(middle.y()).isCloseTo((side + 1) / 2.0, within(0.005 / scale));
            }
        }
    }

    @Test
    void partlyOutsideAndOutsideOnTheGrid() throws IOException {
        CutoutService service = plate(24.0);
        Plate plate = service.index().plates("s", "r").get(0);
        LonLat corner = plate.wcs().pixelToWorld(new PixelPosition(1, 1)).orElseThrow();
        Cutout stamp = service.cut("s", "r", corner, CutoutSize.pixels(11, 11), Optional.of(
                new CommonGrid(SCALE_ARCSEC, CommonGrid.Resampling.BILINEAR)));
        assertThat(stamp.blankCount()).isEqualTo(121 - 36);
        assertThatThrownBy(() -> service.cut("s", "r", LonLat.ofDegrees(200, 5), CutoutSize.pixels(11, 11),
                Optional.of(new CommonGrid(SCALE_ARCSEC, CommonGrid.Resampling.NEAREST))))
                .isInstanceOf(CutoutException.class).hasMessageContaining("No plate covers");
        assertThatThrownBy(() -> new CommonGrid(0, CommonGrid.Resampling.NEAREST))
                .hasMessageContaining("positive, finite grid pixel scale");
        assertThatThrownBy(() -> CommonGrid.Resampling.parse("cubic")).hasMessageContaining("nearest or bilinear");
    }
}
