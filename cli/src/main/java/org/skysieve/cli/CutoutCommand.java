package org.skysieve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.skysieve.images.BatchCutouts;
import org.skysieve.images.BatchFormat;
import org.skysieve.images.BatchSpec;
import org.skysieve.images.CommonGrid;
import org.skysieve.images.Cutout;
import org.skysieve.images.PngImages;
import org.skysieve.images.StampStretch;
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
            "  skysieve cutout --image PLATE.fits --ra RA --dec DEC --size 10arcsec --out STAMP.png",
            "  skysieve cutout --data DIR --survey S --bands g,r,i --size 64 --positions POS.csv --out OUT.npy|.fits|.zip",
            "--out X.png writes a stretched 8-bit preview (--stretch); --scale/--resample put every band on a common"
                + " north-up TAN grid."})
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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: STAMP.fits or"
            + " STAMP.png; with --positions OUT.npy (+ OUT.mask.npy, OUT.index.csv), OUT.fits (cube, MASK, INDEX) or"
            + " OUT.zip (PNGs + index.csv).")
    Path out;

    @Option(names = "--stretch", defaultValue = "asinh", paramLabel = "asinh|linear[:LOW,HIGH]",
            description = "PNG stretch between percentiles (default: ${DEFAULT-VALUE}, limits 1 and 99.5).")
    String stretch;

    @Option(names = "--scale", paramLabel = "ARCSEC", description = "Resample onto a common north-up TAN grid of this"
            + " many arcsec per pixel centred on the position (native pixels when absent).")
    Double scaleArcsec;

    @Option(names = "--resample", paramLabel = "nearest|bilinear", description = "Resampling method onto the common"
            + " grid (default nearest; alone: the grid at the band's native scale).")
    String resample;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for --positions (default: every"
            + " processor).")
    Integer threads;

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
        StampStretch previewStretch = StampStretch.parse(stretch);
        if (source.image != null) {
            if (scaleArcsec != null || resample != null) {
                throw new IllegalArgumentException("Expected --scale/--resample with --data only");
            }
            cutout = CutoutService.cutImage(source.image, centre, stampSize, maxSidePixels);
        } else {
            if (survey == null || bands == null || bands.size() != 1) {
                throw new IllegalArgumentException("Expected --survey and one --band with --data");
            }
            CutoutService service = new CutoutService(PlateIndex.open(source.data), maxSidePixels);
            cutout = service.cut(survey, bands.get(0), centre, stampSize, grid(service, bands.get(0)));
        }
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            Files.write(out, PngImages.of(cutout, previewStretch));
        } else {
            Files.write(out, cutout.toFits());
        }
        System.out.printf(Locale.ROOT, "%s: %d x %d pixels from %s, %d blank%n", out, cutout.width(), cutout.height(),
                cutout.primary().file(), cutout.blankCount());
        return 0;
    }

    private int batch() throws Exception {
        if (source.data == null || survey == null || bands == null) {
            throw new IllegalArgumentException("Expected --data, --survey and --bands with --positions");
        }
        CutoutSize stampSize = parseSize(size);
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
        for (String band : bands) {
            service.checkBand(survey, band);
        }
        java.util.Optional<CommonGrid> grid = grid(service, bands.get(0));
        int[] shape = service.shape(survey, bands.get(0), stampSize, grid);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        BatchFormat format = name.endsWith(".npy") ? BatchFormat.NPY : name.endsWith(".fits") ? BatchFormat.FITS
                : name.endsWith(".zip") ? BatchFormat.PNG : null;
        if (format == null) {
            throw new IllegalArgumentException("Expected --out ending in .npy, .fits or .zip with --positions. Actual: "
                    + out);
        }
        BatchSpec spec = new BatchSpec(survey, bands, shape[0], shape[1], grid, format, StampStretch.parse(stretch),
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        double[] raDegrees = centres.stream().mapToDouble(LonLat::lonDeg).toArray();
        double[] decDegrees = centres.stream().mapToDouble(LonLat::latDeg).toArray();
        var summary = BatchCutouts.write(service, spec, raDegrees, decDegrees, java.util.Optional.empty(), out,
                BatchCutouts.Progress.none());
        System.out.printf(Locale.ROOT, "%s: %d positions x %d bands, %d outside every plate, %.1f s%n", out,
                summary.positions(), bands.size(), summary.outside(), summary.seconds());
        return 0;
    }

    private java.util.Optional<CommonGrid> grid(CutoutService service, String band) {
        if (scaleArcsec == null && resample == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CommonGrid(scaleArcsec != null ? scaleArcsec
                : service.pixelScaleArcsec(survey, band), resample == null ? CommonGrid.Resampling.NEAREST
                : CommonGrid.Resampling.parse(resample)));
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
