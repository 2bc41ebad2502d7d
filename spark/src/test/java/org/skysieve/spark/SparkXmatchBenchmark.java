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
 * prints figures, not a test). The inputs are those of {@code skysieve bench xmatch} (N uniform points; 80% of them
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
            for (int cores : new int[] {1, 2}) {
                SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("bench")
                        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                        .getOrCreate();
                spark.sparkContext().setLogLevel("ERROR");
                TaskTimes times = new TaskTimes();
                spark.sparkContext().addSparkListener(times);
                Path out = work.resolve("spark-" + rows + "-" + cores);
                org.apache.spark.util.Utils.deleteRecursively(out.toFile());
                long start = System.nanoTime();
                SparkCrossMatch.Summary summary = SparkCrossMatch.run(spark, new SparkCrossMatch.Request(left.toString(), right.toString(),
                        MatchMode.BEST, RADIUS_ARCSEC, List.of(), List.of(), out.toString()));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "| %,d x %,d | Spark local[%d], %d partitions (tasks: %.1f s CPU, %.1f s run) | %.1f | %,d%s | %s |%n",
                        rows, rows, cores, partitions, times.cpuNanos.get() / 1e9, times.runMillis.get() / 1e3, seconds, summary.pairs(),
                        summary.pairs() == pairs ? "" : " (DIFFERS)", load());
                spark.stop();
            }
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
