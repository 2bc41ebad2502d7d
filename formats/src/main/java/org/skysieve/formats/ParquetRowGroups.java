package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.RowGroup;
import org.skysieve.catalog.model.ColumnType;

/**
 * A Parquet file written to a stream row group by row group: {@code PAR1}, then each row group's column chunks as soon
 * as it holds {@code rowGroupRows} rows (or {@link #MAX_BUFFERED_BYTES} of values, for long strings), then the footer
 * with the row groups' metadata and the key/value metadata. Only the current row group is held in memory. Not
 * thread-safe: one thread at a time (the encoder of a pipeline, then the caller after it has ended).
 */
final class ParquetRowGroups {
    /** Values held before a row group is written whatever its rows (64 MiB). */
    static final long MAX_BUFFERED_BYTES = 64L << 20;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private final List<ColumnType> types;
    private final List<String> names;
    private final ParquetColumnChunk[] chunks;
    private final OutputStream out;
    private final PageCompressor compressor;
    private final int rowGroupRows;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long position;
    private int rows;

    ParquetRowGroups(List<ColumnType> types, List<String> names, OutputStream out, ParquetCodec codec, int rowGroupRows) {
        this.types = List.copyOf(types);
        this.names = List.copyOf(names);
        if (types.size() != names.size()) {
            throw new IllegalArgumentException("Expected one name per column (" + types.size() + "). Actual: " + names.size());
        }
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("Expected at least 1 row per row group. Actual: " + rowGroupRows);
        }
        this.out = requireNonNull(out, "out is null");
        this.compressor = new PageCompressor(codec);
        this.rowGroupRows = rowGroupRows;
        chunks = new ParquetColumnChunk[types.size()];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new ParquetColumnChunk(types.get(i), names.get(i), Math.min(rowGroupRows, 1 << 16));
        }
    }

    /** Writes the file's first bytes. */
    void start() throws IOException {
        out.write(MAGIC);
        position = MAGIC.length;
    }

    /** Adds a batch's rows; writes the row group when it is full. */
    void add(ColumnBatch batch) throws IOException {
        if (batch.rowCount == 0) {
            return;
        }
        long buffered = 0;
        for (int i = 0; i < chunks.length; i++) {
            chunks[i].append(batch, i);
            buffered += chunks[i].bufferedBytes();
        }
        rows += batch.rowCount;
        if (rows >= rowGroupRows || buffered >= MAX_BUFFERED_BYTES) {
            writeRowGroup();
        }
    }

    /** Writes the last row group (if any rows remain) and the footer with {@code keyValues}; the file is then complete. */
    void finish(Map<String, String> keyValues) throws IOException {
        if (rows > 0) {
            writeRowGroup();
        }
        byte[] footer = ParquetThrift.encode(ParquetSchema.footer(types, names, rowGroups, keyValues));
        out.write(footer);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length).array());
        out.write(MAGIC);
        position += footer.length + 8L;
    }

    /** Rows written so far in finished row groups and the current one. */
    long rowsWritten() {
        return rowGroups.stream().mapToLong(RowGroup::getNum_rows).sum() + rows;
    }

    private void writeRowGroup() throws IOException {
        long start = position;
        long uncompressed = 0;
        long compressed = 0;
        List<ColumnChunk> columns = new ArrayList<>(chunks.length);
        for (ParquetColumnChunk chunk : chunks) {
            ColumnChunk written = chunk.write(out, position, compressor);
            long size = written.getMeta_data().getTotal_compressed_size();
            position += size;
            compressed += size;
            uncompressed += written.getMeta_data().getTotal_uncompressed_size();
            columns.add(written);
        }
        RowGroup group = new RowGroup(columns, uncompressed, rows);
        group.setFile_offset(start);
        group.setTotal_compressed_size(compressed);
        if (rowGroups.size() <= Short.MAX_VALUE) { // the ordinal is a 16-bit field: left out beyond
            group.setOrdinal((short) rowGroups.size());
        }
        rowGroups.add(group);
        rows = 0;
    }
}
