package org.skysieve.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.skysieve.catalog.hats.HatsException;
import org.skysieve.datasets.build.DatasetBuildException;
import org.skysieve.datasets.build.DatasetManifest;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.xmatch.AngleText;
import org.skysieve.xmatch.MatchMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The entry point for {@code spark-submit} (and {@code ./skysieve spark}, which runs it on {@code local[*]}):
 * {@code xmatch}, {@code neighbours}, {@code read}, {@code dataset} and {@code margins}. Catalogue locations are folders or URIs that Spark's Hadoop file
 * systems open (local paths, {@code hdfs://}, {@code s3a://}). Without a master from {@code spark-submit} or
 * {@code --master}, Spark runs in this process on every core ({@code local[*]}).
 */
@Command(name = "skysieve-spark", mixinStandardHelpOptions = true, subcommands = {SparkMain.Xmatch.class, SparkMain.Neighbours.class,
        SparkMain.Read.class, SparkMain.DatasetJob.class, SparkMain.Margins.class}, description = "skysieve jobs on Apache Spark over the same HATS catalogues.")
public final class SparkMain implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new SparkMain());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof IllegalArgumentException || exception instanceof HatsException
                    || exception instanceof org.apache.spark.sql.AnalysisException) {
                line.getErr().println("skysieve spark: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        System.exit(commandLine.execute(args));
    }

    /** Options every job has. */
    static class SparkOptions {
        @Option(names = "--master", description = "Spark master (default: the one spark-submit gives, else local[*]).")
        String master;

        SparkSession session(String job) {
            SparkSession.Builder builder = SparkSession.builder().appName("skysieve " + job);
            boolean submitted = System.getProperty("spark.master") != null;
            if (master != null) {
                builder.master(master);
            } else if (!submitted) {
                builder.master("local[*]").config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1");
            }
            SparkSession spark = builder.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            return spark;
        }
    }

    @Command(name = "xmatch", mixinStandardHelpOptions = true, description = {"Cross-match two HATS catalogues; the result is a HATS"
            + " catalogue with the columns of `skysieve xmatch` (left, right, separation_arcsec, candidates, rank, mates) and _healpix_29.",
        "One task per left partition reads it and the right rows within the radius around it: no shuffle of rows."})
    static final class Xmatch extends SparkOptions implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LEFT", description = "Left catalogue folder (e.g. DATA/deep_optical/sources, hdfs://..., s3a://...).")
        String left;
        @Parameters(index = "1", paramLabel = "RIGHT", description = "Right catalogue folder.")
        String right;
        @Option(names = "--radius", required = true, description = "Match radius with its unit: 1arcsec, 500mas, 0.01deg.")
        String radius;
        @Option(names = "--find", defaultValue = "best", description = "best (default), all or symmetric.")
        String find;
        @Option(names = "--columns", paramLabel = "SIDE:COLS", description = "Columns per side: left:id,ra,dec;right:id,mag_r (default: id, ra, dec).")
        List<String> columns = new ArrayList<>();
        @Option(names = "--out", required = true, description = "The HATS catalogue folder to write (must not exist).")
        String out;
        @Option(names = "--right-margin", paramLabel = "FOLDER|none", description = "The right catalogue's margin cache to read"
                + " (default: one beside it, built by `margins`, whose threshold covers the radius; none: read the right partitions around each piece).")
        String rightMargin;

        @Override
        public Integer call() {
            List<String> leftColumns = new ArrayList<>();
            List<String> rightColumns = new ArrayList<>();
            parseColumns(columns, leftColumns, rightColumns);
            SparkCrossMatch.Request request = new SparkCrossMatch.Request(left, right, MatchMode.fromWord(find), AngleText.parseArcsec(radius, "--radius"),
                    leftColumns, rightColumns, out, MarginOption.parse(rightMargin));
            SparkSession spark = session("xmatch");
            System.out.println(SparkCrossMatch.run(spark, request) + ", written to " + out);
            spark.stop();
            return 0;
        }
    }

    @Command(name = "neighbours", mixinStandardHelpOptions = true, description = "Build SURVEY.best_neighbour_NEIGHBOUR_SURVEY on Spark"
            + " (the table of `skysieve neighbours`), published in the data folder unless --out is given.")
    static final class Neighbours extends SparkOptions implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The data folder (path or URI).")
        String data;
        @Parameters(index = "0", paramLabel = "SURVEY")
        String survey;
        @Parameters(index = "1", paramLabel = "NEIGHBOUR_SURVEY")
        String neighbourSurvey;
        @Option(names = "--radius", defaultValue = "1arcsec", description = "Match radius with its unit (default 1arcsec).")
        String radius;
        @Option(names = "--out", description = "Write the HATS catalogue here instead of publishing it.")
        String out;

        @Override
        public Integer call() {
            SparkSession spark = session("neighbours");
            System.out.println(SparkNeighbours.build(spark, data, survey, neighbourSurvey, AngleText.parseArcsec(radius, "--radius"),
                    Optional.ofNullable(out)));
            spark.stop();
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read a HATS catalogue as a DataFrame: print its documented"
            + " schema, the partitions chosen by --cone or --moc, the row count and the first rows.")
    static final class Read extends SparkOptions implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CATALOGUE")
        String catalogue;
        @Option(names = "--cone", paramLabel = "RA,DEC,RADIUS", description = "A cone, degrees.")
        String cone;
        @Option(names = "--moc", paramLabel = "FILE", description = "A MOC file (FITS, JSON or ASCII).")
        String moc;
        @Option(names = "--columns", split = ",", description = "Columns to read (default: all).")
        List<String> columns = new ArrayList<>();
        @Option(names = "--show", defaultValue = "10", description = "Rows to print (default 10).")
        int show;

        @Override
        public Integer call() throws Exception {
            Optional<SkySelection> selection = Optional.empty();
            if (cone != null) {
                String[] parts = cone.split(",");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("Expected --cone RA,DEC,RADIUS in degrees. Actual: " + cone);
                }
                selection = Optional.of(SkySelection.cone(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
            } else if (moc != null) {
                selection = Optional.of(SkySelection.moc(MocFiles.read(java.nio.file.Path.of(moc))));
            }
            SparkSession spark = session("read");
            SparkCatalogue opened = SparkCatalogue.open(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), catalogue);
            Dataset<Row> rows = HatsDataFrames.read(spark, opened, selection);
            if (!columns.isEmpty()) {
                rows = rows.select(columns.get(0), columns.subList(1, columns.size()).toArray(String[]::new));
            }
            System.out.printf(Locale.ROOT, "%d of %d partitions; %d files opened%n", HatsDataFrames.partitionsIn(opened, selection).size(),
                    opened.pixels().size(), rows.inputFiles().length);
            System.out.println(rows.schema().prettyJson());
            System.out.println(rows.count() + " rows");
            rows.show(show, false);
            spark.stop();
            return 0;
        }
    }

    @Command(name = "dataset", mixinStandardHelpOptions = true, description = {"Build a dataset from its spec (that of"
            + " `skysieve dataset build`) on Spark: planned on the driver (feature cross-matches one task per survey partition), then each shard (features-XXXX.parquet, features-XXXX.npy,"
            + " cutouts-XXXX.npy, mask-XXXX.npy) written by one task in parallel, then README.md and manifest.json: the same files as"
            + " `skysieve dataset build`.",
        "DATA and OUT are local paths every executor sees at the same place (one machine or a shared file system).",
        "Exit status: 0 built, 1 failed (no manifest; run again to continue from the finished shards), 3 invalid spec."})
    static final class DatasetJob extends SparkOptions implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML or JSON).")
        java.nio.file.Path specFile;
        @Option(names = "--data", required = true, paramLabel = "DATA", description = "The archive's data folder.")
        java.nio.file.Path data;
        @Option(names = "--out", required = true, paramLabel = "OUT", description = "The dataset folder: absent, empty, a former"
                + " dataset (replaced) or an interrupted build (continued).")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            long started = System.nanoTime();
            DatasetSpec spec;
            try {
                spec = DatasetSpecs.read(specFile);
            } catch (InvalidDatasetSpecException e) {
                System.err.println("skysieve spark dataset: " + e.getMessage());
                return 3;
            }
            SparkSession spark = session("dataset");
            try {
                DatasetManifest manifest = SparkDatasetJob.run(spark, spec, data, out, (stage, done, total) ->
                        System.err.println(total < 0 ? stage + ": " + done : stage + ": " + done + " / " + total));
                System.out.printf(Locale.ROOT, "%s: %d objects in %d shard(s), %s, %.1f MB in %.1f s (%s)%n", out,
                        manifest.rowCount(), manifest.shards().size(), manifest.rowsPerSplit(), manifest.totalBytes() / 1e6,
                        (System.nanoTime() - started) / 1e9, out.resolve(DatasetManifest.FILE_NAME));
                return 0;
            } catch (InvalidDatasetSpecException e) {
                System.err.println("skysieve spark dataset: " + e.getMessage());
                return 3;
            } catch (Exception e) {
                // a task's failure reaches here as Spark's (checked, undeclared) SparkException
                if (e instanceof DatasetBuildException || e instanceof org.apache.spark.SparkException) {
                    System.err.println("skysieve spark dataset: the build failed, no manifest written: " + e.getMessage());
                    return 1;
                }
                throw e;
            } finally {
                spark.stop();
            }
        }
    }

    @Command(name = "margins", mixinStandardHelpOptions = true, description = {"Build a HATS margin cache of a catalogue: for each"
            + " partition, the rows outside it within the threshold of it, partitioned as the catalogue.",
        "Cross-matches with this catalogue on the right then read each partition's margin file instead of its neighbours."})
    static final class Margins extends SparkOptions implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CATALOGUE", description = "The catalogue folder (path or URI).")
        String catalogue;
        @Option(names = "--threshold", required = true, description = "The margin threshold with its unit: 10arcsec, 0.01deg.")
        String threshold;
        @Option(names = "--out", description = "The margin catalogue folder (default: CATALOGUE_margin_<threshold>arcsec beside it,"
                + " where cross-matches find it).")
        String out;

        @Override
        public Integer call() {
            double thresholdArcsec = AngleText.parseArcsec(threshold, "--threshold");
            SparkSession spark = session("margins");
            System.out.println(SparkMargins.build(spark, catalogue, thresholdArcsec, Optional.ofNullable(out)));
            spark.stop();
            return 0;
        }
    }

    /** {@code left:a,b;right:c} (also {@code 1:} and {@code 2:}), possibly repeated. */
    static void parseColumns(List<String> options, List<String> left, List<String> right) {
        for (String option : options) {
            for (String part : option.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String side = colon < 0 ? "" : part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                List<String> names = colon < 0 ? List.of() : List.of(part.substring(colon + 1).split(",")).stream().map(String::trim)
                        .filter(name -> !name.isEmpty()).toList();
                switch (side) {
                    case "left", "1" -> left.addAll(names);
                    case "right", "2" -> right.addAll(names);
                    default -> throw new IllegalArgumentException("Expected --columns SIDE:COLS with SIDE left, right, 1 or 2. Actual: " + part);
                }
            }
        }
    }
}
