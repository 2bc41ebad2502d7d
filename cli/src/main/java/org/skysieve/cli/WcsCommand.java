package org.skysieve.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.FitsHeaderCards;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.sky.wcs.WcsException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve wcs}: pixel to sky or sky to pixel through any header, to check it by hand. */
@Command(name = "wcs", mixinStandardHelpOptions = true,
        description = {"Convert FITS 1-based pixel coordinates to sky coordinates (degrees) or back through the"
                + " celestial WCS of FILE: a FITS file (.gz allowed; its primary header) or a text file of 80-character"
                + " header cards.",
            "  skysieve wcs image.fits --pix 1 1",
            "  skysieve wcs header.hdr --sky 285.0 -66.25"})
final class WcsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;

    static final class Direction {
        @Option(names = "--pix", arity = "2", paramLabel = "X Y", description = "FITS pixel coordinates (1-based).")
        double[] pixel;

        @Option(names = "--sky", arity = "2", paramLabel = "LON LAT", description = "Sky coordinates, degrees.")
        double[] sky;
    }

    @Override
    public Integer call() throws Exception {
        CelestialWcs wcs = CelestialWcs.fromCards(cards(file));
        if (direction.pixel != null) {
            LonLat world = wcs.pixelToWorld(new PixelPosition(direction.pixel[0], direction.pixel[1]))
                    .orElseThrow(() -> new IllegalArgumentException("Pixel (" + direction.pixel[0] + ", "
                            + direction.pixel[1] + ") is outside the projection's domain"));
            System.out.printf(Locale.ROOT, "%.10f %.10f%n", world.lonDeg(), world.latDeg());
        } else {
            if (!(direction.sky[1] >= -90 && direction.sky[1] <= 90)) {
                throw new IllegalArgumentException("Expected a latitude in [-90, 90]. Actual: " + direction.sky[1]);
            }
            PixelPosition pixel = wcs.worldToPixel(LonLat.ofDegrees(direction.sky[0], direction.sky[1]))
                    .orElseThrow(() -> new IllegalArgumentException("(" + direction.sky[0] + ", " + direction.sky[1]
                            + ") is not reached by the projection"));
            System.out.printf(Locale.ROOT, "%.8f %.8f%n", pixel.x(), pixel.y());
        }
        return 0;
    }

    private static Map<String, String> cards(Path file) throws java.io.IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(6);
        }
        boolean gzip = start.length >= 2 && (start[0] & 0xFF) == 0x1F && (start[1] & 0xFF) == 0x8B;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return FitsHeaderCards.readPrimaryHeader(in);
        } catch (WcsException noEndCard) {
            // a text file of cards without END (or one card per line): parse it whole
            return FitsHeaderCards.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
    }
}
