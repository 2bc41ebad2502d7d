package org.skysieve.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.FitsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.testing.SharedTestData;

/**
 * Tile-compressed plates read through our own RICE decoder, tile by tile: equal pixel for pixel to astropy's
 * decompression of astropy-written plates (float with SUBTRACTIVE_DITHER_1 in 64 x 48 tiles; int16 with BLANK; made by
 * {@code rice/make_rice_plates.py} beside them), to nom-tam-fits' decompression of a plate it compressed (NaN masks
 * included; within 1 ulp, nom-tam-fits dequantizing in float arithmetic) and of the shared {@code comp.fits}; cutouts from a compressed plate equal those from the same plate
 * uncompressed, touching only the tiles they need.
 */
class CompressedPlateTest {
    private static final Path RICE = Path.of("src/test/resources/rice");
    @TempDir
    Path folder;

    @Test
    void astropyPlatesDecodeToAstropysPixels() throws IOException {
        for (String[] pair : new String[][] {{"float_rice.fits", "float_astropy.fits"}, {"int16_rice.fits", "int16.fits"}}) {
            Plate compressed = PlateReader.open(RICE.resolve(pair[0]), "s", "b", "c");
            Plate plain = PlateReader.open(RICE.resolve(pair[1]), "s", "b", "p");
            assertThat(compressed.width()).isEqualTo(300);
            assertThat(compressed.height()).isEqualTo(200);
            assertThat(compressed.wcs().toCards()).isEqualTo(plain.wcs().toCards());
            assertSamePixels(PlateReader.pixels(compressed), PlateReader.pixels(plain), pair[0]);
        }
        PlatePixels blanks = PlateReader.pixels(PlateReader.open(RICE.resolve("int16_rice.fits"), "s", "b", "c"));
        assertThat(blanks.value(10, 50)).isNaN();
        assertThat(blanks.value(9, 50)).isNotNaN();
    }

    @Test
    void cutoutsFromACompressedPlateEqualThoseFromThePlainPlate() throws IOException {
        Plate plain = PlateReader.open(RICE.resolve("float_astropy.fits"), "s", "b", "p");
        Random random = new Random(6);
        for (int i = 0; i < 40; i++) {
            // centres across the plate and beyond its edges (partial stamps), sizes odd and even
            PixelPosition pixel = new PixelPosition(-20 + 340 * random.nextDouble(), -20 + 240 * random.nextDouble());
            LonLat centre = plain.wcs().pixelToWorld(pixel).orElseThrow();
            CutoutSize size = CutoutSize.pixels(7 + random.nextInt(90), 7 + random.nextInt(90));
            Cutout fromPlain;
            try {
                fromPlain = CutoutService.cutImage(RICE.resolve("float_astropy.fits"), centre, size, 4096);
            } catch (CutoutException e) {
                assertThatThrownBy(() -> CutoutService.cutImage(RICE.resolve("float_rice.fits"), centre, size, 4096))
                        .isInstanceOf(CutoutException.class).hasMessage(e.getMessage());
                continue;
            }
            Cutout fromCompressed = CutoutService.cutImage(RICE.resolve("float_rice.fits"), centre, size, 4096);
            assertThat(fromCompressed.pixels()).isEqualTo(fromPlain.pixels());
            assertThat(fromCompressed.wcs().toCards()).isEqualTo(fromPlain.wcs().toCards());
        }
    }

    @Test
    void onlyTheTilesACutoutTouchesAreDecompressedAndKept() throws IOException {
        Path file = RICE.resolve("float_rice.fits");
        CompressedImage image = openCompressed(file);
        float[] stamp = new float[10 * 10];
        image.copy(70, 50, 10, 10, stamp, 10, 0, 0);
        assertThat(image.decodedTiles()).isEqualTo(1);
        image.copy(60, 40, 10, 10, stamp, 10, 0, 0);
        assertThat(image.decodedTiles()).as("64 x 48 tiles: (60..69, 40..49) touches 4, one already decoded")
                .isEqualTo(4);
        image.copy(60, 40, 10, 10, stamp, 10, 0, 0);
        assertThat(image.decodedTiles()).isEqualTo(4);
    }

    @Test
    void platesCompressedByNomTamFitsKeepTheirNaNAndAgreeWithItsDecompression() throws Exception {
        int width = 300;
        int height = 260;
        float[] pixels = new float[width * height];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (50 + 3 * random.nextGaussian());
        }
        for (int y = 100; y < 140; y++) {
            for (int x = 150; x < 190; x++) {
                pixels[y * width + x] = Float.NaN;
            }
        }
        Plate plain = PlateReader.open(RICE.resolve("float_astropy.fits"), "s", "b", "p");
        Path file = folder.resolve("nomtam_rice.fits");
        RiceImageWriter.write(file, pixels, width, height, plain.wcs().toCards());
        Plate compressed = PlateReader.open(file, "s", "b", "c");
        PlatePixels ours = PlateReader.pixels(compressed);
        float[][] theirs;
        try (Fits fits = new Fits(file.toFile())) {
            fits.readHDU();
            CompressedImageHDU hdu = (CompressedImageHDU) fits.readHDU();
            theirs = (float[][]) hdu.asImageHDU().getKernel();
        }
        int nan = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // nom-tam-fits dequantizes in float arithmetic: 1 ulp from CFITSIO's double (which astropy and we match)
                assertThat(Float.isNaN(ours.value(x, y))).as("NaN at (%d, %d): ours %s, theirs %s, original %s", x, y, ours.value(x, y), theirs[y][x], pixels[y * width + x]).isEqualTo(Float.isNaN(theirs[y][x]));
                if (!Float.isNaN(theirs[y][x])) {
                    assertThat(ours.value(x, y)).as("(%d, %d)", x, y).isCloseTo(theirs[y][x],
                            org.assertj.core.data.Offset.offset(2 * Math.ulp(theirs[y][x])));
                }
                if (Float.isNaN(pixels[y * width + x])) {
                    assertThat(ours.value(x, y)).isNaN();
                    nan++;
                } else {
                    // quantized at sigma / 16: within a quantum of the original
                    assertThat(Math.abs(ours.value(x, y) - pixels[y * width + x])).isLessThan(0.5f);
                }
            }
        }
        assertThat(nan).isEqualTo(1600);
        assertThat(Files.size(file)).isLessThan(pixels.length * 4L / 2);
    }

    @Test
    void theSharedCompressedImageDecodesAsNomTamFitsDoes() throws Exception {
        Path file = SharedTestData.folder("fits/tables_and_edge_cases").resolve("comp.fits");
        CompressedImage ours = openCompressed(file);
        Object kernel;
        try (Fits fits = new Fits(file.toFile())) {
            fits.readHDU();
            kernel = ((CompressedImageHDU) fits.readHDU()).asImageHDU().getKernel();
        }
        int rows = java.lang.reflect.Array.getLength(kernel);
        assertThat(rows).isEqualTo(ours.height());
        for (int y = 0; y < rows; y++) {
            Object row = java.lang.reflect.Array.get(kernel, y);
            for (int x = 0; x < ours.width(); x++) {
                double expected = ((Number) java.lang.reflect.Array.get(row, x)).doubleValue();
                assertThat((double) ours.value(x, y)).as("(%d, %d)", x, y).isEqualTo((double) (float) expected);
            }
        }
    }

    @Test
    void unsupportedOrBrokenCompressionIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(RICE.resolve("int16_rice.fits"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        Path hcompress = folder.resolve("hcompress.fits");
        Files.write(hcompress, text.replace("'RICE_1  '           /", "'HCOMPRESS_1'        /")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PlateReader.open(hcompress, "s", "b", "h")).hasMessageContaining("ZCMPTYPE")
                .hasMessageContaining("HCOMPRESS_1").hasMessageContaining(hcompress.toString());
        Path truncated = folder.resolve("truncated.fits");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 2880 * 3));
        assertThatThrownBy(() -> PlateReader.open(truncated, "s", "b", "t")).hasMessageContaining(truncated.toString());
    }

    private static CompressedImage openCompressed(Path file) throws IOException {
        try (FitsFile in = new FitsFile(file.toFile(), "r")) {
            Header.readHeader(in);
            Header header = Header.readHeader(in);
            return CompressedImage.open(file, FitsHeaders.cards(header), in.getFilePointer());
        } catch (nom.tam.fits.FitsException e) {
            throw new IOException(e);
        }
    }

    private static void assertSamePixels(PlatePixels actual, PlatePixels expected, String name) {
        Plate plate = expected.plate();
        float[] whole = new float[plate.width() * plate.height()];
        actual.copy(0, 0, plate.width(), plate.height(), whole, plate.width(), 0, 0);
        for (int y = 0; y < plate.height(); y++) {
            for (int x = 0; x < plate.width(); x++) {
                assertThat(Float.valueOf(actual.value(x, y))).as("%s (%d, %d)", name, x, y)
                        .isEqualTo(Float.valueOf(expected.value(x, y)));
                assertThat(Float.valueOf(whole[y * plate.width() + x])).as("%s copy (%d, %d)", name, x, y)
                        .isEqualTo(Float.valueOf(expected.value(x, y)));
            }
        }
    }

}
