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

    @Option(names = {"--band", "--bands"}, split = ",", description = "The band, or with --positions the bands (g,r,i).")
    java.util.List<String> bands;

    @Option(names = "--ra", description = "Centre longitude (RA, or the image's frame), degrees.")
    Double raDeg;

    @Option(names = "--dec", description = "Centre latitude, degrees.")
    Double decDeg;

    @Option(names = "--positions", paramLabel = "CSV", description = "Many stamps (with --data): a CSV with ra and dec"
            + " columns (degrees); --out OUT.npy then gets float32 (N, bands, H, W), OUT.mask.npy and OUT.index.csv.")
    Path positions;

    @Option(names = "--size", required = true, paramLabel = "N[px]|Xarcsec",
            description = "Side of the square stamp: pixels (64, 64px) or arcsec (10arcsec).")
    String size;

    @Option(names = "--max-size", defaultValue = "4096", description = "Largest side accepted, pixels (default: ${DEFAULT-VALUE}).")
    int maxSidePixels;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The FITS file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (positions != null) {
            return batch();
        }
        if (raDeg == null || decDeg == null) {
            throw new IllegalArgumentException("Expected --ra and --dec (or --positions CSV)");
        }
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
            if (survey == null || bands == null || bands.size() != 1) {
                throw new IllegalArgumentException("Expected --survey and one --band with --data");
            }
            cutout = new CutoutService(PlateIndex.open(source.data), maxSidePixels).cut(survey, bands.get(0), centre,
                    stampSize);
        }
        Files.write(out, cutout.toFits());
        System.out.printf(Locale.ROOT, "%s: %d x %d pixels from %s, %d blank%n", out, cutout.width(), cutout.height(),
                cutout.primary().file(), cutout.blankCount());
        return 0;
    }

    private int batch() throws Exception {
        if (source.data == null || survey == null || bands == null) {
            throw new IllegalArgumentException("Expected --data, --survey and --bands with --positions");
        }
        CutoutSize stampSize = parseSize(size);
        if (stampSize.inArcsec()) {
            throw new IllegalArgumentException("Expected --size in pixels with --positions (one tensor shape)."
                    + " Actual: '" + size + "'");
        }
        java.util.List<String> lines = Files.readAllLines(positions).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        java.util.List<String> header = java.util.Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int ra = header.indexOf("ra");
        int dec = header.indexOf("dec");
        if (ra < 0 || dec < 0) {
            throw new IllegalArgumentException("Expected columns ra and dec in " + positions + ". Actual: " + header);
        }
        java.util.List<LonLat> centres = new java.util.ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] fields = lines.get(row).split(",", -1);
            try {
                centres.add(LonLat.ofDegrees(Double.parseDouble(fields[ra].trim()), Double.parseDouble(fields[dec].trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(positions + " line " + (row + 1) + ": expected ra and dec in"
                        + " degrees. Actual: '" + lines.get(row) + "'");
            }
        }
        CutoutService service = new CutoutService(PlateIndex.open(source.data), maxSidePixels);
        int side = (int) Math.round(stampSize.width());
        if (side > maxSidePixels) {
            throw new IllegalArgumentException("Expected --size of at most " + maxSidePixels + ". Actual: " + side);
        }
        var summary = org.skysieve.images.BatchCutouts.write(service, survey, bands, centres, side, out);
        System.out.printf(Locale.ROOT, "%s: %d positions x %d bands, %d outside every plate, %.1f s%n", out,
                summary.positions(), bands.size(), summary.outside(), summary.seconds());
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
