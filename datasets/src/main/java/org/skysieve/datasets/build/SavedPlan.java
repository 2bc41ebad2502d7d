package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.datasets.plan.PlannedDataset;

/**
 * A {@link PlannedDataset} kept in the work folder ({@code plan.json}) with what it was made from, so that an
 * interrupted build reuses it when the spec text and the data are unchanged.
 *
 * @param specText         the spec exactly as given
 * @param dataFingerprint  the {@link DataFingerprint} of the surveys read
 * @param rowsFile         the rows file, relative to the work folder
 * @param rows             its checksum
 */
record SavedPlan(String specText, String dataFingerprint, String rowsFile, FileChecksum rows, long rowCount,
        List<ColumnDoc> columns, Map<String, Long> rowsPerSplit, Map<String, Map<String, Long>> statusCounts,
        Map<String, String> surveyVersions) {
    SavedPlan {
        requireNonNull(specText, "specText is null");
        requireNonNull(dataFingerprint, "dataFingerprint is null");
        requireNonNull(rowsFile, "rowsFile is null");
        requireNonNull(rows, "rows is null");
        columns = List.copyOf(columns);
        rowsPerSplit = Map.copyOf(rowsPerSplit);
        statusCounts = Map.copyOf(statusCounts);
        surveyVersions = Map.copyOf(surveyVersions);
    }

    static SavedPlan of(PlannedDataset planned, String specText, String dataFingerprint, Path workFolder)
            throws IOException {
        return new SavedPlan(specText, dataFingerprint, workFolder.relativize(planned.rows()).toString(),
                FileChecksum.of(planned.rows()), planned.rowCount(), planned.columns(), planned.rowsPerSplit(),
                planned.statusCounts(), planned.surveyVersions());
    }

    PlannedDataset planned(Path workFolder) {
        return new PlannedDataset(workFolder.resolve(rowsFile), rowCount, columns, rowsPerSplit, statusCounts,
                surveyVersions);
    }

    void write(Path file) throws IOException {
        WorkFolder.writeAtomically(file, SurveyJson.toJson(this));
    }

    /** The saved plan, or null when the file is absent or unreadable (then the build plans again). */
    static SavedPlan read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return SurveyJson.mapper().readValue(Files.readString(file), SavedPlan.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
