package org.skysieve.xmatch;

/** Row selection on primitive columns. */
final class Columns {
    private Columns() {
    }

    /** The first {@code n} rows listed in {@code rows}, in that order. */
    static Column subset(Column column, int[] rows, int n) {
        if (column instanceof Column.DoubleColumn doubles) {
            double[] values = new double[n];
            boolean[] nulls = doubles.nulls() == null ? null : new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = doubles.values()[rows[i]];
                if (nulls != null) {
                    nulls[i] = doubles.nulls()[rows[i]];
                }
            }
            return new Column.DoubleColumn(column.name(), values, nulls);
        }
        if (column instanceof Column.LongColumn longs) {
            long[] values = new long[n];
            boolean[] nulls = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = longs.values()[rows[i]];
                nulls[i] = longs.nulls()[rows[i]];
            }
            return new Column.LongColumn(column.name(), values, nulls);
        }
        Column.TextColumn texts = (Column.TextColumn) column;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = texts.values()[rows[i]];
        }
        return new Column.TextColumn(column.name(), values);
    }

    /** {@code first}'s rows followed by {@code second}'s (same columns). */
    static LoadedTable concat(LoadedTable first, LoadedTable second) {
        java.util.List<Column> columns = new java.util.ArrayList<>();
        for (int c = 0; c < first.columns().size(); c++) {
            Column a = first.columns().get(c);
            Column b = second.columns().get(c);
            int n = a.size() + b.size();
            if (a instanceof Column.DoubleColumn x) {
                Column.DoubleColumn y = (Column.DoubleColumn) b;
                double[] values = java.util.Arrays.copyOf(x.values(), n);
                System.arraycopy(y.values(), 0, values, a.size(), b.size());
                boolean[] nulls = null;
                if (x.nulls() != null || y.nulls() != null) {
                    nulls = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        nulls[i] = i < a.size() ? x.isNull(i) : y.isNull(i - a.size());
                    }
                }
                columns.add(new Column.DoubleColumn(a.name(), values, nulls));
            } else if (a instanceof Column.LongColumn x) {
                long[] values = java.util.Arrays.copyOf(x.values(), n);
                boolean[] nulls = java.util.Arrays.copyOf(x.nulls(), n);
                System.arraycopy(((Column.LongColumn) b).values(), 0, values, a.size(), b.size());
                System.arraycopy(((Column.LongColumn) b).nulls(), 0, nulls, a.size(), b.size());
                columns.add(new Column.LongColumn(a.name(), values, nulls));
            } else {
                String[] values = java.util.Arrays.copyOf(((Column.TextColumn) a).values(), n);
                System.arraycopy(((Column.TextColumn) b).values(), 0, values, a.size(), b.size());
                columns.add(new Column.TextColumn(a.name(), values));
            }
        }
        return new LoadedTable(first.source(), columns);
    }
}
