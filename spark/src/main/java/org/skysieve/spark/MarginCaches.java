package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.skysieve.catalog.hats.HatsException;
import org.skysieve.catalog.hats.HatsPixel;

/**
 * Finds the margin cache a cross-match can use for its right catalogue, or says why none is used. A margin catalogue
 * ({@code dataproduct_type=margin}) is usable when its {@code hats_primary_table_url} names the catalogue's folder, its
 * {@code hats_margin_threshold} (arcsec) is at least the match's margin (radius plus proper-motion allowance), it was
 * built for this partitioning (each margin partition is one of the catalogue's, or lies where the catalogue has none,
 * as hats-import's margins for empty regions do), and, when it records them ({@code skysieve_primary_nrows}), for
 * these rows. Runs on the driver; reads properties and partition lists only. Stateless.
 */
final class MarginCaches {
    private MarginCaches() {
    }

    /**
     * @param margin  the margin catalogue to read, if any
     * @param message what was chosen, or why no margin cache is used, for the log
     */
    record Choice(Optional<SparkCatalogue> margin, String message) {
        Choice {
            requireNonNull(margin, "margin is null");
            requireNonNull(message, "message is null");
        }
    }

    static Choice choose(HadoopFiles hadoop, SparkCatalogue primary, MarginOption option, double neededArcsec) {
        requireNonNull(option, "option is null");
        String needed = String.format(Locale.ROOT, "%.6g arcsec", neededArcsec);
        switch (option.kind()) {
            case NONE:
                return new Choice(Optional.empty(), "no margin cache (none asked for): each piece reads the right partitions around it");
            case AT: {
                SparkCatalogue margin = SparkCatalogue.open(hadoop, option.location(), "margin");
                Optional<String> problem = problem(primary, margin, neededArcsec);
                return problem.map(reason -> new Choice(Optional.empty(), "margin cache " + option.location() + " not used: " + reason
                        + "; each piece reads the right partitions around it")).orElseGet(() -> used(margin, needed));
            }
            default: {
                List<String> rejected = new ArrayList<>();
                SparkCatalogue best = null;
                for (SparkCatalogue margin : beside(hadoop, primary)) {
                    Optional<String> problem = problem(primary, margin, neededArcsec);
                    if (problem.isPresent()) {
                        rejected.add(new Path(margin.location()).getName() + ": " + problem.get());
                    } else if (best == null || threshold(margin) < threshold(best)) {
                        best = margin;
                    }
                }
                if (best != null) {
                    return used(best, needed);
                }
                return new Choice(Optional.empty(), "no usable margin cache beside " + primary.location()
                        + (rejected.isEmpty() ? " (none found; build one with `skysieve spark margins`)" : " (" + String.join("; ", rejected) + ")")
                        + ": each piece reads the right partitions around it");
            }
        }
    }

    private static Choice used(SparkCatalogue margin, String needed) {
        return new Choice(Optional.of(margin), String.format(Locale.ROOT, "margin cache %s (threshold %s arcsec, margin needed %s)",
                margin.location(), margin.properties().get("hats_margin_threshold"), needed));
    }

    /** The margin catalogues in the primary's parent folder that name it as their primary. */
    static List<SparkCatalogue> beside(HadoopFiles hadoop, SparkCatalogue primary) {
        Path root = new Path(primary.location());
        Path parent = root.getParent();
        List<SparkCatalogue> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        try {
            for (FileStatus status : hadoop.fileSystem(parent).listStatus(parent)) {
                Path folder = status.getPath();
                if (!status.isDirectory() || folder.getName().startsWith(".") || folder.getName().equals(root.getName())
                        || !hadoop.exists(new Path(folder, "hats.properties")) && !hadoop.exists(new Path(folder, "properties"))) {
                    continue;
                }
                try {
                    SparkCatalogue margin = SparkCatalogue.open(hadoop, folder.toString(), "margin");
                    if (primaryName(margin).equals(root.getName())) {
                        found.add(margin);
                    }
                } catch (HatsException e) {
                    // another catalogue (an object or index table) beside it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + parent + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Why {@code margin} cannot serve a match of margin {@code neededArcsec} on {@code primary}; empty when it can. */
    static Optional<String> problem(SparkCatalogue primary, SparkCatalogue margin, double neededArcsec) {
        String primaryName = new Path(primary.location()).getName();
        if (!primaryName(margin).equals(primaryName)) {
            return Optional.of("its hats_primary_table_url is '" + margin.properties().getOrDefault("hats_primary_table_url", "")
                    + "', not " + primaryName);
        }
        double threshold = threshold(margin);
        if (!(threshold >= neededArcsec * (1 - 1e-12))) {
            return Optional.of(String.format(Locale.ROOT, "its threshold %s arcsec is below the margin needed, %.6g arcsec (radius plus proper motion)",
                    margin.properties().getOrDefault("hats_margin_threshold", "(none)"), neededArcsec));
        }
        String builtFor = margin.properties().get("skysieve_primary_nrows");
        String rows = primary.properties().get("hats_nrows");
        if (builtFor != null && rows != null && !builtFor.equals(rows)) {
            return Optional.of("it was built for " + builtFor + " rows; the catalogue has " + rows + " (rebuild it)");
        }
        for (HatsPixel pixel : margin.pixels()) {
            if (!primary.files().containsKey(pixel) && primary.pixels().stream().anyMatch(pixel::overlaps)) {
                return Optional.of("its partition " + pixel + " is not one of the catalogue's (built for another partitioning; rebuild it)");
            }
        }
        return Optional.empty();
    }

    static double threshold(SparkCatalogue margin) {
        String value = margin.properties().get("hats_margin_threshold");
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String primaryName(SparkCatalogue margin) {
        String url = margin.properties().getOrDefault("hats_primary_table_url", "");
        return url.isEmpty() ? "" : new Path(url.endsWith("/") ? url.substring(0, url.length() - 1) : url).getName();
    }
}
