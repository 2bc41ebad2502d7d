package org.skysieve.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.BuildTimes;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.build.DatasetManifest;
import org.skysieve.datasets.plan.DatasetPlanner;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * The dataset workloads: N objects (uploaded positions, uniform over the cutout survey's plates of its first
 * band, so that every stamp reads real pixels), features from three surveys by cross-match (deep_optical g r i,
 * near_infrared J Ks, with statuses; astrometric parallax and proper motion), BANDS cutouts of SIZE x SIZE in native
 * pixels, shards of 10,000 rows. Prints the wall time split into plan, features, cutouts and write (checksums, moves,
 * manifest), throughput in objects/s and MB/s, and the load average. With {@code --astropy M}, runs
 * {@code benchmarks/compare/dataset-cutouts-vs-astropy.py} on the first M objects (astropy Cutout2D per object and band,
 * np.save) and prints the ratio of cutout rates. The dataset is deleted afterwards unless {@code --keep}.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.DatasetBuildRate DATA SURVEY BANDS SIZE N
 * [--work DIR] [--astropy M] [--keep]}, e.g. {@code DATA deep_optical g,r,i 73 100000} and
 * {@code DATA near_infrared Z,Y,J,H,Ks 64 300000}, on a tiny sky with images ({@code generate --scale tiny --images}).
 */
public final class DatasetBuildRate {
    private DatasetBuildRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments[0]);
        String survey = arguments[1];
        List<String> bands = List.of(arguments[2].split(","));
        int size = Integer.parseInt(arguments[3]);
        int count = Integer.parseInt(arguments[4]);
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        int astropyCount = 0;
        boolean keep = false;
        for (int i = 5; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--work" -> work = Path.of(arguments[++i]);
                case "--astropy" -> astropyCount = Integer.parseInt(arguments[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("Expected --work DIR, --astropy M or --keep. Actual: "
                        + arguments[i]);
            }
        }
        Path folder = Files.createTempDirectory(work, "dataset-bench-");
        Path objects = folder.resolve("objects.csv");
        writePositions(PlateIndex.open(data).plates(survey, bands.get(0)), count, objects);
        Path specFile = folder.resolve("spec.yaml");
        Files.writeString(specFile, spec(survey, bands, size));
        DatasetSpec spec = DatasetSpecs.read(specFile);
        Path out = folder.resolve("dataset");
        System.out.printf(Locale.ROOT, "%d objects, %s %s %dx%d cutouts, features from deep_optical, near_infrared,"
                + " astrometric; %d processors; load average before %s%n", count, survey, bands, size, size,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        BuildTimes times = new BuildTimes();
        long started = System.nanoTime();
        DatasetManifest manifest = new DatasetBuilder(DatasetPlanner::plan).build(spec, data, out,
                BuildProgress.none(), () -> false, times);
        double seconds = (System.nanoTime() - started) / 1e9;
        String loadAfter = loadAverage();
        double megabytes = manifest.totalBytes() / 1e6;
        System.out.printf(Locale.ROOT, "built %d objects in %d shards, %.1f MB, in %.1f s: %.0f objects/s, %.1f MB/s"
                + " (load average after %s)%n", manifest.rowCount(), manifest.shards().size(), megabytes, seconds,
                manifest.rowCount() / seconds, megabytes / seconds, loadAfter);
        System.out.printf(Locale.ROOT, "  plan %.1f s | features %.1f s | cutouts %.1f s (%.0f objects/s, %.0f stamps/s)"
                + " | write %.1f s%n", times.planSeconds(), times.featuresSeconds(), times.cutoutsSeconds(),
                manifest.rowCount() / times.cutoutsSeconds(), manifest.rowCount() * bands.size() / times.cutoutsSeconds(),
                times.writeSeconds());
        System.out.println("  cutout statuses " + manifest.cutoutStatusCounts() + ", splits " + manifest.rowsPerSplit());
        if (astropyCount > 0) {
            double astropyRate = astropy(data, survey, bands, size, objects, astropyCount, folder);
            double ours = manifest.rowCount() / times.cutoutsSeconds();
            System.out.printf(Locale.ROOT, "  cutouts: skysieve %.0f objects/s, astropy %.1f objects/s: x %.0f (load"
                    + " average %s)%n", ours, astropyRate, ours / astropyRate, loadAverage());
        }
        if (!keep) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } else {
            System.out.println("kept " + out);
        }
    }

    private static String spec(String survey, List<String> bands, int size) {
        return "name: bench_" + survey + "_" + bands.size() + "x" + size + "\n"
                + "objects: {upload: objects.csv, id: object, ra: ra, dec: dec}\n"
                + "features:\n"
                + "  - {survey: deep_optical, columns: [mag_g, mag_r, mag_i], match: {radius: 1arcsec}, statuses: true}\n"
                + "  - {survey: near_infrared, columns: [jmag, ksmag], match: {radius: 1arcsec}, statuses: true}\n"
                + "  - {survey: astrometric, columns: [parallax, pmra, pmdec], match: {radius: 1arcsec}}\n"
                + "split: {order: 12, fractions: {train: 0.8, validation: 0.1, test: 0.1}, seed: 7}\n"
                + "cutouts: {survey: " + survey + ", bands: [" + String.join(", ", bands) + "], size: " + size + "}\n"
                + "output: {shard_rows: 10000}\n";
    }

    private static void writePositions(List<Plate> plates, int count, Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("object,ra,dec");
            for (int i = 0; i < count; i++) {
                Plate plate = plates.get(random.nextInt(plates.size()));
                LonLat position = plate.wcs().pixelToWorld(new PixelPosition(1 + random.nextDouble()
                        * (plate.width() - 1), 1 + random.nextDouble() * (plate.height() - 1))).orElseThrow();
                out.printf(Locale.ROOT, "b%07d,%.10f,%.10f%n", i, position.lonDeg(), position.latDeg());
            }
        }
    }

    private static double astropy(Path data, String survey, List<String> bands, int size, Path objects, int count,
            Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "benchmarks/compare/dataset-cutouts-vs-astropy.py",
                data.toString(), survey, String.join(",", bands), Integer.toString(size), objects.toString(),
                Integer.toString(count), folder.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double rate = Double.NaN;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                System.out.println("  " + line);
                if (line.startsWith("astropy:")) {
                    String[] words = line.trim().split("\\s+");
                    rate = Double.parseDouble(words[words.length - 2]);
                }
            }
        }
        process.waitFor();
        return rate;
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
