package org.skysieve.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.SkysieveServer;
import org.skysieve.sky.moc.MocFiles;

/**
 * Status look-ups over N positions per band (default 1,000,000), on one thread and on two, and the MOC endpoints
 * ({@code /moc/SURVEY/BAND/coverage} in the three serialisations) over HTTP. Positions are uniform in a box 1.5 times
 * the survey's coverage, so that observed, masked and unobserved positions all occur. Prints the best of 5 runs.
 *
 * <p>Run on a generated sky: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.StatusLookupRate
 * DATA [survey] [positions]} (default survey deep_optical). The same look-up written the way a Python user would
 * (healpy + numpy searchsorted on the MOC's ranges) is {@code benchmarks/compare/status-lookup-vs-healpy.sh}.
 */
public final class StatusLookupRate {
    private StatusLookupRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments.length > 0 ? arguments[0] : "demo-data");
        String survey = arguments.length > 1 ? arguments[1] : "deep_optical";
        int count = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 1_000_000;
        Archive archive = Archive.open(data);
        StatusMaps maps = new StatusMaps(archive);
        for (String band : maps.bandNames(survey)) {
            BandStatusMap map = maps.band(survey, band);
            double[][] positions = positions(map, count);
            double single = best(() -> {
                map.statuses(positions[0], positions[1]);
                map.limitMags(positions[0], positions[1]);
            });
            double statusOnly = best(() -> map.statuses(positions[0], positions[1]));
            double twoThreads = bestParallel(map, positions, 2);
            long observed = Arrays.stream(map.statuses(positions[0], positions[1])).filter(s -> s.name().equals("OBSERVED")).count();
            System.out.printf(Locale.ROOT, "%s %s: %,d positions (%.0f%% observed), status alone %.3f s (%.0f ns/position);"
                            + " status + limit: 1 thread %.3f s, 2 threads %.3f s; coverage %d ranges at order %d%n", survey, band, count,
                    100.0 * observed / count, statusOnly, 1e9 * statusOnly / count, single, twoThreads, map.coverage().rangeCount(), map.coverage().maxOrder());
        }
        try (SkysieveServer server = SkysieveServer.start(archive, 0)) {
            HttpClient client = HttpClient.newHttpClient();
            String band = maps.bandNames(survey).get(0);
            for (MocFiles.Format format : MocFiles.Format.values()) {
                URI uri = URI.create("http://localhost:" + server.port() + "/moc/" + survey + "/" + band + "/coverage?format="
                        + format.name().toLowerCase(Locale.ROOT));
                long[] bytes = new long[1];
                double seconds = best(() -> {
                    for (int i = 0; i < 20; i++) {
                        bytes[0] = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
                    }
                }) / 20;
                System.out.printf(Locale.ROOT, "GET %s: %,d bytes in %.1f ms%n", uri.getPath() + "?" + uri.getQuery(), bytes[0], seconds * 1e3);
            }
        }
    }

    private static double[][] positions(BandStatusMap map, int count) {
        CoverageBox box = CoverageBox.around(map.coverage());
        SplittableRandom random = new SplittableRandom(1);
        double[] ra = new double[count];
        double[] dec = new double[count];
        for (int i = 0; i < count; i++) {
            ra[i] = ((box.raMinDeg() + random.nextDouble() * (box.raMaxDeg() - box.raMinDeg())) % 360 + 360) % 360;
            dec[i] = Math.max(-90, Math.min(90, box.decMinDeg() + random.nextDouble() * (box.decMaxDeg() - box.decMinDeg())));
        }
        return new double[][] {ra, dec};
    }

    private static double bestParallel(BandStatusMap map, double[][] positions, int threads) throws Exception {
        int count = positions[0].length;
        double[][][] slices = new double[threads][][];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) count * t / threads);
            int to = (int) ((long) count * (t + 1) / threads);
            slices[t] = new double[][] {Arrays.copyOfRange(positions[0], from, to), Arrays.copyOfRange(positions[1], from, to)};
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return best(() -> {
                Future<?>[] futures = new Future<?>[threads];
                for (int t = 0; t < threads; t++) {
                    double[][] slice = slices[t];
                    futures[t] = pool.submit(() -> {
                        map.statuses(slice[0], slice[1]);
                        map.limitMags(slice[0], slice[1]);
                    });
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            });
        } finally {
            pool.shutdown();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double best(Work work) throws Exception {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
