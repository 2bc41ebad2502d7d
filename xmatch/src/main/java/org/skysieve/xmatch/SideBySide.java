package org.skysieve.xmatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers one survey's best match for every uploaded row, so that several surveys can be written side by side: the
 * survey's chosen columns, {@code separation_arcsec} and {@code candidates}, each named {@code SURVEY_column}; blank
 * where the uploaded row has no match (used by POST /xmatch with several surveys, and with status columns by
 * {@code skysieve xmatch --status}). The left rows carry {@link #ROW_COLUMN}, their index in the upload. Memory: a few
 * primitive arrays as long as the upload. Used from one thread.
 */
public final class SideBySide implements MatchSink {
    /** The column added to the upload holding each row's index, so that pieces can be put back in upload order. */
    public static final String ROW_COLUMN = "_skysieve_upload_row";

    private final String prefix;
    private final List<String> columns;
    private final int uploadRows;
    private final Object[] values;
    private final boolean[][] nulls;
    private final double[] separationArcsec;
    private final long[] candidates;
    private final boolean[] unmatched;

    public SideBySide(String survey, List<String> columns, int uploadRows) {
        this.prefix = survey + "_";
        this.columns = List.copyOf(columns);
        this.uploadRows = uploadRows;
        this.values = new Object[columns.size()];
        this.nulls = new boolean[columns.size()][];
        this.separationArcsec = new double[uploadRows];
        Arrays.fill(separationArcsec, Double.NaN);
        this.candidates = new long[uploadRows];
        this.unmatched = new boolean[uploadRows];
        Arrays.fill(unmatched, true);
    }

    @Override
    public void accept(LoadedTable leftRows, LoadedTable rightRows, MatchResult result) {
        Column.LongColumn rowIndex = (Column.LongColumn) leftRows.require(ROW_COLUMN, "upload row");
        for (int c = 0; c < columns.size(); c++) {
            Column column = rightRows.require(columns.get(c), "output");
            if (values[c] == null) {
                allocate(c, column);
            }
            for (int i = 0; i < result.size(); i++) {
                int row = (int) rowIndex.values()[result.leftRow(i)];
                int right = result.rightRow(i);
                if (values[c] instanceof double[] doubles) {
                    doubles[row] = column.doubleValue(right);
                    nulls[c][row] = column instanceof Column.DoubleColumn source ? source.isNull(right) : Double.isNaN(doubles[row]);
                } else if (values[c] instanceof long[] longs) {
                    Column.LongColumn source = (Column.LongColumn) column;
                    longs[row] = source.values()[right];
                    nulls[c][row] = source.nulls()[right];
                } else {
                    ((String[]) values[c])[row] = column.text(right);
                }
            }
        }
        for (int i = 0; i < result.size(); i++) {
            int row = (int) rowIndex.values()[result.leftRow(i)];
            separationArcsec[row] = result.distanceArcsec(i);
            candidates[row] = result.candidates(i);
            unmatched[row] = false;
        }
    }

    private void allocate(int c, Column like) {
        if (like instanceof Column.DoubleColumn) {
            double[] doubles = new double[uploadRows];
            Arrays.fill(doubles, Double.NaN);
            values[c] = doubles;
            nulls[c] = new boolean[uploadRows];
            Arrays.fill(nulls[c], true);
        } else if (like instanceof Column.LongColumn) {
            values[c] = new long[uploadRows];
            nulls[c] = new boolean[uploadRows];
            Arrays.fill(nulls[c], true);
        } else {
            values[c] = new String[uploadRows];
        }
    }

    /** The gathered columns, named {@code SURVEY_column}. */
    public List<Column> columns() {
        List<Column> built = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = prefix + columns.get(c);
            Object array = values[c];
            if (array instanceof double[] doubles) {
                built.add(new Column.DoubleColumn(name, doubles, nulls[c]));
            } else if (array instanceof long[] longs) {
                built.add(new Column.LongColumn(name, longs, nulls[c]));
            } else {
                built.add(new Column.TextColumn(name, array == null ? new String[uploadRows] : (String[]) array));
            }
        }
        built.add(new Column.DoubleColumn(prefix + "separation_arcsec", separationArcsec, unmatched));
        built.add(new Column.LongColumn(prefix + "candidates", candidates, unmatched));
        return built;
    }
}
