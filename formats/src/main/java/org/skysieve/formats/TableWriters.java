package org.skysieve.formats;

import java.nio.file.Path;

/**
 * The writer of each {@link TableFormat}; FITS (and Parquet with geometry columns) spool to temporary files in
 * {@code spoolFolder}; Parquet of scalar columns streams ({@link StreamingParquetWriter}).
 */
public final class TableWriters {
    private TableWriters() {
    }

    public static TableWriter forFormat(TableFormat format, Path spoolFolder) {
        return switch (format) {
            case VOTABLE_TABLEDATA, VOTABLE_BINARY2 -> new VoTableWriter(format);
            case CSV, TSV -> new DelimitedWriter(format);
            case FITS -> new FitsTableWriter(spoolFolder);
            case PARQUET -> new StreamingParquetWriter(spoolFolder);
        };
    }
}
