package org.skysieve.formats;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * Benchmark support (in the formats package to reach {@link ColumnBatch}'s arrays): batches read once from a row source
 * and then replayed, copied array by array into the writer's batch, up to a number of rows, so that a writer can be
 * timed without the query that produced its rows. Strings are replayed as UTF-8 bytes when they were read so.
 */
public final class ReplayedBatches implements RowSource {
    private final List<ColumnBatch> batches;
    private final long rows;
    private long given;
    private int next;

    private ReplayedBatches(List<ColumnBatch> batches, long rows) {
        this.batches = batches;
        this.rows = rows;
    }

    /** Reads up to {@code batchCount} full batches from {@code source}, to replay for {@code rows} rows. */
    public static ReplayedBatches read(List<ColumnDoc> columns, RowSource source, int batchCount, long rows) throws SQLException {
        List<ColumnBatch> batches = new ArrayList<>();
        for (int i = 0; i < batchCount; i++) {
            ColumnBatch batch = new ColumnBatch(columns);
            if (source.fill(batch, ColumnBatch.CAPACITY) < ColumnBatch.CAPACITY) {
                break;
            }
            for (int column = 0; column < batch.types.length; column++) {
                if (batch.types[column] == org.skysieve.catalog.model.ColumnType.STRING && !batch.utf8Held[column]) {
                    throw new IllegalArgumentException("Expected strings read as bytes (DuckDbChunkRows). Actual: as Strings");
                }
            }
            batches.add(batch);
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one full batch of " + ColumnBatch.CAPACITY + " rows. Actual: fewer");
        }
        return new ReplayedBatches(batches, rows);
    }

    /** The same batches replayed from the start for {@code rows} rows. */
    public ReplayedBatches again(long rows) {
        return new ReplayedBatches(batches, rows);
    }

    @Override
    public int fill(ColumnBatch batch, int maxRows) {
        int count = (int) Math.min(Math.min(maxRows, ColumnBatch.CAPACITY), rows - given);
        if (count <= 0) {
            batch.rowCount = 0;
            return 0;
        }
        ColumnBatch source = batches.get(next);
        next = (next + 1) % batches.size();
        for (int column = 0; column < batch.types.length; column++) {
            System.arraycopy(source.nulls[column], 0, batch.nulls[column], 0, count);
            switch (batch.types[column]) {
                case BOOLEAN, SHORT, INT, LONG -> System.arraycopy(source.longs[column], 0, batch.longs[column], 0, count);
                case FLOAT -> System.arraycopy(source.floats[column], 0, batch.floats[column], 0, count);
                case DOUBLE -> System.arraycopy(source.doubles[column], 0, batch.doubles[column], 0, count);
                case STRING -> {
                    int bytes = source.utf8Offsets[column][count];
                    byte[] store = batch.reserveUtf8(column, bytes);
                    System.arraycopy(source.utf8[column], 0, store, 0, bytes);
                    System.arraycopy(source.utf8Offsets[column], 0, batch.utf8Offsets[column], 0, count + 1);
                    batch.holdUtf8(column);
                }
                case POINT, CIRCLE, POLYGON -> throw new IllegalArgumentException("Expected scalar columns. Actual: geometry");
            }
        }
        batch.rowCount = count;
        given += count;
        return count;
    }
}
