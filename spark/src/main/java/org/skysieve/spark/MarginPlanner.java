package org.skysieve.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.Angles;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * Turns cross-match plans ({@link MatchPlanner}) into plans that read the right catalogue's margin cache: each piece
 * reads the right partitions over its cell and their margin files, instead of the right partitions around it. Every
 * right row within the margin of the piece is then read: a row inside the cell is in a partition over it; a row
 * outside is within the margin of the partition holding the nearest point of the cell, so in that partition's margin
 * file (the threshold covers the margin). This holds only where right partitions cover the whole cell: a piece whose
 * cell has a part without a right partition keeps its plan (rows beyond that part belong to partitions that do not
 * meet the cell). Runs on the driver; opens no data file. Stateless.
 */
final class MarginPlanner {
    private MarginPlanner() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MarginPlanner.class);

    /** The plans, how many pieces read the margin cache, and which cache was chosen or why none. */
    record Planned(List<PiecePlan> plans, int readingMargins, String choice) {
        String describe() {
            if (readingMargins == 0) {
                return choice;
            }
            int others = plans.size() - readingMargins;
            return String.format(Locale.ROOT, "%s: %d of %d pieces read it%s", choice, readingMargins, plans.size(),
                    others == 0 ? "" : "; " + others + " read the right partitions around them (right partitions do not cover their whole cell)");
        }
    }

    /**
     * The plans of a cross-match with the right catalogue's margin cache chosen by {@code option}, when one covers
     * {@code marginRad}; else the plans unchanged. Logs the choice, and why no cache is used.
     */
    static Planned plan(List<PiecePlan> plans, HadoopFiles hadoop, SparkCatalogue right, MarginOption option, double marginRad) {
        MarginCaches.Choice choice = MarginCaches.choose(hadoop, right, option, Angles.radToArcsec(marginRad));
        if (choice.margin().isEmpty()) {
            (option.kind() == MarginOption.Kind.NONE ? LOG.atInfo() : LOG.atWarn()).log("Cross-match: {}", choice.message());
            return new Planned(plans, 0, choice.message());
        }
        Planned planned = withMargins(plans, right, choice.margin().get(), choice.message());
        LOG.info("Cross-match: {}", planned.describe());
        return planned;
    }

    static Planned withMargins(List<PiecePlan> plans, SparkCatalogue right, SparkCatalogue margin, String choice) {
        List<PiecePlan> planned = new ArrayList<>(plans.size());
        int reading = 0;
        for (PiecePlan plan : plans) {
            HatsPixel cell = plan.pixel();
            List<HatsPixel> over = right.pixels().stream().filter(cell::overlaps).toList();
            if (!covers(cell, over)) {
                planned.add(plan);
                continue;
            }
            List<String> files = new ArrayList<>();
            List<String> marginFiles = new ArrayList<>();
            long[] cells = new long[2 * over.size()];
            for (int i = 0; i < over.size(); i++) {
                HatsPixel pixel = over.get(i);
                files.addAll(right.files().get(pixel));
                marginFiles.addAll(margin.files().getOrDefault(pixel, List.of()));
                cells[2 * i] = pixel.firstIndex29();
                cells[2 * i + 1] = pixel.lastIndex29() + 1;
            }
            planned.add(plan.withRightMargin(files, marginFiles, HealpixRanges.ofRanges(cells).toArray()));
            reading++;
        }
        return new Planned(List.copyOf(planned), reading, choice);
    }

    /** Whether the (disjoint) partitions {@code over}, each meeting {@code cell}, cover all of it. */
    static boolean covers(HatsPixel cell, List<HatsPixel> over) {
        long covered = 0;
        for (HatsPixel pixel : over) {
            if (pixel.order() <= cell.order()) {
                return true;
            }
            covered += pixel.lastIndex29() - pixel.firstIndex29() + 1;
        }
        return covered == cell.lastIndex29() - cell.firstIndex29() + 1;
    }
}
