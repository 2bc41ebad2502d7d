package org.skysieve.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The right rows of a piece that reads a margin cache ({@link MarginPlanner}): the rows of the right partitions over
 * the piece's cell, then the rows of their margin files inside the piece's margin and outside those partitions. When
 * the piece's cell holds several right partitions, a row near two of them is in both margin files: each distinct row
 * is kept as many times as the margin file holding it most often has it (once, unless the catalogue itself has
 * identical rows), so the piece sees the right rows exactly once, as when it reads the partitions around it.
 * Stateless.
 */
final class MarginRows {
    private MarginRows() {
    }

    static RowBlock read(HadoopFiles hadoop, SideColumns side, PiecePlan plan) {
        RowBlock primary = side.readRows(hadoop, plan.rightFiles(), plan.rightBounds(), new long[0]);
        List<RowBlock.Values> combined = new ArrayList<>();
        for (String name : side.read()) {
            RowBlock.Values column = primary.column(name);
            RowBlock.Values copy = new RowBlock.Values(column.name, column.type);
            for (int row = 0; row < primary.rowCount(); row++) {
                copyValue(column, row, copy);
            }
            combined.add(copy);
        }
        Map<List<Object>, Integer> kept = new HashMap<>();
        for (String file : plan.rightMarginFiles()) {
            RowBlock margin = side.readRows(hadoop, List.of(file), plan.rightBounds(), plan.rightMarginExclude());
            List<RowBlock.Values> columns = side.read().stream().map(margin::column).toList();
            Map<List<Object>, Integer> inThisFile = new HashMap<>();
            for (int row = 0; row < margin.rowCount(); row++) {
                List<Object> key = key(columns, row);
                int copiesHere = inThisFile.merge(key, 1, Integer::sum);
                if (copiesHere > kept.getOrDefault(key, 0)) {
                    kept.put(key, copiesHere);
                    for (int c = 0; c < columns.size(); c++) {
                        copyValue(columns.get(c), row, combined.get(c));
                    }
                }
            }
        }
        return new RowBlock(primary + " with margin rows of " + plan.rightMarginFiles().size() + " margin files", combined);
    }

    /** The row's values: the identity of a margin row across margin files. */
    private static List<Object> key(List<RowBlock.Values> columns, int row) {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = columns.get(c).value(row);
        }
        return Arrays.asList(values);
    }

    private static void copyValue(RowBlock.Values from, int row, RowBlock.Values to) {
        if (from.nulls[row]) {
            to.addNull();
        } else if (from.strings != null) {
            to.addString(from.strings[row]);
        } else if (from.doubles != null) {
            to.addDouble(from.doubles[row]);
        } else {
            to.addLong(from.longs[row]);
        }
    }
}
