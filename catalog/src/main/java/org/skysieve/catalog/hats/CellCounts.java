package org.skysieve.catalog.hats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.skysieve.catalog.duckdb.SqlText;

/** Rows per non-empty HEALPix cell at one order, cells increasing, computed from an order-29 index column. */
record CellCounts(int order, long[] cells, long[] counts) {
    static CellCounts query(Connection connection, String table, String index29Column, int order) throws SQLException {
        int shift = 2 * (HatsPixel.INDEX_ORDER - order);
        String column = SqlText.identifier(index29Column);
        long[] cells = new long[1024];
        long[] counts = new long[1024];
        int size = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + column + " >> " + shift + " AS cell, count(*) FROM " + table
                        + " GROUP BY cell ORDER BY cell")) {
            while (result.next()) {
                if (size == cells.length) {
                    cells = Arrays.copyOf(cells, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                cells[size] = result.getLong(1);
                counts[size] = result.getLong(2);
                size++;
            }
        }
        return new CellCounts(order, Arrays.copyOf(cells, size), Arrays.copyOf(counts, size));
    }
}
