package org.skysieve.formats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;

/**
 * A DuckDB result with every column type, nulls in every column, NaN and infinities beside nulls, and strings that
 * need escaping in every format. {@link #expected} reads the same rows as Java values: the oracle of round trips.
 */
final class TestRows implements AutoCloseable {
    static final List<ColumnDoc> COLUMNS = List.of(
            ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Row id"),
            ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension").withNullMeaning("no position"),
            ColumnDoc.of("mag_r", ColumnType.FLOAT, "mag", "phot.mag;em.opt.R", "Magnitude in r").withBand("r"),
            ColumnDoc.of("flags", ColumnType.INT, "", "meta.code.qual", "Quality flags").withFlags(new FlagDictionary(List.of(
                    new FlagBit(0, "SATURATED", "a pixel is saturated"), new FlagBit(3, "EDGE", "near the tile <edge>")))),
            ColumnDoc.of("n_obs", ColumnType.SHORT, "", "meta.number", "Number of observations"),
            ColumnDoc.of("is_star", ColumnType.BOOLEAN, "", "src.class.starGalaxy", "True for a star"),
            ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "Free text, with \"quotes\", commas & <tags>"));

    private static final String SQL = "SELECT i::BIGINT AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL WHEN i % 11 = 5 THEN 'NaN'::DOUBLE WHEN i % 13 = 6 THEN 'Infinity'::DOUBLE"
            + "      ELSE i * 0.37 + 0.1 END AS ra,"
            + " CASE WHEN i % 5 = 1 THEN NULL WHEN i % 9 = 2 THEN 'NaN'::FLOAT ELSE (18 + i / 100.0)::FLOAT END AS mag_r,"
            + " CASE WHEN i % 6 = 4 THEN NULL ELSE (i % 16)::INTEGER END AS flags,"
            + " CASE WHEN i % 8 = 7 THEN NULL ELSE (i % 300 - 150)::SMALLINT END AS n_obs,"
            + " CASE WHEN i % 4 = 2 THEN NULL ELSE i % 2 = 0 END AS is_star,"
            + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 'plain ' || i ELSE 'with, comma \"quote\" <&> ' || i END AS label"
            + " FROM range(ROW_COUNT) AS t(i) ORDER BY i";

    private final Connection connection;
    private final Statement statement;
    private final int rowCount;

    TestRows(int rowCount) throws SQLException {
        this.connection = DuckDbConnections.openInMemory();
        this.statement = connection.createStatement();
        this.rowCount = rowCount;
    }

    ResultSet open() throws SQLException {
        return statement.executeQuery(SQL.replace("ROW_COUNT", Integer.toString(rowCount)));
    }

    /** Every row as Java values (null for SQL NULL, NaN kept). */
    List<List<Object>> expected() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = open()) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.add(read(result, i + 1, COLUMNS.get(i).type()));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
        }
        return rows;
    }

    /** One cell through the JDBC typed getter of its type: the oracle, independent of the writers' row sources. */
    static Object read(ResultSet rows, int columnIndex, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case BOOLEAN -> rows.getBoolean(columnIndex);
            case SHORT -> rows.getShort(columnIndex);
            case INT -> rows.getInt(columnIndex);
            case LONG -> rows.getLong(columnIndex);
            case FLOAT -> rows.getFloat(columnIndex);
            case DOUBLE -> rows.getDouble(columnIndex);
            case STRING -> rows.getString(columnIndex);
            case POINT, CIRCLE, POLYGON -> Cells.doubles(rows.getArray(columnIndex));
        };
        return rows.wasNull() ? null : value;
    }

    static Optional<Integer> index(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }
}
