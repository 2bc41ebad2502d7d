package org.skysieve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.build.DatasetManifest;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.query.QueryEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve dataset}: ML training sets built in place from a spec (docs/datasets.md). */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"ML training sets built next to the data from a YAML/JSON spec (docs/datasets.md).",
            "  skysieve dataset check SPEC --data DIR             check the spec, list every problem",
            "  skysieve dataset build SPEC --data DIR --out OUT   build (or continue an interrupted build)",
            "Exit codes: 0 done, 1 failed, 2 bad command line, 3 invalid spec (every problem listed on stderr)."},
        subcommands = {DatasetCommand.Check.class, DatasetCommand.Build.class, CommandLine.HelpCommand.class})
final class DatasetCommand implements Runnable {
    static final int INVALID_SPEC = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads and checks a spec without building. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a dataset spec against the archive: every problem is listed; nothing is written.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML or JSON).")
        Path specFile;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The archive's data folder.")
        Path data;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = command.commandLine().getErr();
            try {
                DatasetSpec spec = DatasetSpecs.read(specFile);
                CheckedSpec checked;
                try (QueryEngine engine = QueryEngine.open(Archive.open(data), List.of(),
                        List.of(specFile.toAbsolutePath().getParent()))) {
                    checked = DatasetSpecChecks.check(spec, Archive.open(data), engine, specFile.toString());
                }
                PrintWriter out = command.commandLine().getOut();
                out.printf(Locale.ROOT, "%s: valid. Dataset %s: %d feature group(s), %d derived column(s), %s, %s, shards"
                        + " of %d rows.%n", specFile, spec.name(), checked.features().size(), spec.derived().size(),
                        spec.label().isPresent() ? "labelled" : "no label",
                        spec.cutouts().map(c -> c.bands().size() + "-band " + c.sizePixels() + "x" + c.sizePixels()
                                + " cutouts from " + c.survey()).orElse("no cutouts"),
                        spec.output().shardRows());
                out.flush();
                return 0;
            } catch (InvalidDatasetSpecException e) {
                err.println("skysieve dataset check: " + e.getMessage());
                return INVALID_SPEC;
            }
        }
    }

    /** Builds a dataset folder. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Build a dataset: features-XXXX.parquet, cutouts-XXXX.npy, mask-XXXX.npy, README.md and,"
                + " last, manifest.json in OUT. An interrupted build run again continues from its last finished shard;"
                + " the same spec on the same data gives the same bytes. Progress on stderr."})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML or JSON).")
        Path specFile;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The archive's data folder.")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "The dataset folder: absent, empty,"
                + " a former dataset (replaced) or an interrupted build (continued).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = command.commandLine().getErr();
            long started = System.nanoTime();
            try {
                DatasetSpec spec = DatasetSpecs.read(specFile);
                DatasetManifest manifest = DatasetBuilder.build(spec, data, out, new StderrProgress(err), () -> false);
                double seconds = (System.nanoTime() - started) / 1e9;
                PrintWriter output = command.commandLine().getOut();
                output.printf(Locale.ROOT, "%s: %d objects in %d shard(s), %s, %.1f MB in %.1f s (%s)%n", out,
                        manifest.rowCount(), manifest.shards().size(), manifest.rowsPerSplit(),
                        manifest.totalBytes() / 1e6, seconds, out.resolve(DatasetManifest.FILE_NAME));
                output.flush();
                return 0;
            } catch (InvalidDatasetSpecException e) {
                err.println("skysieve dataset build: " + e.getMessage());
                return INVALID_SPEC;
            }
        }
    }

    /** A line when a stage first appears, when one ends, and at most one a second otherwise. */
    private static final class StderrProgress implements BuildProgress {
        private final PrintWriter err;
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private long lastNanos;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void stage(String stage, long done, long total) {
            long now = System.nanoTime();
            boolean finished = total >= 0 && done >= total;
            if (seen.add(stage) || finished || now - lastNanos > 1_000_000_000L) {
                err.println(total < 0 ? stage + ": " + done : stage + ": " + done + " / " + total);
                err.flush();
                lastNanos = now;
            }
        }
    }
}
