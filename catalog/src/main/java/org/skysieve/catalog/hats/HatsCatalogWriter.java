package org.skysieve.catalog.hats;

import java.nio.file.Path;
import org.skysieve.catalog.model.CatalogTable;

/**
 * Writes a catalogue in the HATS 1.0 layout. PLACEHOLDER signature; the implementation is being written.
 */
public final class HatsCatalogWriter {
    private HatsCatalogWriter() {
    }

    /**
     * Builds the HATS catalogue of {@code table} from staging Parquet files and publishes it at
     * {@code catalogueDir} atomically (built in a sibling folder, then renamed; a previous catalogue there is
     * replaced only once the new one is complete).
     *
     * @param stagingParquet a Parquet file or a glob of Parquet files holding exactly the documented columns
     *                       (no {@code _healpix_29}: it is computed from the ra and dec columns, in degrees)
     * @return the number of rows written
     */
    public static long write(Path stagingParquet, CatalogTable table, String surveyName, HatsWriteOptions options, Path catalogueDir) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
