package org.skysieve.images;

import java.nio.file.Path;

/** Where plates live in a data folder: {@code DATA/<survey>/images/<band>/<plate>.fits}. */
public final class PlateLayout {
    /** The folder name under a survey. */
    public static final String IMAGES_FOLDER = "images";

    private PlateLayout() {
    }

    public static Path plateFile(Path dataFolder, String survey, String band, String plateName) {
        return dataFolder.resolve(survey).resolve(IMAGES_FOLDER).resolve(band).resolve(plateName + ".fits");
    }
}
