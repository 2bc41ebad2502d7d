package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * Parquet with VOParquet metadata written by skysieve itself as the rows are read: each batch goes to a second thread
 * that gathers it into the current row group's column chunks ({@link ParquetRowGroups}) and writes a row group to the
 * output as soon as it is full, while the calling thread reads the next batches ({@link BatchPipeline}). Memory is one
 * row group (a few MB) and a few batches, whatever the result's size; the first bytes leave before the query has ended.
 * The footer, written last, carries the same VOParquet key/value metadata as {@link ParquetTableWriter} (the overflow
 * mark included: the row limit is known by then), the column names of {@link ParquetTableWriter#fileColumnNames}, and
 * min/max/null-count statistics per column chunk. Pages are PLAIN, compressed as {@link ParquetCodec#configured()}
 * says.
 *
 * <p>Results with geometry columns (Parquet lists) are written by {@link ParquetTableWriter} (DuckDB) instead. When
 * the rows fail midway (SQL error, time limit, interrupt), the output holds a file without its footer: no reader takes
 * it for a complete result. Stateless: may be shared between threads.
 */
public final class StreamingParquetWriter implements TableWriter {
    /** Rows per row group unless told otherwise (16 batches). */
    public static final int DEFAULT_ROW_GROUP_ROWS = 16 * ColumnBatch.CAPACITY;
    /** Whether a result larger than a batch is encoded on a second thread (system property {@code skysieve.parquet.threads}, 2). */
    static final boolean TWO_THREADS = !"1".equals(System.getProperty("skysieve.parquet.threads", "2"));
    /**
     * Batches in circulation (system property {@code skysieve.parquet.batches}, 4): the reader goes on filling the
     * spare ones while the encoder thread writes a row group to the client.
     */
    static final int BATCHES = Math.max(2, Integer.getInteger("skysieve.parquet.batches", 4));
    private final Path spoolFolder;
    private final ParquetCodec codec;
    private final int rowGroupRows;

    /** A writer with the configured codec and row groups of {@link #DEFAULT_ROW_GROUP_ROWS}; geometry spooled under {@code spoolFolder}. */
    public StreamingParquetWriter(Path spoolFolder) {
        this(spoolFolder, ParquetCodec.configured(), DEFAULT_ROW_GROUP_ROWS);
    }

    public StreamingParquetWriter(Path spoolFolder, ParquetCodec codec, int rowGroupRows) {
        this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder is null");
        this.codec = requireNonNull(codec, "codec is null");
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("Expected at least 1 row per row group. Actual: " + rowGroupRows);
        }
        this.rowGroupRows = rowGroupRows;
    }

    @Override
    public TableFormat format() {
        return TableFormat.PARQUET;
    }

    @Override
    public WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, RowSource rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(out, "out is null");
        if (columns.stream().anyMatch(column -> column.type().isGeometry())) {
            return new ParquetTableWriter(spoolFolder).write(columns, xtypes, rows, maxRows, out);
        }
        List<ColumnType> types = columns.stream().map(ColumnDoc::type).toList();
        ParquetRowGroups file = new ParquetRowGroups(types, ParquetTableWriter.fileColumnNames(columns), out, codec, rowGroupRows);
        LimitedBatches limited = new LimitedBatches(rows, new ColumnBatch(columns), maxRows);
        file.start();
        List<ColumnBatch> spares = new java.util.ArrayList<>();
        for (int i = 1; TWO_THREADS && i < BATCHES; i++) {
            spares.add(new ColumnBatch(columns));
        }
        new BatchPipeline(limited, spares, file::add, "parquet-encoder").run();
        WriteSummary summary = limited.summary();
        file.finish(ParquetTableWriter.voParquetMetadata(columns, summary.overflow()));
        out.flush();
        return summary;
    }
}
