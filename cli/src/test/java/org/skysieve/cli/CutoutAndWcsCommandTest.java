package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.testing.SharedTestData;

/** {@code skysieve wcs} and {@code skysieve cutout --image} on the shared third-party files, against astropy's answers. */
class CutoutAndWcsCommandTest {
    @TempDir
    Path folder;

    @Test
    void wcsConvertsBothWaysThroughACardFileAndAFitsFile() {
        Path maps = SharedTestData.folder("wcs/headers/maps");
        // maps_pix2world_expected.csv: 1904-66_ZEA.hdr pixel (1, 1)
        CommandLineTest.Captured pixel = CommandLineTest.capture("wcs", maps.resolve("1904-66_ZEA.hdr").toString(),
                "--pix", "97", "97");
        assertThat(pixel.exitCode()).as(pixel.err()).isZero();
        String[] world = pixel.out().trim().split(" ");
        CommandLineTest.Captured back = CommandLineTest.capture("wcs", maps.resolve("1904-66_ZEA.hdr").toString(),
                "--sky", world[0], world[1]);
        assertThat(back.out().trim()).isEqualTo("97.00000000 97.00000000");
        Path images = SharedTestData.folder("fits/images");
        CommandLineTest.Captured fits = CommandLineTest.capture("wcs", images.resolve("cadc_cfht_TAN.fits").toString(),
                "--pix", "1", "1");
        // images_pix2world_expected.csv: 280.835585 0.3928354456
        assertThat(Double.parseDouble(fits.out().trim().split(" ")[0])).isCloseTo(280.835585,
                org.assertj.core.data.Offset.offset(1e-6));
        CommandLineTest.Captured sip = CommandLineTest.capture("wcs", images.resolve("sip_header_only.fits").toString(),
                "--pix", "1", "1");
        // images_pix2world_expected.csv (TAN-SIP): 202.3931449 47.17753352
        assertThat(sip.exitCode()).as(sip.err()).isZero();
        assertThat(Double.parseDouble(sip.out().trim().split(" ")[0])).isCloseTo(202.3931449,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void cutoutOfAnImageFileIsAstropysStamp() throws Exception {
        Path images = SharedTestData.folder("fits/images");
        Path out = folder.resolve("stamp.fits");
        CommandLineTest.Captured run = CommandLineTest.capture("cutout", "--image",
                images.resolve("gc_msx_e_CAR_galactic.fits").toString(), "--ra", "0.0", "--dec", "0.0", "--size", "25",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        float[][] ours = readImage(out);
        float[][] theirs = readImage(SharedTestData.folder("fits/expected/cutouts").resolve("gc_msx_e_CAR_galactic_cut_0_0_25x25.fits"));
        assertThat(ours).isDeepEqualTo(theirs);
        Path png = folder.resolve("stamp.png");
        CommandLineTest.Captured preview = CommandLineTest.capture("cutout", "--image",
                images.resolve("gc_msx_e_CAR_galactic.fits").toString(), "--ra", "0.0", "--dec", "0.0", "--size", "25",
                "--stretch", "linear:0,100", "--out", png.toString());
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(25);
        // linear between the minimum and the maximum: the darkest pixel is black, the brightest white
        int darkest = 255;
        int brightest = 0;
        for (int y = 0; y < 25; y++) {
            for (int x = 0; x < 25; x++) {
                int level = image.getRaster().getSample(x, y, 0);
                darkest = Math.min(darkest, level);
                brightest = Math.max(brightest, level);
            }
        }
        assertThat(darkest).isZero();
        assertThat(brightest).isEqualTo(255);
        CommandLineTest.Captured tooLarge = CommandLineTest.capture("cutout", "--image",
                images.resolve("gc_msx_e_CAR_galactic.fits").toString(), "--ra", "0.0", "--dec", "0.0", "--size",
                "5000", "--out", out.toString());
        assertThat(tooLarge.err()).contains("at most 4096");
        CommandLineTest.Captured outside = CommandLineTest.capture("cutout", "--image",
                images.resolve("gc_msx_e_CAR_galactic.fits").toString(), "--ra", "90.0", "--dec", "0.0", "--size",
                "5", "--out", out.toString());
        assertThat(outside.err()).contains("No plate covers");
    }

    private static float[][] readImage(Path file) throws Exception {
        try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(file.toFile())) {
            return (float[][]) ((nom.tam.fits.ImageHDU) fits.readHDU()).getKernel();
        }
    }
}
