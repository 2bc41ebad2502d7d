package org.skysieve.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skysieve.images.BatchCutouts;
import org.skysieve.images.BatchSpec;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutService;
import org.skysieve.images.CutoutSize;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * 64 x 64 cutouts per second from a survey band's plates (memory-mapped, page cache warm after the first pass),
 * positions uniform inside the band's first plate, side by side in one run with astropy's Cutout2D (sky positions and
 * pixel positions) and NumPy slicing on the same plate and positions ({@code benchmarks/compare/cutouts-vs-astropy.py},
 * run here through {@code /usr/bin/python3}), with ratios. skysieve is measured three ways: single cutouts through
 * {@link CutoutService#cut} on one thread (a fresh stamp each), and {@link BatchCutouts} writing the .npy tensor, mask
 * and index on 1 thread and on every processor. Best of several passes each.
 *
 * <p>With {@code --survey-batch BANDS SIDE N} it also times the second figure: N positions spread over the
 * survey's plates, BANDS (comma-separated) stamps of SIDE x SIDE each, written to .npy in the system's temporary
 * folder (deleted afterwards).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.CutoutRate DATA SURVEY BAND N
 * POSITIONS.csv [--survey-batch g,r,i 73 100000]}
 */
public final class CutoutRate {
    private static final Pattern PEER_LINE = Pattern.compile("^(.*): (\\d+) stamps/s.*$");

    private CutoutRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments[0]);
        String survey = arguments[1];
        String band = arguments[2];
        int count = Integer.parseInt(arguments[3]);
        Path positionsFile = Path.of(arguments[4]);
        CutoutService service = new CutoutService(PlateIndex.open(data), 4096);
        Plate plate = service.index().plates(survey, band).get(0);
        SplittableRandom random = new SplittableRandom(6);
        LonLat[] positions = new LonLat[count];
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(positionsFile))) {
            out.println("# plate=" + plate.file());
            out.println("ra,dec");
            for (int i = 0; i < count; i++) {
                positions[i] = plate.wcs().pixelToWorld(new PixelPosition(1 + random.nextDouble() * (plate.width() - 1),
                        1 + random.nextDouble() * (plate.height() - 1))).orElseThrow();
                out.printf(Locale.ROOT, "%.10f,%.10f%n", positions[i].lonDeg(), positions[i].latDeg());
            }
        }
        System.out.printf(Locale.ROOT, "%d stamps of 64 x 64 from %s (%d x %d float32), %d processors, load average"
                + " %s%n", count, plate.file().getFileName(), plate.width(), plate.height(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("skysieve CutoutService.cut, 1 thread", singleRate(service, survey, band, positions));
        int processors = Runtime.getRuntime().availableProcessors();
        for (boolean discard : new boolean[] {true, false}) {
            String where = discard ? " (/dev/null)" : " (disk)";
            rates.put("skysieve BatchCutouts .npy, 1 thread" + where, batchRate(service, survey, band, positions, 1,
                    discard));
            rates.put("skysieve BatchCutouts .npy, " + processors + " threads" + where, batchRate(service, survey,
                    band, positions, processors, discard));
        }
        rates.putAll(peers(positionsFile));
        double astropySky = rates.getOrDefault("astropy Cutout2D, sky position each", Double.NaN);
        double astropyPixel = rates.getOrDefault("astropy Cutout2D, pixel positions", Double.NaN);
        double numpy = rates.getOrDefault("NumPy slicing (ceiling)", Double.NaN);
        System.out.printf(Locale.ROOT, "%-45s %12s %14s %16s %10s%n", "", "stamps/s", "x astropy sky",
                "x astropy pixel", "x NumPy");
        rates.forEach((name, rate) -> System.out.printf(Locale.ROOT, "%-45s %12.0f %14.2f %16.2f %10.2f%n", name, rate,
                rate / astropySky, rate / astropyPixel, rate / numpy));
        System.out.println("load average after: " + loadAverage());
        if (arguments.length >= 8 && arguments[5].equals("--survey-batch")) {
            surveyBatch(service, survey, List.of(arguments[6].split(",")), Integer.parseInt(arguments[7]),
                    Integer.parseInt(arguments[8]));
        }
    }

    private static double singleRate(CutoutService service, String survey, String band, LonLat[] positions)
            throws IOException {
        CutoutSize size = CutoutSize.pixels(64, 64);
        double best = 0;
        double checksum = 0;
        for (int pass = 0; pass < 5; pass++) {
            long started = System.nanoTime();
            for (LonLat position : positions) {
                Cutout cutout = service.cut(survey, band, position, size);
                checksum += cutout.pixels()[2080];
            }
            best = Math.max(best, positions.length / ((System.nanoTime() - started) / 1e9));
        }
        if (Double.isNaN(checksum)) {
            System.out.println("(some centre pixels are NaN)");
        }
        return best;
    }

    private static double batchRate(CutoutService service, String survey, String band, LonLat[] positions,
            int threads, boolean discard) throws IOException {
        Path folder = folder(discard);
        double[] ra = new double[positions.length];
        double[] dec = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            ra[i] = positions[i].lonDeg();
            dec[i] = positions[i].latDeg();
        }
        BatchSpec spec = BatchSpec.npy(survey, List.of(band), 64).withThreads(threads);
        double best = 0;
        try {
            for (int pass = 0; pass < 4; pass++) {
                Path out = folder.resolve("stamps.npy");
                BatchCutouts.Summary summary = BatchCutouts.write(service, spec, ra, dec, Optional.empty(), out,
                        BatchCutouts.Progress.none());
                best = Math.max(best, summary.stamps() / summary.seconds());
                for (Path file : summary.files()) {
                    Files.delete(file);
                }
                Files.deleteIfExists(folder);
                folder = folder(discard);
            }
        } finally {
            for (String name : new String[] {"stamps.npy", "stamps.mask.npy"}) {
                Files.deleteIfExists(folder.resolve(name));
            }
            Files.deleteIfExists(folder);
        }
        return best;
    }

    /**
     * A temporary folder for stamps.npy; with {@code discard} the tensor and mask files are links to /dev/null, so that
     * the figure is the cutting and encoding alone, without the disk (this machine's disk writes about 100 MB/s).
     */
    private static Path folder(boolean discard) throws IOException {
        Path folder = Files.createTempDirectory("cutout-rate");
        if (discard) {
            Files.createSymbolicLink(folder.resolve("stamps.npy"), Path.of("/dev/null"));
            Files.createSymbolicLink(folder.resolve("stamps.mask.npy"), Path.of("/dev/null"));
        }
        return folder;
    }

    /** The peers' rates from the Python script, or none (with a message) when astropy is not there. */
    private static Map<String, Double> peers(Path positionsFile) throws IOException, InterruptedException {
        Map<String, Double> rates = new LinkedHashMap<>();
        Path script = Path.of("benchmarks/compare/cutouts-vs-astropy.py");
        if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
            System.out.println("(astropy comparison skipped: run from the repository root with /usr/bin/python3)");
            return rates;
        }
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), positionsFile.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = PEER_LINE.matcher(line);
                if (matcher.matches()) {
                    rates.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
                } else {
                    System.out.println("python: " + line);
                }
            }
        }
        process.waitFor();
        return rates;
    }

    private static void surveyBatch(CutoutService service, String survey, List<String> bands, int side, int count)
            throws IOException {
        List<Plate> plates = new ArrayList<>(service.index().plates(survey, bands.get(0)));
        SplittableRandom random = new SplittableRandom(7);
        double[] ra = new double[count];
        double[] dec = new double[count];
        for (int i = 0; i < count; i++) {
            Plate plate = plates.get(random.nextInt(plates.size()));
            LonLat position = plate.wcs().pixelToWorld(new PixelPosition(1 + random.nextDouble() * (plate.width() - 1),
                    1 + random.nextDouble() * (plate.height() - 1))).orElseThrow();
            ra[i] = position.lonDeg();
            dec[i] = position.latDeg();
        }
        for (boolean discard : new boolean[] {true, false}) {
            surveyBatch(service, survey, bands, side, ra, dec, plates.size(), discard);
        }
    }

    private static void surveyBatch(CutoutService service, String survey, List<String> bands, int side, double[] ra,
            double[] dec, int plateCount, boolean discard) throws IOException {
        int count = ra.length;
        Path folder = folder(discard);
        Path out = folder.resolve("stamps.npy");
        System.out.printf(Locale.ROOT, "survey batch%s: %d positions over %d plates of %s, bands %s, %d x %d, load"
                + " average %s%n", discard ? " (tensor and mask to /dev/null)" : " (to disk)", count, plateCount,
                survey, bands, side, side, loadAverage());
        try {
            BatchCutouts.Summary summary = BatchCutouts.write(service, BatchSpec.npy(survey, bands, side), ra, dec,
                    Optional.empty(), out, BatchCutouts.Progress.none());
            long bytes = (long) summary.stamps() * side * side * 5;
            System.out.printf(Locale.ROOT, "survey batch: %d stamps (%d outside) in %.1f s = %.0f stamps/s, %.2f GB"
                    + " written; load average %s%n", summary.stamps(), summary.outside(), summary.seconds(),
                    summary.stamps() / summary.seconds(), bytes / 1e9, loadAverage());
            for (Path file : summary.files()) {
                Files.delete(file);
            }
        } finally {
            for (Path file : BatchCutouts.files(org.skysieve.images.BatchFormat.NPY, out)) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
