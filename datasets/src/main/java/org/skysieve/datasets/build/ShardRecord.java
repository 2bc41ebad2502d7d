package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished shard: which rows it holds and the files that hold them. Saved in the build's work folder when the
 * shard is done (so an interrupted build can trust it after checking the checksums) and listed in the manifest.
 *
 * @param index               the shard number, from 0 ({@code XXXX} in the file names)
 * @param firstRow            its first row in dataset order (0-based)
 * @param rowCount            its number of rows
 * @param rowsPerSplit        split name to number of its rows (splits with rows only)
 * @param cutoutStatusCounts  band to stamp status ({@code ok}, {@code partial}, {@code outside}, {@code no_position})
 *                            to number of its stamps; empty without cutouts
 * @param files               its files in the dataset folder: features (Parquet, then NumPy), then cutouts and mask when there are cutouts
 */
public record ShardRecord(int index, long firstRow, long rowCount, Map<String, Long> rowsPerSplit,
        Map<String, Map<String, Long>> cutoutStatusCounts, List<FileChecksum> files) {
    public ShardRecord {
        rowsPerSplit = new TreeMap<>(requireNonNull(rowsPerSplit, "rowsPerSplit is null"));
        TreeMap<String, Map<String, Long>> sorted = new TreeMap<>();
        requireNonNull(cutoutStatusCounts, "cutoutStatusCounts is null")
                .forEach((band, counts) -> sorted.put(band, java.util.Collections.unmodifiableMap(new TreeMap<>(counts))));
        cutoutStatusCounts = java.util.Collections.unmodifiableMap(sorted);
        rowsPerSplit = java.util.Collections.unmodifiableMap(rowsPerSplit);
        files = List.copyOf(requireNonNull(files, "files is null"));
        if (index < 0 || firstRow < 0 || rowCount < 0) {
            throw new IllegalArgumentException("Expected index, firstRow and rowCount >= 0. Actual: " + index + ", "
                    + firstRow + ", " + rowCount);
        }
    }

    /** {@code 0000}, {@code 0001}, ...: the shard number in file names (more digits past 9999). */
    public static String number(int index) {
        return String.format(java.util.Locale.ROOT, "%04d", index);
    }

    public static String featuresName(int index) {
        return "features-" + number(index) + ".parquet";
    }

    public static String featuresNpyName(int index) {
        return "features-" + number(index) + ".npy";
    }

    public static String cutoutsName(int index) {
        return "cutouts-" + number(index) + ".npy";
    }

    public static String maskName(int index) {
        return "mask-" + number(index) + ".npy";
    }
}
