package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * Completeness and purity of best matches against the truth of a tiny generated sky, for every ordered survey pair at
 * the best-neighbour radius; and the figures themselves checked by hand on a known answer.
 */
class TruthComparisonTest {
    @TempDir
    static Path sky;

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(sky, 11, SkyScale.TINY, message -> { });
    }

    @Test
    void bestMatchesAreCompleteAndPureAtTheNeighbourRadius() {
        Archive archive = Archive.open(sky);
        List<String> surveys = archive.surveys().stream().map(s -> s.survey().name()).toList();
        assertThat(surveys).hasSize(4);
        for (String left : surveys) {
            for (String right : surveys) {
                if (left.equals(right)) {
                    continue;
                }
                double radiusArcsec = NeighbourRadius.arcsec(archive, left, right);
                TruthComparison.Quality quality = TruthComparison.measure(sky, left, right, radiusArcsec);
                assertThat(quality.trueLinks()).as("%s -> %s", left, right).isGreaterThan(10);
                // the wide survey's 6" PSF blends neighbours that the deep surveys separate: it sets the lowest figures
                boolean wide = left.equals("wide_infrared") || right.equals("wide_infrared");
                assertThat(quality.completeness()).as("completeness %s -> %s at %.2f\"", left, right, radiusArcsec)
                        .isGreaterThanOrEqualTo(wide ? 0.80 : 0.97);
                assertThat(quality.purity()).as("purity %s -> %s at %.2f\"", left, right, radiusArcsec)
                        .isGreaterThanOrEqualTo(wide ? 0.60 : 0.90);
            }
        }
    }

    @Test
    void aTinyRadiusFindsFewLinksAndTheFiguresCountThem() {
        TruthComparison.Quality tiny = TruthComparison.measure(sky, "deep_optical", "near_infrared", 0.001);
        TruthComparison.Quality normal = TruthComparison.measure(sky, "deep_optical", "near_infrared", 1.0);
        assertThat(tiny.completeness()).isLessThan(0.2);
        assertThat(normal.completeness()).isGreaterThan(tiny.completeness());
        Map<Long, Long> links = TruthComparison.trueLinks(sky, "deep_optical", "near_infrared");
        assertThat(normal.trueLinks()).isEqualTo(links.size());
        assertThat(normal.correct()).isLessThanOrEqualTo(normal.matches()).isLessThanOrEqualTo(normal.trueLinks() * 2);
        assertThat(new TruthComparison.Quality("a", "b", 1, 10, 8, 6).completeness()).isEqualTo(0.6);
        assertThat(new TruthComparison.Quality("a", "b", 1, 10, 8, 6).purity()).isEqualTo(0.75);
    }
}
