package org.skysieve.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skysieve.catalog.ingest.HatsImporter;
import org.skysieve.catalog.ingest.IngestSummary;
import org.skysieve.catalog.ingest.Ingestor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve ingest}: publish a survey from a descriptor, or import an existing HATS catalogue. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish a survey into a data folder, atomically.",
            "  skysieve ingest DESCRIPTOR.yaml --data DIR",
            "  skysieve ingest --hats HATS_DIR --survey NAME --table NAME --data DIR",
            "The descriptor format is documented in docs/ingest.md."})
final class IngestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DESCRIPTOR", description = "Survey descriptor (YAML or JSON).")
    Path descriptor;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder to publish into.")
    Path data;

    @ArgGroup(exclusive = false)
    HatsSource hats;

    static final class HatsSource {
        @Option(names = "--hats", required = true, paramLabel = "HATS_DIR", description = "An existing HATS catalogue to import.")
        Path catalogue;

        @Option(names = "--survey", required = true, description = "Survey name to publish it under.")
        String survey;

        @Option(names = "--table", required = true, description = "Table name to publish it as.")
        String table;
    }

    @Override
    public Integer call() {
        IngestSummary summary;
        if (hats != null && descriptor == null) {
            summary = HatsImporter.importCatalog(hats.catalogue, hats.survey, hats.table, data, System.out::println);
        } else if (hats == null && descriptor != null) {
            summary = Ingestor.ingest(descriptor, data, System.out::println);
        } else {
            throw new IllegalArgumentException("Expected either a DESCRIPTOR or --hats/--survey/--table. Actual: "
                    + (descriptor == null ? "neither" : "both"));
        }
        System.out.println(summary);
        if (!summary.problemSamples().isEmpty()) {
            System.out.println("First problems found (rows left out or flagged):");
            summary.problemSamples().forEach(problem -> System.out.println("  " + problem));
        }
        return 0;
    }
}
