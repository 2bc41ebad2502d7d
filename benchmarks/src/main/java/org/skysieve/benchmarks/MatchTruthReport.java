package org.skysieve.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.xmatch.NeighbourRadius;
import org.skysieve.xmatch.TruthComparison;

/**
 * Completeness and purity of best matches against the truth of a generated sky, for every ordered survey pair, at the
 * best-neighbour radius (from the two surveys' errors) and at 1 arcsec.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.MatchTruthReport DATA} (DATA from
 * {@code skysieve generate --scale small}).
 */
public final class MatchTruthReport {
    private MatchTruthReport() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Archive archive = Archive.open(data);
        List<String> surveys = archive.surveys().stream().map(s -> s.survey().name()).toList();
        System.out.printf(Locale.ROOT, "%-15s %-15s %8s %10s %10s %10s %12s %8s%n", "left", "right", "radius\"", "true links", "matches",
                "correct", "completeness", "purity");
        for (String left : surveys) {
            for (String right : surveys) {
                if (left.equals(right)) {
                    continue;
                }
                for (double radius : new double[] {NeighbourRadius.arcsec(archive, left, right), 1.0}) {
                    TruthComparison.Quality q = TruthComparison.measure(data, left, right, radius);
                    System.out.printf(Locale.ROOT, "%-15s %-15s %8.2f %,10d %,10d %,10d %11.2f%% %7.2f%%%n", left, right, radius, q.trueLinks(),
                            q.matches(), q.correct(), 100 * q.completeness(), 100 * q.purity());
                }
            }
        }
    }
}
