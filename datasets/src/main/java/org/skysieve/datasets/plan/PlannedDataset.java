package org.skysieve.datasets.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * The rows of a dataset, chosen and in their final order, ready to be cut into shards: the contract between the
 * planning step and the writing step.
 *
 * <p>{@code rows} is a Parquet file with one row per object, in dataset order (shard {@code k} holds rows
 * {@code k * shardRows} up to the next shard's first). Its first columns are always {@code object_id} (VARCHAR),
 * {@code ra} and {@code dec} (DOUBLE, degrees, ICRS, the position cutouts are centred on), {@code split} (VARCHAR:
 * {@code train}, {@code validation} or {@code test}) and {@code split_cell} (BIGINT: the HEALPix NESTED cell of the
 * split order holding the object); then {@code label} when the spec has one; then the features in spec order, each
 * band magnitude followed by its {@code _status} and {@code _limit}. {@code columns} documents every column of the
 * file in file order. The file belongs to the build's work folder and is deleted with it.
 *
 * @param rows            the Parquet file of the rows
 * @param rowCount        its number of rows
 * @param columns         the documentation of every column, in file order
 * @param rowsPerSplit    split name to number of rows (every split named, zero where empty)
 * @param statusCounts    status column name to status value to number of rows
 * @param surveyVersions  each survey the dataset reads to its version (for the manifest)
 */
public record PlannedDataset(Path rows, long rowCount, List<ColumnDoc> columns, Map<String, Long> rowsPerSplit,
        Map<String, Map<String, Long>> statusCounts, Map<String, String> surveyVersions) {
    public PlannedDataset {
        requireNonNull(rows, "rows is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rowsPerSplit = Map.copyOf(requireNonNull(rowsPerSplit, "rowsPerSplit is null"));
        statusCounts = Map.copyOf(requireNonNull(statusCounts, "statusCounts is null"));
        surveyVersions = Map.copyOf(requireNonNull(surveyVersions, "surveyVersions is null"));
        if (rowCount < 0) {
            throw new IllegalArgumentException("Expected rowCount >= 0. Actual: " + rowCount);
        }
    }
}
