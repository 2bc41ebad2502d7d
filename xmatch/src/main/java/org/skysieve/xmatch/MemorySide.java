package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.sky.healpix.HealpixRanges;

/** A side held in memory (an uploaded or loaded table), with its rows' HEALPix indices for range selection. */
public final class MemorySide implements MatchSide {
    private final LoadedTable table;
    private final PositionColumns positions;
    private CellIndex index;

    /** Checks the positions now (bad rows are reported before any matching); the range index is built on first use. */
    public MemorySide(LoadedTable table, PositionColumns positions) {
        this.table = requireNonNull(table, "table is null");
        this.positions = requireNonNull(positions, "positions is null");
        positions.columnNames().forEach(name -> table.require(name, "position"));
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
            selected.add(Columns.subset(table.require(name, "requested"), rows, n));
        }
        return new LoadedTable(table.source(), selected);
    }

    @Override
    public List<String> columnNames() {
        return table.columns().stream().map(Column::name).toList();
    }
}
