package org.skysieve.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.xmatch.AngleText;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.xmatch.BestNeighbourTables;
import org.skysieve.xmatch.NeighbourRadius;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve neighbours}: precompute best-neighbour tables between published surveys. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = {"Precompute best-neighbour tables between surveys (like Gaia's *_best_neighbour tables).",
            "  skysieve neighbours --data DIR [--radius 1arcsec] [SURVEY NEIGHBOUR_SURVEY]",
            "Without --radius, each pair's radius is 5 times the combined 99th-percentile positional errors of the two surveys.",
            "Without surveys, every ordered pair of published surveys. Each table is published as",
            "SURVEY.best_neighbour_NEIGHBOUR_SURVEY (HATS, documented in survey.json)."})
final class NeighboursCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "SURVEY", description = "The survey and the neighbour survey (both or neither).")
    List<String> surveys;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder holding the surveys.")
    Path data;

    @Option(names = "--radius", description = "Match radius with its unit (default: from the two surveys' astrometric errors).")
    String radius;

    @Override
    public Integer call() {
        Optional<Double> radiusArcsec = radius == null ? Optional.empty() : Optional.of(AngleText.parseArcsec(radius, "--radius"));
        if (surveys == null || surveys.isEmpty()) {
            BestNeighbourTables.buildAll(data, radiusArcsec, System.out::println);
        } else if (surveys.size() == 2) {
            double chosen = radiusArcsec.orElseGet(() -> NeighbourRadius.arcsec(Archive.open(data), surveys.get(0), surveys.get(1)));
            System.out.println(BestNeighbourTables.build(data, surveys.get(0), surveys.get(1), chosen));
        } else {
            throw new IllegalArgumentException("Expected two surveys (SURVEY NEIGHBOUR_SURVEY) or none. Actual: " + surveys);
        }
        return 0;
    }
}
