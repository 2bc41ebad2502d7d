package org.skysieve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.xmatch.AngleText;
import org.skysieve.xmatch.BenchCatalogues;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skysieve bench xmatch}: best match, FITS to FITS, by skysieve (a fresh {@code java} process running
 * {@code skysieve xmatch}), STILTS {@code tmatch2} and astropy {@code match_to_catalog_sky} on the same two files; prints
 * the wall times, the ratios and whether the three pair sets are identical. A peer that is not installed is skipped
 * with a message. Exit code 1 when the pair sets differ.
 */
@Command(name = "xmatch", mixinStandardHelpOptions = true,
        description = {"Cross-match benchmark: skysieve beside STILTS tmatch2 and astropy match_to_catalog_sky, FITS to FITS.",
            "  skysieve bench xmatch --rows 1000000 [--rows 3000000] [--radius 1arcsec] [--work DIR]",
            "Generates two seeded all-sky catalogues of N rows (id, ra, dec) per --rows, or uses --left/--right files,",
            "runs each tool as a whole process on the same files, prints wall times and ratios (peer / skysieve) and",
            "checks that the pairs (id_1, id_2) are identical. Exit code 1 when they differ."})
final class BenchXmatchCommand implements Callable<Integer> {
    @Option(names = "--rows", split = ",", paramLabel = "N", description = "Rows of each generated catalogue (repeatable; default 1000000).")
    List<Integer> rows;

    @Option(names = "--left", paramLabel = "FILE", description = "Use this FITS file (with id, ra, dec) as the left catalogue instead of generating.")
    Path left;

    @Option(names = "--right", paramLabel = "FILE", description = "Use this FITS file as the right catalogue (with --left).")
    Path right;

    @Option(names = "--radius", defaultValue = "1arcsec", description = "Match radius with its unit (default 1arcsec).")
    String radius;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the catalogues and outputs (default: a new temporary folder).")
    Path work;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the generated catalogues.")
    long seed;

    @Option(names = "--repeat", defaultValue = "1", description = "Runs of each tool; the fastest is reported.")
    int repeat;

    @Option(names = "--java-options", paramLabel = "OPTIONS", defaultValue = XMATCH_JAVA_OPTIONS, description = "JVM options of the"
            + " skysieve process, split at spaces (default: ${DEFAULT-VALUE}, as ./skysieve xmatch runs), e.g. '-Xmx4g -XX:TieredStopAtLevel=1'.")
    String javaOptions;

    /** What the {@code skysieve} script gives {@code xmatch}: the C1 compiler alone, quicker for a run of seconds. */
    static final String XMATCH_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";

    @Option(names = "--peers", split = ",", defaultValue = "stilts,astropy", description = "Peers to run: stilts, astropy, none.")
    List<String> peers;

    @Override
    public Integer call() throws Exception {
        double radiusArcsec = AngleText.parseArcsec(radius, "--radius");
        if ((left == null) != (right == null)) {
            throw new IllegalArgumentException("Expected --left and --right together. Actual: only " + (left != null ? "--left" : "--right"));
        }
        Path folder = work != null ? work : Files.createTempDirectory("skysieve-bench-xmatch");
        Files.createDirectories(folder);
        System.out.printf(Locale.ROOT, "skysieve bench xmatch: best match within %s arcsec, FITS to FITS, whole processes; %d processors;"
                + " skysieve JVM options '%s'; work %s%n", radiusArcsec, Runtime.getRuntime().availableProcessors(), javaOptions, folder);
        boolean allAgree = true;
        if (left != null) {
            allAgree = compare(left, right, radiusArcsec, folder, "given");
        } else {
            for (int n : rows == null ? List.of(1_000_000) : rows) {
                Path leftFile = folder.resolve("left-" + n + "-seed" + seed + ".fits");
                Path rightFile = folder.resolve("right-" + n + "-seed" + seed + ".fits");
                if (!Files.exists(leftFile) || !Files.exists(rightFile)) {
                    long start = System.nanoTime();
                    BenchCatalogues.generate(n, seed).write(leftFile, rightFile);
                    System.out.printf(Locale.ROOT, "generated %s and %s in %.1f s%n", leftFile.getFileName(), rightFile.getFileName(),
                            (System.nanoTime() - start) / 1e9);
                }
                allAgree &= compare(leftFile, rightFile, radiusArcsec, folder, Integer.toString(n));
            }
        }
        return allAgree ? 0 : 1;
    }

    private boolean compare(Path leftFile, Path rightFile, double radiusArcsec, Path folder, String label) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s: %s (%,d rows) x %s (%,d rows); load average %s%n", label, leftFile.getFileName(),
                rowCount(leftFile), rightFile.getFileName(), rowCount(rightFile), loadAverage());
        Map<String, Path> outputs = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();

        Path ours = folder.resolve("skysieve-" + label + ".fits");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "xmatch", leftFile.toString(),
                rightFile.toString(), "--radius", radiusArcsec + "arcsec", "--timings", "--out", ours.toString()));
        runTool("skysieve", command, ours, outputs, seconds);

        if (peers.contains("stilts")) {
            Optional<Path> stilts = TimedProcess.onPath("stilts");
            if (stilts.isEmpty()) {
                System.out.println("STILTS    skipped: no 'stilts' on the PATH (Debian: apt-get install stilts)");
            } else {
                Path out = folder.resolve("stilts-" + label + ".fits");
                runTool("STILTS", List.of(stilts.get().toString(), "tmatch2", "in1=" + leftFile, "in2=" + rightFile, "matcher=sky",
                        "values1=ra dec", "values2=ra dec", "params=" + radiusArcsec, "find=best1", "join=1and2", "out=" + out), out, outputs,
                        seconds);
            }
        }
        if (peers.contains("astropy")) {
            Optional<Path> python = pythonWithAstropy();
            if (python.isEmpty()) {
                System.out.println("astropy   skipped: no python3 with astropy on the PATH (Debian: apt-get install python3-astropy)");
            } else {
                Path script = folder.resolve("astropy-xmatch.py");
                try (InputStream in = BenchXmatchCommand.class.getResourceAsStream("astropy-xmatch.py")) {
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                Path out = folder.resolve("astropy-" + label + ".fits");
                runTool("astropy", List.of(python.get().toString(), script.toString(), leftFile.toString(), rightFile.toString(),
                        Double.toString(radiusArcsec), out.toString()), out, outputs, seconds);
            }
        }
        if (seconds.containsKey("skysieve")) {
            for (Map.Entry<String, Double> peer : seconds.entrySet()) {
                if (!peer.getKey().equals("skysieve")) {
                    System.out.printf(Locale.ROOT, "ratio %s / skysieve = %.1f%n", peer.getKey(), peer.getValue() / seconds.get("skysieve"));
                }
            }
        }
        return agree(outputs);
    }

    private void runTool(String name, List<String> command, Path out, Map<String, Path> outputs, Map<String, Double> seconds) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        TimedProcess last = null;
        for (int run = 0; run < Math.max(1, repeat); run++) {
            Files.deleteIfExists(out);
            last = TimedProcess.run(command);
            if (!last.succeeded()) {
                System.out.printf(Locale.ROOT, "%-9s failed (exit %d):%n%s%n", name, last.exitCode(), last.output().strip());
                return;
            }
            best = Math.min(best, last.seconds());
        }
        String detail = name.equals("skysieve") ? "  (" + last.output().strip().replace('\n', ';') + ")" : "";
        System.out.printf(Locale.ROOT, "%-9s %7.2f s%s%n", name, best, detail);
        outputs.put(name, out);
        seconds.put(name, best);
    }

    /** Whether every tool's pairs (id_1 to id_2) are those of the first; prints the counts and differences. */
    private static boolean agree(Map<String, Path> outputs) {
        Map<String, Map<Long, Long>> pairs = new LinkedHashMap<>();
        outputs.forEach((name, file) -> pairs.put(name, pairs(file)));
        List<String> counts = new ArrayList<>();
        pairs.forEach((name, set) -> counts.add(String.format(Locale.ROOT, "%s %,d", name, set.size())));
        boolean agree = true;
        List<String> verdicts = new ArrayList<>();
        if (pairs.size() > 1) {
            String first = pairs.keySet().iterator().next();
            for (Map.Entry<String, Map<Long, Long>> other : pairs.entrySet()) {
                if (!other.getKey().equals(first)) {
                    long differing = differing(pairs.get(first), other.getValue());
                    agree &= differing == 0;
                    verdicts.add(first + " == " + other.getKey() + ": " + (differing == 0 ? "identical" : differing + " pairs differ"));
                }
            }
        }
        System.out.println("pairs: " + String.join(", ", counts) + (verdicts.isEmpty() ? "" : "; " + String.join("; ", verdicts)));
        return agree;
    }

    private static long differing(Map<Long, Long> a, Map<Long, Long> b) {
        long count = 0;
        for (Map.Entry<Long, Long> pair : a.entrySet()) {
            if (!pair.getValue().equals(b.get(pair.getKey()))) {
                count++;
            }
        }
        for (Long key : b.keySet()) {
            if (!a.containsKey(key)) {
                count++;
            }
        }
        return count;
    }

    private static Map<Long, Long> pairs(Path file) {
        LoadedTable table = TableReader.read(file);
        Column leftIds = table.require("id_1", "left id");
        Column rightIds = table.require("id_2", "right id");
        Map<Long, Long> pairs = new HashMap<>(table.rowCount() * 2);
        for (int i = 0; i < table.rowCount(); i++) {
            pairs.put((long) leftIds.doubleValue(i), (long) rightIds.doubleValue(i));
        }
        return pairs;
    }

    private static int rowCount(Path file) {
        return TableReader.read(file).rowCount();
    }

    /** The first python3 that imports astropy: on the PATH (a pyenv or venv one may lack it), then Debian's. */
    private static Optional<Path> pythonWithAstropy() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>(TimedProcess.allOnPath("python3"));
        candidates.add(Path.of("/usr/bin/python3"));
        for (Path python : candidates) {
            if (Files.isExecutable(python) && TimedProcess.run(List.of(python.toString(), "-c", "import astropy")).succeeded()) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
