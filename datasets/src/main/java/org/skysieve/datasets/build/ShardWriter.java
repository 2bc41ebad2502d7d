package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.skysieve.datasets.spec.CutoutSpec;
import org.skysieve.images.BatchCutouts;
import org.skysieve.images.BatchFormat;
import org.skysieve.images.BatchIndex;
import org.skysieve.images.BatchSpec;
import org.skysieve.images.CommonGrid;
import org.skysieve.images.CutoutService;
import org.skysieve.images.StampStretch;

/**
 * Writes one shard: its features files (Parquet and NumPy) and, when the dataset has cutouts, its cutouts and mask tensors, first in the
 * shard's folder inside the work folder, then moved into the dataset folder; returns its record (not yet saved).
 * Cutouts are made by {@link BatchCutouts} (the same stamps as {@code /cutouts}), in parallel inside the shard.
 */
final class ShardWriter {
    private final String datasetName;
    private final PlannedRows rows;
    private final Optional<CutoutSpec> cutouts;
    private final CutoutService service;
    private final BuildTimes times;
    private final int cutoutThreads;

    /** @param cutoutThreads  threads cutting one shard's stamps (the bytes do not depend on it) */
    ShardWriter(String datasetName, PlannedRows rows, Optional<CutoutSpec> cutouts, CutoutService service,
            BuildTimes times, int cutoutThreads) {
        this.datasetName = requireNonNull(datasetName, "datasetName is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.cutouts = requireNonNull(cutouts, "cutouts is null");
        if (cutouts.isPresent()) {
            requireNonNull(service, "service is null (the dataset has cutouts)");
        }
        this.service = service;
        this.times = requireNonNull(times, "times is null");
        if (cutoutThreads < 1) {
            throw new IllegalArgumentException("Expected cutoutThreads >= 1. Actual: " + cutoutThreads);
        }
        this.cutoutThreads = cutoutThreads;
    }

    ShardRecord write(WorkFolder work, int index, long firstRow, int rowCount, BuildProgress progress,
            long rowsBefore, long totalRows, BooleanSupplier cancelled) throws IOException, SQLException {
        Path folder = work.freshShardFolder(index);
        List<Path> written = new ArrayList<>();
        // files written from Java are digested as they are written; DuckDB's Parquet is read back for its checksum
        List<FileChecksum> checksums = new ArrayList<>();
        long started = System.nanoTime();
        Path features = folder.resolve(ShardRecord.featuresName(index));
        rows.writeFeatures(datasetName, index, firstRow, rowCount, features);
        written.add(features);
        checksums.add(FileChecksum.of(features));
        Path featuresNpy = folder.resolve(ShardRecord.featuresNpyName(index));
        written.add(featuresNpy);
        checksums.add(rows.writeFeaturesNpy(firstRow, rowCount, featuresNpy));
        Map<String, Long> splits = rows.splitCounts(firstRow, rowCount);
        times.addFeatures(System.nanoTime() - started);
        Map<String, Map<String, Long>> stampCounts = new TreeMap<>();
        if (cutouts.isPresent()) {
            started = System.nanoTime();
            CutoutSpec spec = cutouts.get();
            Path tensor = folder.resolve(ShardRecord.cutoutsName(index));
            double[][] positions = rows.positions(firstRow, rowCount);
            BatchSpec batch = new BatchSpec(spec.survey(), spec.bands(), spec.sizePixels(), spec.sizePixels(),
                    spec.pixelScaleArcsec().map(scale -> new CommonGrid(scale, CommonGrid.Resampling.NEAREST)),
                    BatchFormat.NPY, StampStretch.defaults(), cutoutThreads);
            int bandCount = spec.bands().size();
            BatchCutouts.Summary summary = BatchCutouts.write(service, batch, positions[0], positions[1],
                    Optional.empty(), tensor, (done, total) -> {
                        if (cancelled.getAsBoolean()) {
                            throw new DatasetBuildException(DatasetBuildException.Reason.CANCELLED,
                                    "The build of " + datasetName + " was cancelled in shard " + index);
                        }
                        progress.stage("cutouts", rowsBefore + done / bandCount, totalRows);
                    });
            List<Path> files = BatchCutouts.files(BatchFormat.NPY, tensor);
            Path mask = folder.resolve(ShardRecord.maskName(index));
            WorkFolder.move(files.get(1), mask);
            // the per-stamp index is summed up in the record; the mask says which pixels have data
            Files.delete(files.get(2));
            written.add(tensor);
            written.add(mask);
            checksums.add(written(summary, files.get(0), tensor));
            checksums.add(written(summary, files.get(1), mask));
            stampCounts = counts(summary.index());
            times.addCutouts(System.nanoTime() - started);
        }
        started = System.nanoTime();
        for (Path file : written) {
            WorkFolder.move(file, work.out().resolve(file.getFileName()));
        }
        Files.delete(folder);
        times.addWrite(System.nanoTime() - started);
        return new ShardRecord(index, firstRow, rowCount, splits, stampCounts, checksums);
    }

    /** The checksum of a cutout file as the batch wrote it under {@code writtenAs}, named as {@code file}. */
    private static FileChecksum written(BatchCutouts.Summary summary, Path writtenAs, Path file) throws IOException {
        String sha256 = summary.sha256ByName().get(writtenAs.getFileName().toString());
        if (sha256 == null) {
            throw new IllegalStateException("The cutout batch gave no checksum of " + writtenAs.getFileName());
        }
        return new FileChecksum(file.getFileName().toString(), Files.size(file), sha256);
    }

    private static Map<String, Map<String, Long>> counts(BatchIndex index) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (int band = 0; band < index.bands().size(); band++) {
            Map<String, Long> byStatus = new TreeMap<>();
            for (int row = 0; row < index.positions(); row++) {
                byStatus.merge(index.status(row, band).word(), 1L, Long::sum);
            }
            counts.put(index.bands().get(band), byStatus);
        }
        return counts;
    }
}
