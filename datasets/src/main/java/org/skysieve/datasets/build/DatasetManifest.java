package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.datasets.spec.CutoutSpec;

/**
 * What a finished build wrote: the content of {@code manifest.json} (see {@link ManifestJson} for its form) and where.
 *
 * @param folder              the dataset folder
 * @param name                the dataset's name
 * @param specText            the spec exactly as given
 * @param codeVersion         the code that built it
 * @param surveyVersions      each survey read to its version
 * @param rowCount            objects in all
 * @param shardRows           objects per shard (the last may hold fewer)
 * @param columns             the features files' columns, in file order
 * @param cutouts             the cutouts, empty for a features-only dataset
 * @param rowsPerSplit        split name to number of rows
 * @param statusCounts        status column to status word to number of rows
 * @param cutoutStatusCounts  band to stamp status word to number of stamps (empty without cutouts)
 * @param shards              every shard in order
 * @param card                the dataset card {@code README.md}
 */
public record DatasetManifest(Path folder, String name, String specText, CodeVersion codeVersion,
        Map<String, String> surveyVersions, long rowCount, int shardRows, List<ColumnDoc> columns,
        Optional<CutoutSpec> cutouts, Map<String, Long> rowsPerSplit, Map<String, Map<String, Long>> statusCounts,
        Map<String, Map<String, Long>> cutoutStatusCounts, List<ShardRecord> shards, FileChecksum card) {
    public static final String FILE_NAME = "manifest.json";
    public static final String CARD_NAME = "README.md";

    public DatasetManifest {
        requireNonNull(folder, "folder is null");
        requireNonNull(name, "name is null");
        requireNonNull(specText, "specText is null");
        requireNonNull(codeVersion, "codeVersion is null");
        surveyVersions = Map.copyOf(surveyVersions);
        columns = List.copyOf(columns);
        requireNonNull(cutouts, "cutouts is null");
        rowsPerSplit = Map.copyOf(rowsPerSplit);
        statusCounts = Map.copyOf(statusCounts);
        cutoutStatusCounts = Map.copyOf(cutoutStatusCounts);
        shards = List.copyOf(shards);
        requireNonNull(card, "card is null");
    }

    /** Every file of the dataset but the manifest itself: the shards' files in order, then the card. */
    public List<FileChecksum> files() {
        List<FileChecksum> files = new ArrayList<>();
        shards.forEach(shard -> files.addAll(shard.files()));
        files.add(card);
        return List.copyOf(files);
    }

    /** Bytes of every file but the manifest. */
    public long totalBytes() {
        return files().stream().mapToLong(FileChecksum::bytes).sum();
    }
}
