package org.skysieve.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.synth.FootprintDescription;
import org.skysieve.synth.ImagingBands;

/** The synthetic plates against what drew them: the footprint, the depth, the truth, the masks. */
class SyntheticImagesTest {
    @Test
    void everyObservedTileAndBandHasAPlateOnTheTileGrid() throws IOException {
        TinyImages images = TinyImages.get();
        PlateIndex index = PlateIndex.open(images.root);
        FootprintDescription footprint = SurveyJson.fromJson(Files.readString(images.root.resolve(
                "wide_infrared/footprint/footprint.json")), FootprintDescription.class);
        int expected = footprint.tiles().stream().mapToInt(tile -> tile.bands().size()).sum();
        int actual = index.bands("wide_infrared").stream().mapToInt(band -> index.plates("wide_infrared", band).size())
                .sum();
        assertThat(actual).isEqualTo(expected);
        for (FootprintDescription.TileDescription tile : footprint.tiles()) {
            Plate plate = index.plates("wide_infrared", tile.bands().get(0).band()).stream()
                    .filter(candidate -> candidate.name().equals(tile.id())).findFirst().orElseThrow();
            LonLat centre = plate.wcs().pixelToWorld(new PixelPosition((plate.width() + 1) / 2.0,
                    (plate.height() + 1) / 2.0)).orElseThrow();
            assertThat(centre.lonDeg()).isCloseTo(tile.raCentreDeg(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(plate.width() * plate.wcs().pixelScaleDeg()).isCloseTo(tile.sizeDeg(),
                    org.assertj.core.data.Offset.offset(2 * plate.wcs().pixelScaleDeg()));
        }
    }

    @Test
    void skyNoiseMatchesTheDepthAndStarsAddTheirFlux() throws IOException {
        TinyImages images = TinyImages.get();
        CutoutService service = new CutoutService(PlateIndex.open(images.root), 4096);
        Plate plate = service.index().plates("deep_optical", "r").get(0);
        PlatePixels pixels = service.index().pixels(plate);
        float[] all = new float[plate.width() * plate.height()];
        pixels.copy(0, 0, plate.width(), plate.height(), all, plate.width(), 0, 0);
        float[] finite = sortedFinite(all);
        double median = finite[finite.length / 2];
        float[] deviations = new float[finite.length];
        for (int i = 0; i < finite.length; i++) {
            deviations[i] = (float) Math.abs(finite[i] - median);
        }
        Arrays.sort(deviations);
        double robustSigma = 1.4826 * deviations[deviations.length / 2];
        double skySigma = headerNumber(plate, "SKYSIGMA");
        // sources lift the robust width a little above the pure noise
        assertThat(robustSigma / skySigma).isBetween(0.97, 1.10);
        assertThat(Math.abs(median)).isLessThan(0.1 * skySigma);
        long masked = 0;
        for (float value : all) {
            masked += Float.isNaN(value) ? 1 : 0;
        }
        assertThat(masked).isEqualTo((long) headerNumber(plate, "NMASKED"));
    }

    @Test
    void stampsHoldTheFluxOfTheTruthInside() throws Exception {
        // W1: a stamp's sum is the flux of the true sources centred inside it, give or take the sources near its
        // border (half their light may spill either way) and the noise
        TinyImages images = TinyImages.get();
        CutoutService service = new CutoutService(PlateIndex.open(images.root), 4096);
        List<TruthSource> truth = TruthReader.read(images.root.resolve("truth/sources.parquet"),
                ImagingBands.survey("wide_infrared").orElseThrow());
        int checked = 0;
        for (TruthSource star : truth) {
            if (star.galaxy() || !(star.magnitudes()[0] < 18.0) || checked >= 20) {
                continue;
            }
            Cutout stamp;
            try {
                stamp = service.cut("wide_infrared", "W1", LonLat.ofDegrees(star.raDeg(), star.decDeg()),
                        CutoutSize.pixels(31, 31));
            } catch (CutoutException outside) {
                continue;
            }
            double sum = 0;
            boolean blank = false;
            for (float value : stamp.pixels()) {
                sum += value;
                blank |= Float.isNaN(value);
            }
            if (blank) {
                continue; // masked or off the plate
            }
            double skySigma = headerNumber(stamp.primary(), "SKYSIGMA");
            double psfPixels = 6.1 / 1.375;
            double inside = 0;
            double border = 0;
            for (TruthSource source : truth) {
                if (Float.isNaN(source.magnitudes()[0])) {
                    continue;
                }
                var pixel = stamp.wcs().worldToPixel(LonLat.ofDegrees(source.raDeg(), source.decDeg()));
                if (pixel.isEmpty()) {
                    continue;
                }
                double x = pixel.get().x() - 0.5;
                double y = pixel.get().y() - 0.5;
                double edge = Math.min(Math.min(x, 31 - x), Math.min(y, 31 - y));
                double flux = TileRenderer.flux(source.magnitudes()[0]);
                if (edge > 0) {
                    inside += flux;
                }
                if (Math.abs(edge) < 2 * psfPixels + 3 * source.halfLightRadiusArcsec() / 1.375) {
                    border += flux;
                }
            }
            assertThat(sum).as("stamp at %s, %s", star.raDeg(), star.decDeg())
                    .isCloseTo(inside, org.assertj.core.data.Offset.offset(border + 5 * 31 * skySigma));
            assertThat(inside).isGreaterThan(5 * 31 * skySigma);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void brightStarsSaturateAndFluxIsConserved() {
        FootprintDescription.TileDescription tile = new FootprintDescription.TileDescription("T", 10.0, 5.0, 0.01,
                List.of());
        TileRenderer renderer = new TileRenderer("s", 0.2, List.of(new org.skysieve.synth.MaskCircle(10.0, 5.0 + 0.004,
                1.0, "bad_region")));
        TruthSource bright = new TruthSource(10.0, 5.0, false, 0, 0, 0, new float[] {14.0f});
        TruthSource faint = new TruthSource(10.0 + 0.002, 5.0 - 0.002, false, 0, 0, 0, new float[] {19.0f});
        TruthSource galaxy = new TruthSource(10.0 - 0.002, 5.0 + 0.001, true, 1.0, 0.5, 30.0, new float[] {19.0f});
        var band = new ImagingBands.ImagingBand("r", "r", 0.8, 17.0);
        TileRenderer.RenderedPlate plate = renderer.render(tile, band, 0, 40.0, List.of(bright, faint, galaxy), 1);
        float level = Float.parseFloat(plate.cards().get("SATURATE"));
        int side = plate.width();
        var centre = plate.wcs().worldToPixel(LonLat.ofDegrees(10.0, 5.0)).orElseThrow();
        assertThat(plate.pixels()[(int) Math.round(centre.y() - 1) * side + (int) Math.round(centre.x() - 1)])
                .isEqualTo(level);
        // depth 40 mag: no noise to speak of; the faint star and the galaxy sum to their fluxes
        for (TruthSource source : List.of(faint, galaxy)) {
            var pixel = plate.wcs().worldToPixel(LonLat.ofDegrees(source.raDeg(), source.decDeg())).orElseThrow();
            double sum = 0;
            for (int y = (int) pixel.y() - 25; y < (int) pixel.y() + 25; y++) {
                for (int x = (int) pixel.x() - 25; x < (int) pixel.x() + 25; x++) {
                    sum += plate.pixels()[y * side + x];
                }
            }
            assertThat(sum).isCloseTo(TileRenderer.flux(19.0), org.assertj.core.data.Offset.offset(
                    0.01 * TileRenderer.flux(19.0)));
        }
        var maskCentre = plate.wcs().worldToPixel(LonLat.ofDegrees(10.0, 5.004)).orElseThrow();
        assertThat(plate.pixels()[(int) Math.round(maskCentre.y() - 1) * side + (int) Math.round(maskCentre.x() - 1)])
                .isNaN();
    }

    @Test
    void noPixelExceedsSaturation() throws IOException {
        TinyImages images = TinyImages.get();
        PlateIndex index = PlateIndex.open(images.root);
        int saturated = 0;
        for (String band : index.bands("deep_optical")) {
            for (Plate plate : index.plates("deep_optical", band)) {
                float level = (float) headerNumber(plate, "SATURATE");
                PlatePixels pixels = index.pixels(plate);
                for (int y = 0; y < plate.height(); y++) {
                    for (int x = 0; x < plate.width(); x++) {
                        float value = pixels.value(x, y);
                        assertThat(value > level).isFalse();
                        saturated++;
                    }
                }
            }
        }
        assertThat(saturated).isGreaterThan(0);
    }

    @Test
    void stampsOutsideEveryPlateAndUnknownBandsAreErrors() throws IOException {
        CutoutService service = new CutoutService(PlateIndex.open(TinyImages.get().root), 100);
        assertThatThrownBy(() -> service.cut("wide_infrared", "W1", LonLat.ofDegrees(180, 45), CutoutSize.pixels(9, 9)))
                .isInstanceOf(CutoutException.class).hasMessageContaining("No plate covers");
        assertThatThrownBy(() -> service.cut("wide_infrared", "W9", LonLat.ofDegrees(0, -10), CutoutSize.pixels(9, 9)))
                .hasMessageContaining("'W9'").hasMessageContaining("W1");
        assertThatThrownBy(() -> service.cut("wide_infrared", "W1", LonLat.ofDegrees(0, -10), CutoutSize.pixels(101, 9)))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> CutoutSize.pixels(0, 9)).hasMessageContaining("positive");
    }

    @Test
    void stampsAcrossAPlateEdgeArePartialWithNaN() throws IOException {
        CutoutService service = new CutoutService(PlateIndex.open(TinyImages.get().root), 4096);
        Plate plate = service.index().plates("wide_infrared", "W1").get(0);
        LonLat corner = plate.wcs().pixelToWorld(new PixelPosition(1, 1)).orElseThrow();
        Cutout stamp = service.cut("wide_infrared", "W1", corner, CutoutSize.pixels(10, 10));
        // the corner pixel is 0-based (0, 0): the stamp starts at ceil(0 - 5) = -5 on both axes
        assertThat(stamp.firstX()).isEqualTo(-5);
        assertThat(stamp.firstY()).isEqualTo(-5);
        assertThat(stamp.pixels()[5 * 10 + 5]).isEqualTo(service.index().pixels(plate).value(0, 0));
        assertThat(Float.isNaN(stamp.pixels()[0])).isTrue();
        assertThat(stamp.blankCount()).isBetween(1, 75);
    }

    /** No other source within 8 arcsec adds more than 3% of the source's flux. */
    private static boolean isolated(TruthSource source, List<TruthSource> truth, int bandIndex) {
        double cosDec = Math.cos(Math.toRadians(source.decDeg()));
        double neighbours = 0;
        for (TruthSource other : truth) {
            double dRa = ((other.raDeg() - source.raDeg()) % 360 + 540) % 360 - 180;
            double distanceArcsec = 3600 * Math.hypot(dRa * cosDec, other.decDeg() - source.decDeg());
            if (other != source && distanceArcsec < 8 && !Float.isNaN(other.magnitudes()[bandIndex])) {
                neighbours += TileRenderer.flux(other.magnitudes()[bandIndex]);
            }
        }
        return neighbours < 0.03 * TileRenderer.flux(source.magnitudes()[bandIndex]);
    }

    static double headerNumber(Plate plate, String keyword) throws IOException {
        try (var in = Files.newInputStream(plate.file())) {
            return Double.parseDouble(org.skysieve.sky.wcs.FitsHeaderCards.readPrimaryHeader(in).get(keyword));
        }
    }

    private static float[] sortedFinite(float[] values) {
        float[] finite = new float[values.length];
        int count = 0;
        for (float value : values) {
            if (!Float.isNaN(value)) {
                finite[count++] = value;
            }
        }
        finite = Arrays.copyOf(finite, count);
        Arrays.sort(finite);
        return finite;
    }
}
