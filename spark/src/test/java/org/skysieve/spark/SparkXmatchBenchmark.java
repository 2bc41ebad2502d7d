package org.skysieve.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.xmatch.BenchCatalogues;
import org.skysieve.xmatch.GlobalMates;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MatchTableWriter;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.TableFiles;

/**
 * Cross-match on Spark local[1] and local[2] beside the single-machine engine, on the same HATS catalogues (a main that
 * prints figures, not a test), without and with the right catalogue's margin cache (10 arcsec, built here once and
 * its build timed at each core count), with the task CPU, the bytes read and written through Hadoop's file system, and
 * the right files each piece opens. The inputs are those of {@code skysieve bench xmatch} (N uniform points; 80% of them
 * moved by up to 1.5 arcsec plus N/5 others), written as HATS catalogues with at most {@code --partition-rows} rows per
 * partition. Both engines read HATS and write their output (Spark: a HATS catalogue; one machine: Parquet, as
 * {@code skysieve xmatch survey:A survey:B --out x.parquet}); best match within 1 arcsec; the pair counts must agree.
 *
 * <pre>
 * mvn -q -B -o -pl spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/spark-bench-cp.txt
 * java (spark.java.options of spark/pom.xml) -Xmx3g -cp spark/target/test-classes:spark/target/classes:$(cat /tmp/spark-bench-cp.txt) \
 *     org.skysieve.spark.SparkXmatchBenchmark /tmp/sparkbench 1000000 3000000
 * </pre>
 */
public final class SparkXmatchBenchmark {
    private static final double RADIUS_ARCSEC = 1.0;
    private static final long PARTITION_ROWS = 100_000;
    private static final double MARGIN_THRESHOLD_ARCSEC = 10.0;

    private SparkXmatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/sparkbench");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000, 3_000_000);
        }
        System.out.printf(Locale.ROOT, "cores %d, radius %.1f arcsec, best match, at most %,d rows per partition%n",
                Runtime.getRuntime().availableProcessors(), RADIUS_ARCSEC, PARTITION_ROWS);
        System.out.println("| rows | engine | seconds | pairs | load (1 min) |");
        System.out.println("|---|---|---|---|---|");
        for (int rows : sizes) {
            Path left = work.resolve("left-" + rows);
            Path right = work.resolve("right-" + rows);
            if (!Files.isDirectory(left) || !Files.isDirectory(right)) {
                writeInputs(work, rows, left, right);
            }
            int partitions = HatsCatalog.open(left).partitions().size();
            long pairs = singleMachine(left, right, work.resolve("single-" + rows + ".parquet"), rows);
            Path margin = work.resolve("right-" + rows + "-margin-" + (long) MARGIN_THRESHOLD_ARCSEC + "arcsec");
            for (int cores : new int[] {1, 2}) {
                SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("bench")
                        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                        .getOrCreate();
                spark.sparkContext().setLogLevel("ERROR");
                TaskTimes times = new TaskTimes();
                spark.sparkContext().addSparkListener(times);
                if (cores == 2 || !Files.isDirectory(margin)) {
                    // the margin cache's build, timed at each core count (kept from the first for the runs below)
                    Path built = cores == 1 ? margin : work.resolve("margin-rebuild-" + rows);
                    org.apache.spark.util.Utils.deleteRecursively(built.toFile());
                    IoCounters io = IoCounters.start();
                    times.reset();
                    long start = System.nanoTime();
                    SparkMargins.Summary summary = SparkMargins.build(spark, right.toString(), MARGIN_THRESHOLD_ARCSEC, java.util.Optional.of(built.toString()));
                    System.out.printf(Locale.ROOT, "| %,d (right) | margin cache build at %.0f arcsec, Spark local[%d] (tasks: %.1f s CPU, %.1f s run; %s) | %.1f | %,d margin rows | %s |%n",
                            rows + rows / 5, MARGIN_THRESHOLD_ARCSEC, cores, times.cpuNanos.get() / 1e9, times.runMillis.get() / 1e3, io.done(),
                            (System.nanoTime() - start) / 1e9, summary.rows(), load());
                }
                for (MarginOption option : List.of(MarginOption.none(), MarginOption.at(margin.toString()))) {
                    Path out = work.resolve("spark-" + rows + "-" + cores);
                    org.apache.spark.util.Utils.deleteRecursively(out.toFile());
                    IoCounters io = IoCounters.start();
                    times.reset();
                    long start = System.nanoTime();
                    SparkCrossMatch.Summary summary = SparkCrossMatch.run(spark, new SparkCrossMatch.Request(left.toString(), right.toString(),
                            MatchMode.BEST, RADIUS_ARCSEC, List.of(), List.of(), out.toString(), option));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "| %,d x %,d | Spark local[%d], %d partitions, %s (tasks: %.1f s CPU, %.1f s run; %s; %s) | %.1f | %,d%s | %s |%n",
                            rows, rows, cores, partitions, option.kind() == MarginOption.Kind.NONE ? "no margin cache" : "margin cache",
                            times.cpuNanos.get() / 1e9, times.runMillis.get() / 1e3, io.done(), rightReadsPerPiece(spark, left, right, option),
                            seconds, summary.pairs(), summary.pairs() == pairs ? "" : " (DIFFERS)", load());
                }
                spark.stop();
            }
        }
    }

    /** The right files each piece opens (the plan), and their bytes, per piece on average (a pass reads them; the job makes two passes). */
    private static String rightReadsPerPiece(SparkSession spark, Path left, Path right, MarginOption option) {
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        SparkCatalogue leftCatalogue = SparkCatalogue.open(hadoop, left.toString());
        SparkCatalogue rightCatalogue = SparkCatalogue.open(hadoop, right.toString());
        double marginRad = org.skysieve.sky.Angles.arcsecToRad(RADIUS_ARCSEC);
        List<PiecePlan> plans = MarginPlanner.plan(MatchPlanner.plan(leftCatalogue, rightCatalogue, MatchMode.BEST, marginRad), hadoop, rightCatalogue,
                option, marginRad).plans();
        long files = 0;
        long bytes = 0;
        for (PiecePlan plan : plans) {
            for (String file : java.util.stream.Stream.concat(plan.rightFiles().stream(), plan.rightMarginFiles().stream()).toList()) {
                files++;
                bytes += new java.io.File(java.net.URI.create(new org.apache.hadoop.fs.Path(file).toUri().getScheme() == null ? "file:" + file : file)).length();
            }
        }
        return String.format(Locale.ROOT, "right files per piece %.2f, %.1f MB", (double) files / plans.size(), bytes / 1e6 / plans.size());
    }

    /** Bytes read and written through Hadoop's local file system (all tasks run in this JVM) since {@link #start}. */
    private record IoCounters(long read, long written) {
        static IoCounters start() {
            org.apache.hadoop.fs.StorageStatistics file = org.apache.hadoop.fs.FileSystem.getGlobalStorageStatistics().get("file");
            return file == null ? new IoCounters(0, 0) : new IoCounters(value(file, "bytesRead"), value(file, "bytesWritten"));
        }

        String done() {
            IoCounters now = start();
            return String.format(Locale.ROOT, "%.0f MB read, %.0f MB written", (now.read - read) / 1e6, (now.written - written) / 1e6);
        }

        private static long value(org.apache.hadoop.fs.StorageStatistics statistics, String key) {
            Long value = statistics.getLong(key);
            return value == null ? 0 : value;
        }
    }

    private static long singleMachine(Path left, Path right, Path out, int rows) throws IOException {
        Files.deleteIfExists(out);
        long start = System.nanoTime();
        PositionColumns positions = PositionColumns.of("ra", "dec");
        long pairs;
        MatchTableWriter writer = new MatchTableWriter(out, List.of("id", "ra", "dec"), List.of("id", "ra", "dec"));
        try (HatsSide leftSide = new HatsSide(HatsCatalog.open(left), "left"); HatsSide rightSide = new HatsSide(HatsCatalog.open(right), "right")) {
            GlobalMates.match(new PartitionedMatcher.Side(leftSide, positions, List.of("id", "ra", "dec")),
                    new PartitionedMatcher.Side(rightSide, positions, List.of("id", "ra", "dec")), MatchSpec.of(MatchMode.BEST, RADIUS_ARCSEC), writer, "id");
        } finally {
            writer.close();
        }
        pairs = writer.rows();
        System.out.printf(Locale.ROOT, "| %,d x %,d | one machine (PartitionedMatcher + GlobalMates, %d threads) | %.1f | %,d | %s |%n", rows, rows,
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - start) / 1e9, pairs, load());
        return pairs;
    }

    /** The CPU and run time of every task (CPU time is the figure that load on a shared machine distorts least). */
    private static final class TaskTimes extends org.apache.spark.scheduler.SparkListener {
        final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong runMillis = new java.util.concurrent.atomic.AtomicLong();

        void reset() {
            cpuNanos.set(0);
            runMillis.set(0);
        }

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskMetrics() != null) {
                cpuNanos.addAndGet(taskEnd.taskMetrics().executorCpuTime());
                runMillis.addAndGet(taskEnd.taskMetrics().executorRunTime());
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The catalogues of {@code skysieve bench xmatch} (the same recipe, seed 42), as HATS. */
    private static void writeInputs(Path work, int rows, Path left, Path right) throws IOException {
        Files.createDirectories(work);
        BenchCatalogues catalogues = BenchCatalogues.generate(rows, 42);
        writeHats(work, left, catalogues.left());
        writeHats(work, right, catalogues.right());
    }

    private static void writeHats(Path work, Path directory, LoadedTable points) throws IOException {
        Path parquet = work.resolve(directory.getFileName() + ".parquet");
        TableFiles.write(new LoadedTable(directory.getFileName().toString(), points.columns()), parquet);
        CatalogTable table = new CatalogTable(directory.getFileName().toString(), "benchmark points", "ra", "dec", "id", List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Identifier"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination")));
        HatsCatalogWriter.write(parquet, table, "bench", new HatsWriteOptions(PARTITION_ROWS, 10, 3), directory);
        Files.delete(parquet);
    }
}
