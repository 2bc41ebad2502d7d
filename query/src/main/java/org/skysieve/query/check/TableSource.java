package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

import org.skysieve.catalog.hats.HatsCatalog;

/** Where the rows of a queryable table are: a HATS catalogue (partitions can be pruned) or one Parquet file. */
public sealed interface TableSource {

    /**
     * A published HATS catalogue; {@code _healpix_29} (or the catalogue's index column) is on every row.
     *
     * @param memoryTable the SQL name (already quoted, e.g. {@code skysieve_memory."deep_optical.sources"}) of a copy
     *                    of every row in the query database, sorted on the HEALPix index column, which queries read
     *                    instead of the files ({@link org.skysieve.query.MemoryTables}); empty: read the files
     */
    record Hats(HatsCatalog catalogue, Optional<String> memoryTable) implements TableSource {
        public Hats {
            requireNonNull(catalogue, "catalogue is null");
            requireNonNull(memoryTable, "memoryTable is null");
        }

        /** The catalogue read from its files. */
        public Hats(HatsCatalog catalogue) {
            this(catalogue, Optional.empty());
        }
    }

    /** One Parquet file holding the whole table (an upload, a TAP_SCHEMA table). */
    record ParquetFile(Path file) implements TableSource {
        public ParquetFile {
            requireNonNull(file, "file is null");
        }
    }
}
