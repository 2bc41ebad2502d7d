package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import org.skysieve.catalog.hats.HatsCatalog;

/** Where the rows of a queryable table are: a HATS catalogue (partitions can be pruned) or one Parquet file. */
public sealed interface TableSource {

    /** A published HATS catalogue; {@code _healpix_29} (or the catalogue's index column) is on every row. */
    record Hats(HatsCatalog catalogue) implements TableSource {
        public Hats {
            requireNonNull(catalogue, "catalogue is null");
        }
    }

    /** One Parquet file holding the whole table (an upload, a TAP_SCHEMA table). */
    record ParquetFile(Path file) implements TableSource {
        public ParquetFile {
            requireNonNull(file, "file is null");
        }
    }
}
