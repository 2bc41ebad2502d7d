package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixRanges;

/** A side held in memory (an uploaded or loaded table), with its rows' HEALPix indices for range selection. */
public final class MemorySide implements MatchSide {
    /** A column {@link #rowsIn} can give though the table has none: each row's index in the whole table. */
    public static final String ROW_INDEX_COLUMN = "skysieve_row_index";

    private final LoadedTable table;
    private final PositionColumns positions;
    private CellIndex index;

    /** Checks the positions now (bad rows are reported before any matching); the range index is built on first use. */
    public MemorySide(LoadedTable table, PositionColumns positions) {
        this.table = requireNonNull(table, "table is null");
        this.positions = requireNonNull(positions, "positions is null");
        positions.columnNames().forEach(name -> table.require(name, "position"));
        // (the row index column is made on request, see rowsIn)
    }

    @Override
    public String name() {
        return table.source();
    }

    @Override
    public List<HatsPixel> partitions() {
        return List.of();
    }

    /** The whole table. */
    public LoadedTable table() {
        return table;
    }

    @Override
    public LoadedTable rowsIn(HealpixRanges include, HealpixRanges exclude, List<String> columns) {
        if (index == null) {
            index = new CellIndex(positions.positions(table));
        }
        int[] rows = new int[index.size()];
        int n = 0;
        for (int range = 0; range < include.rangeCount(); range++) {
            int end = index.lowerBound(include.end(range));
            for (int i = index.lowerBound(include.start(range)); i < end; i++) {
                if (!exclude.contains(index.hash29[i])) {
                    rows[n++] = index.rows[i];
                }
            }
        }
        List<Column> selected = new ArrayList<>();
        for (String name : columns) {
            if (name.equals(ROW_INDEX_COLUMN) && table.column(name).isEmpty()) {
                long[] indices = new long[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = rows[i];
                }
                selected.add(new Column.LongColumn(name, indices, new boolean[n]));
            } else {
                selected.add(Columns.subset(table.require(name, "requested"), rows, n));
            }
        }
        return new LoadedTable(table.source(), selected);
    }

    @Override
    public List<String> columnNames() {
        return table.columns().stream().map(Column::name).toList();
    }
}
