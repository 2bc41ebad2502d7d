package org.skysieve.catalog.archive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.skysieve.catalog.model.CatalogTable;

/**
 * A table that is published in an archive: its documentation, where its HATS catalogue is, and how many rows it has.
 *
 * @param surveyName     the survey the table belongs to
 * @param table          the table's documentation
 * @param catalogueFolder the HATS catalogue folder
 * @param rowCount       number of rows ({@code hats_nrows})
 */
public record PublishedTable(String surveyName, CatalogTable table, Path catalogueFolder, long rowCount) {
    public PublishedTable {
        requireNonNull(surveyName, "surveyName is null");
        requireNonNull(table, "table is null");
        requireNonNull(catalogueFolder, "catalogueFolder is null");
        if (rowCount < 0) {
            throw new IllegalArgumentException("Expected a row count >= 0. Actual: " + rowCount);
        }
    }

    /** The ADQL name, {@code survey.table}. */
    public String qualifiedName() {
        return surveyName + "." + table.name();
    }
}
