package org.skysieve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutService;
import org.skysieve.images.CutoutSize;
import org.skysieve.images.PlateIndex;
import org.skysieve.sky.LonLat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skysieve cutout}: one FITS stamp from a survey's plates or from any FITS image. */
@Command(name = "cutout", mixinStandardHelpOptions = true,
        description = {"Cut a FITS stamp around a position, in native pixels with a shifted WCS, as astropy's"
                + " Cutout2D(mode='partial') does: pixels outside the image are NaN.",
            "  skysieve cutout --data DIR --survey S --band B --ra RA --dec DEC --size 64 --out STAMP.fits",
            "  skysieve cutout --image PLATE.fits --ra RA --dec DEC --size 10arcsec --out STAMP.fits"})
final class CutoutCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", paramLabel = "DIR", description = "A data folder with plates (SURVEY/images/BAND/*.fits).")
        Path data;

        @Option(names = "--image", paramLabel = "FITS", description = "Any 2-D FITS image with a celestial WCS.")
        Path image;
    }

    @Option(names = "--survey", description = "The survey (with --data).")
    String survey;

    @Option(names = "--band", description = "The band (with --data).")
    String band;

    @Option(names = "--ra", required = true, description = "Centre longitude (RA, or the image's frame), degrees.")
    double raDeg;

    @Option(names = "--dec", required = true, description = "Centre latitude, degrees.")
    double decDeg;

    @Option(names = "--size", required = true, paramLabel = "N[px]|Xarcsec",
            description = "Side of the square stamp: pixels (64, 64px) or arcsec (10arcsec).")
    String size;

    @Option(names = "--max-size", defaultValue = "4096", description = "Largest side accepted, pixels (default: ${DEFAULT-VALUE}).")
    int maxSidePixels;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The FITS file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        LonLat centre;
        if (!(decDeg >= -90 && decDeg <= 90) || !Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("Expected --ra finite and --dec in [-90, 90]. Actual: " + raDeg + ", "
                    + decDeg);
        }
        centre = LonLat.ofDegrees(raDeg, decDeg);
        CutoutSize stampSize = parseSize(size);
        Cutout cutout;
        if (source.image != null) {
            cutout = CutoutService.cutImage(source.image, centre, stampSize, maxSidePixels);
        } else {
            if (survey == null || band == null) {
                throw new IllegalArgumentException("Expected --survey and --band with --data");
            }
            cutout = new CutoutService(PlateIndex.open(source.data), maxSidePixels).cut(survey, band, centre, stampSize);
        }
        Files.write(out, cutout.toFits());
        System.out.printf(Locale.ROOT, "%s: %d x %d pixels from %s, %d blank%n", out, cutout.width(), cutout.height(),
                cutout.primary().file(), cutout.blankCount());
        return 0;
    }

    static CutoutSize parseSize(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (trimmed.endsWith("arcsec")) {
                double arcsec = Double.parseDouble(trimmed.substring(0, trimmed.length() - 6));
                return CutoutSize.arcsec(arcsec, arcsec);
            }
            int pixels = Integer.parseInt(trimmed.endsWith("px") ? trimmed.substring(0, trimmed.length() - 2) : trimmed);
            return CutoutSize.pixels(pixels, pixels);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected --size as pixels (64 or 64px) or arcsec (10arcsec). Actual: '"
                    + text + "'");
        }
    }
}
