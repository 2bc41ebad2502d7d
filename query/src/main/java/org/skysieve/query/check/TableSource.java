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
     * @param sortedRows  the copy's HEALPix values by row number ({@code rowid}), when its row order was verified to be
     *                    the sort order: range conditions then become row ranges; empty: none (and always for files)
     */
    record Hats(HatsCatalog catalogue, Optional<String> memoryTable, Optional<SortedHealpixRows> sortedRows) implements TableSource {
        public Hats {
            requireNonNull(catalogue, "catalogue is null");
            requireNonNull(memoryTable, "memoryTable is null");
            requireNonNull(sortedRows, "sortedRows is null");
            if (sortedRows.isPresent() && memoryTable.isEmpty()) {
                throw new IllegalArgumentException("Expected sorted rows only for a table copied into memory. Actual: rows for "
                        + catalogue.directory() + ", which is read from its files");
            }
        }

        /** The catalogue read from its files or from a copy in memory (without row numbers). */
        public Hats(HatsCatalog catalogue, Optional<String> memoryTable) {
            this(catalogue, memoryTable, Optional.empty());
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
