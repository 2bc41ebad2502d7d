package org.skysieve.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MatchTableWriter;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SkyMatcher;
import org.skysieve.xmatch.TableReader;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.ArrayColumn;

/**
 * Best match within 1 arcsec of two random all-sky catalogues of N rows, FITS in and FITS out, by skysieve (in process),
 * STILTS {@code tmatch2 matcher=sky find=best1 join=1and2} and astropy {@code match_to_catalog_sky}
 * ({@code benchmarks/compare/astropy-xmatch.py}), on the same files; prints the wall times, the ratios, and whether the
 * three pair sets agree.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.XmatchVersusPeers [N] [WORK]}
 * (N defaults to 1,000,000; the right catalogue holds 80% of the left rows moved by up to 1.5 arcsec plus N/5 others).
 */
public final class XmatchVersusPeers {
    private static final double RADIUS_ARCSEC = 1.0;

    private XmatchVersusPeers() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("skysieve-xmatch-bench");
        Files.createDirectories(work);
        Path left = work.resolve("left-" + n + ".fits");
        Path right = work.resolve("right-" + n + ".fits");
        if (!Files.exists(left) || !Files.exists(right)) {
            writeInputs(n, left, right);
        }
        System.out.printf(Locale.ROOT, "%,d x %,d rows, best match within %.1f arcsec, FITS in, FITS out, %d processors%n", n,
                (int) (0.8 * n) + n / 5, RADIUS_ARCSEC, Runtime.getRuntime().availableProcessors());

        Path skysieveOut = work.resolve("skysieve.fits");
        for (int round = 0; round < 2; round++) {
            // the first round warms the JIT; both are printed
            runSkysieve(left, right, skysieveOut, round == 0 ? "skysieve (cold)" : "skysieve (warm)");
        }
        double skysieve = runSkysieve(left, right, skysieveOut, "skysieve");
        Path cli = Path.of("cli/target/skysieve.jar");
        double skysieveProcess = Double.NaN;
        if (Files.exists(cli)) {
            // what a user sees: a fresh JVM, FITS to FITS, through the command
            skysieveProcess = run("skysieve xmatch", List.of("java", "-jar", cli.toString(), "xmatch", left.toString(), right.toString(),
                    "--radius", RADIUS_ARCSEC + "arcsec", "--left-columns", "id", "--right-columns", "id", "--out",
                    work.resolve("skysieve-cli.fits").toString()));
        }
        double stilts = run("stilts", List.of("/usr/bin/stilts", "tmatch2", "in1=" + left, "in2=" + right, "matcher=sky",
                "values1=ra dec", "values2=ra dec", "params=" + RADIUS_ARCSEC, "find=best1", "join=1and2", "out=" + work.resolve("stilts.fits")));
        Path script = Path.of("benchmarks/compare/astropy-xmatch.py");
        double astropy = run("astropy", List.of("/usr/bin/python3", script.toString(), left.toString(), right.toString(),
                Double.toString(RADIUS_ARCSEC), work.resolve("astropy.fits").toString()));

        System.out.printf(Locale.ROOT, "ratios (in process, warm): STILTS / skysieve = %.1f, astropy / skysieve = %.1f%n", stilts / skysieve,
                astropy / skysieve);
        System.out.printf(Locale.ROOT, "ratios (whole process):    STILTS / skysieve = %.1f, astropy / skysieve = %.1f%n",
                stilts / skysieveProcess, astropy / skysieveProcess);
        Map<Long, Long> ours = pairs(skysieveOut, "id_1", "id_2");
        if (Files.exists(work.resolve("skysieve-cli.fits"))) {
            System.out.println("skysieve xmatch output == in-process output: " + pairs(work.resolve("skysieve-cli.fits"), "id_1", "id_2").equals(ours));
        }
        Map<Long, Long> theirs = pairs(work.resolve("stilts.fits"), "id_1", "id_2");
        Map<Long, Long> astropyPairs = pairs(work.resolve("astropy.fits"), "id_1", "id_2");
        System.out.printf(Locale.ROOT, "pairs: skysieve %,d, STILTS %,d, astropy %,d; skysieve == STILTS: %s, skysieve == astropy: %s%n",
                ours.size(), theirs.size(), astropyPairs.size(), ours.equals(theirs), ours.equals(astropyPairs));
    }

    private static double runSkysieve(Path left, Path right, Path out, String label) {
        long start = System.nanoTime();
        LoadedTable leftTable = TableReader.read(left);
        LoadedTable rightTable = TableReader.read(right);
        long read = System.nanoTime();
        PositionColumns positions = PositionColumns.of("ra", "dec");
        var leftPositions = positions.positions(leftTable);
        var rightPositions = positions.positions(rightTable);
        long hashed = System.nanoTime();
        MatchResult result = SkyMatcher.match(leftPositions, rightPositions, MatchSpec.of(MatchMode.BEST, RADIUS_ARCSEC));
        long matched = System.nanoTime();
        try (MatchTableWriter writer = new MatchTableWriter(out, List.of("id"), List.of("id"))) {
            writer.accept(leftTable, rightTable, result);
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-16s %6.2f s  (read %.2f s, positions %.2f s, match %.2f s, write %.2f s), %,d pairs%n", label, seconds,
                (read - start) / 1e9, (hashed - read) / 1e9, (matched - hashed) / 1e9, (end - matched) / 1e9, result.size());
        return seconds;
    }

    private static double run(String label, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-16s %6.2f s  (exit %d)%n", label, seconds, exit);
        if (exit != 0) {
            System.out.println(output);
        }
        return seconds;
    }

    private static Map<Long, Long> pairs(Path file, String leftColumn, String rightColumn) {
        LoadedTable table = TableReader.read(file);
        Column left = table.require(leftColumn, "left id");
        Column right = table.require(rightColumn, "right id");
        Map<Long, Long> pairs = new HashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            pairs.put((long) left.doubleValue(i), (long) right.doubleValue(i));
        }
        return pairs;
    }

    private static void writeInputs(int n, Path left, Path right) throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        double[] ra = new double[n];
        double[] dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = 360 * random.nextDouble();
            dec[i] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
        }
        List<double[]> moved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < 0.8) {
                double offsetDeg = 1.5 / 3600 * random.nextDouble();
                double bearing = 2 * Math.PI * random.nextDouble();
                double newDec = Math.max(-90, Math.min(90, dec[i] + offsetDeg * Math.cos(bearing)));
                double newRa = ra[i] + offsetDeg * Math.sin(bearing) / Math.max(1e-9, Math.cos(Math.toRadians(dec[i])));
                moved.add(new double[] {((newRa % 360) + 360) % 360, newDec});
            }
        }
        for (int i = 0; i < n / 5; i++) {
            moved.add(new double[] {360 * random.nextDouble(), Math.toDegrees(Math.asin(2 * random.nextDouble() - 1))});
        }
        writeFits(left, ra, dec, 1);
        writeFits(right, moved.stream().mapToDouble(p -> p[0]).toArray(), moved.stream().mapToDouble(p -> p[1]).toArray(), 100_000_001);
    }

    private static void writeFits(Path file, double[] ra, double[] dec, long firstId) throws IOException {
        long[] ids = new long[ra.length];
        Arrays.setAll(ids, i -> firstId + i);
        ColumnStarTable table = ColumnStarTable.makeTableWithRows(ra.length);
        table.addColumn(ArrayColumn.makeColumn("id", ids));
        table.addColumn(ArrayColumn.makeColumn("ra", ra));
        table.addColumn(ArrayColumn.makeColumn("dec", dec));
        new StarTableOutput().writeStarTable(table, file.toString(), "fits");
    }
}
