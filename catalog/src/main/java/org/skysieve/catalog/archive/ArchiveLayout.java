package org.skysieve.catalog.archive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where things live in a skysieve data folder.
 *
 * <pre>
 * DATA/
 *   SURVEY/survey.json            the survey model: bands, tables, column documentation
 *   SURVEY/TABLE/                 a HATS 1.0 catalogue (hats.properties, dataset/Norder=k/Dir=d/Npix=n.parquet, ...)
 *   SURVEY/footprint/             coverage, masks and depth of the survey's bands (as the survey provides them)
 *   truth/sources.parquet         synthetic skies only: the true universe
 *   truth/observations.parquet    synthetic skies only: what each survey made of each true source in each band
 * </pre>
 *
 * <p>Folders whose names start with {@code .} are work in progress (atomic publishing builds there) and are ignored.
 */
public record ArchiveLayout(Path root) {
    public static final String SURVEY_FILE = "survey.json";
    public static final String TRUTH_FOLDER = "truth";

    public ArchiveLayout {
        requireNonNull(root, "root is null");
    }

    public Path surveyFolder(String surveyName) {
        return root.resolve(surveyName);
    }

    public Path surveyFile(String surveyName) {
        return surveyFolder(surveyName).resolve(SURVEY_FILE);
    }

    public Path catalogueFolder(String surveyName, String tableName) {
        return surveyFolder(surveyName).resolve(tableName);
    }

    public Path footprintFolder(String surveyName) {
        return surveyFolder(surveyName).resolve("footprint");
    }

    /** The survey's image plates, {@code SURVEY/images/BAND/PLATE.fits} (what the cutout services read). */
    public Path imagesFolder(String surveyName) {
        return surveyFolder(surveyName).resolve("images");
    }

    public Path truthFolder() {
        return root.resolve(TRUTH_FOLDER);
    }

    public Path truthSources() {
        return truthFolder().resolve("sources.parquet");
    }

    public Path truthObservations() {
        return truthFolder().resolve("observations.parquet");
    }
}
