package org.skysieve.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.skysieve.xmatch.AngleText;
import org.skysieve.xmatch.BestNeighbourTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve neighbours}: precompute best-neighbour tables between published surveys. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = {"Precompute best-neighbour tables between surveys (like Gaia's *_best_neighbour tables).",
            "  skysieve neighbours --data DIR [--radius 1arcsec] [SURVEY NEIGHBOUR_SURVEY]",
            "Without surveys, every ordered pair of published surveys. Each table is published as",
            "SURVEY.best_neighbour_NEIGHBOUR_SURVEY (HATS, documented in survey.json)."})
final class NeighboursCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "SURVEY", description = "The survey and the neighbour survey (both or neither).")
    List<String> surveys;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder holding the surveys.")
    Path data;

    @Option(names = "--radius", defaultValue = "1arcsec", description = "Match radius with its unit (default 1arcsec).")
    String radius;

    @Override
    public Integer call() {
        double radiusArcsec = AngleText.parseArcsec(radius, "--radius");
        if (surveys == null || surveys.isEmpty()) {
            BestNeighbourTables.buildAll(data, radiusArcsec).forEach(System.out::println);
        } else if (surveys.size() == 2) {
            System.out.println(BestNeighbourTables.build(data, surveys.get(0), surveys.get(1), radiusArcsec));
        } else {
            throw new IllegalArgumentException("Expected two surveys (SURVEY NEIGHBOUR_SURVEY) or none. Actual: " + surveys);
        }
        return 0;
    }
}
