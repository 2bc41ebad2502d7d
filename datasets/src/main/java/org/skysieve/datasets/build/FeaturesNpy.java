package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.images.NpyWriter;

/**
 * A shard's features as a NumPy structured array ({@code features-XXXX.npy}): one record per row, one field per
 * column, same names and order as the Parquet shard, for NumPy, pandas ({@code pandas.DataFrame(numpy.load(path))})
 * and PyTorch without a Parquet engine. Field dtypes and what a null becomes ({@link #dtype}, {@link #nullValue}):
 * DOUBLE {@code <f8} and FLOAT {@code <f4} (null: NaN), BIGINT {@code <i8}, INTEGER {@code <i4}, SMALLINT {@code <i2}
 * (null: the type's minimum; a real minimum value fails the build, as it would read as null), BOOLEAN {@code |b1}
 * (null: False), VARCHAR {@code <U} of the shard's longest value in code points, at least 1 (null: the empty string),
 * geometry values {@code <U} of DuckDB's text of the list ({@code [10.0, 20.0]}). The Parquet file keeps null apart
 * from NaN, 0 or ''; the status columns say why a value is missing. Deterministic bytes: rows in dataset order,
 * widths from the data, the one NaN bit pattern of {@link Double#NaN}.
 */
final class FeaturesNpy {
    private FeaturesNpy() {
    }

    /** The field dtype of a column; strings and geometries have their width per shard ({@code <U} + width). */
    static String dtype(ColumnType type) {
        return switch (type) {
            case DOUBLE -> "<f8";
            case FLOAT -> "<f4";
            case LONG -> "<i8";
            case INT -> "<i4";
            case SHORT -> "<i2";
            case BOOLEAN -> "|b1";
            case STRING, POINT, CIRCLE, POLYGON -> "<U";
        };
    }

    /** What a null of a column of this type becomes in the array, as Python would print it. */
    static String nullValue(ColumnType type) {
        return switch (type) {
            case DOUBLE, FLOAT -> "nan";
            case LONG -> Long.toString(Long.MIN_VALUE);
            case INT -> Integer.toString(Integer.MIN_VALUE);
            case SHORT -> Short.toString(Short.MIN_VALUE);
            case BOOLEAN -> "False";
            case STRING, POINT, CIRCLE, POLYGON -> "''";
        };
    }

    /**
     * Writes rows {@code [firstRow, firstRow + rowCount)} of the DuckDB table {@code table} (numbered by
     * {@code rowNumber}) with {@code columns}' names and types to {@code file}.
     */
    static FileChecksum write(Connection connection, String table, String rowNumber, List<ColumnDoc> columns, long firstRow,
            int rowCount, Path file) throws SQLException, IOException {
        requireNonNull(connection, "connection is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(file, "file is null");
        String where = " FROM " + table + " WHERE " + rowNumber + " >= " + firstRow + " AND " + rowNumber + " < "
                + (firstRow + rowCount) + " ORDER BY " + rowNumber;
        int[] widths = textWidths(connection, columns, where);
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder descr = new StringBuilder("[");
        int recordBytes = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnDoc column = columns.get(i);
            String quoted = SqlText.identifier(column.name());
            select.append(i == 0 ? "" : ", ").append(column.type().isGeometry() ? "CAST(" + quoted + " AS VARCHAR)" : quoted);
            String dtype = dtype(column.type()) + (widths[i] > 0 ? Integer.toString(widths[i]) : "");
            descr.append(i == 0 ? "" : ", ").append("(").append(pythonString(column.name())).append(", '")
                    .append(dtype).append("')");
            recordBytes += fieldBytes(column.type(), widths[i]);
        }
        descr.append(']');
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        long written = 0;
        DigestingOutputStream digesting = new DigestingOutputStream(Files.newOutputStream(file));
        try (OutputStream out = new BufferedOutputStream(digesting, 1 << 16);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select + where)) {
            NpyWriter.headerWithDescrLiteral(out, descr.toString(), rowCount);
            while (rows.next()) {
                record.clear();
                for (int i = 0; i < columns.size(); i++) {
                    put(record, rows, i + 1, columns.get(i), widths[i], firstRow + written);
                }
                out.write(record.array());
                written++;
            }
        }
        if (written != rowCount) {
            throw new IllegalStateException("Expected " + rowCount + " rows from row " + firstRow + " for " + file
                    + ". Actual: " + written);
        }
        return digesting.checksum(file.getFileName().toString());
    }

    /** For each text column its longest value in code points (at least 1); 0 for the other columns. */
    private static int[] textWidths(Connection connection, List<ColumnDoc> columns, String where) throws SQLException {
        int[] widths = new int[columns.size()];
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ColumnType type = columns.get(i).type();
            if (type == ColumnType.STRING || type.isGeometry()) {
                widths[i] = 1;
                String quoted = SqlText.identifier(columns.get(i).name());
                select.append(select.length() == 0 ? "SELECT " : ", ")
                        .append(type.isGeometry() ? "CAST(" + quoted + " AS VARCHAR)" : quoted);
            }
        }
        if (select.length() == 0) {
            return widths;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select + where)) {
            while (rows.next()) {
                int field = 1;
                for (int i = 0; i < columns.size(); i++) {
                    if (widths[i] > 0) {
                        String value = rows.getString(field++);
                        if (value != null) {
                            widths[i] = Math.max(widths[i], value.codePointCount(0, value.length()));
                        }
                    }
                }
            }
        }
        return widths;
    }

    private static int fieldBytes(ColumnType type, int width) {
        return switch (type) {
            case DOUBLE, LONG -> 8;
            case FLOAT, INT -> 4;
            case SHORT -> 2;
            case BOOLEAN -> 1;
            case STRING, POINT, CIRCLE, POLYGON -> 4 * width;
        };
    }

    private static void put(ByteBuffer record, ResultSet rows, int field, ColumnDoc column, int width, long row)
            throws SQLException {
        switch (column.type()) {
            case DOUBLE -> {
                double value = rows.getDouble(field);
                record.putDouble(rows.wasNull() ? Double.NaN : value);
            }
            case FLOAT -> {
                float value = rows.getFloat(field);
                record.putFloat(rows.wasNull() ? Float.NaN : value);
            }
            case LONG -> {
                long value = rows.getLong(field);
                record.putLong(rows.wasNull() ? Long.MIN_VALUE : notSentinel(value, Long.MIN_VALUE, column, row));
            }
            case INT -> {
                int value = rows.getInt(field);
                record.putInt(rows.wasNull() ? Integer.MIN_VALUE
                        : (int) notSentinel(value, Integer.MIN_VALUE, column, row));
            }
            case SHORT -> {
                short value = rows.getShort(field);
                record.putShort(rows.wasNull() ? Short.MIN_VALUE
                        : (short) notSentinel(value, Short.MIN_VALUE, column, row));
            }
            case BOOLEAN -> {
                boolean value = rows.getBoolean(field);
                record.put((byte) (!rows.wasNull() && value ? 1 : 0));
            }
            case STRING, POINT, CIRCLE, POLYGON -> {
                String value = rows.getString(field);
                int count = 0;
                if (value != null) {
                    for (int offset = 0; offset < value.length(); count++) {
                        int codePoint = value.codePointAt(offset);
                        record.putInt(codePoint);
                        offset += Character.charCount(codePoint);
                    }
                }
                for (; count < width; count++) {
                    record.putInt(0);
                }
            }
            default -> throw new IllegalStateException("Unknown column type " + column.type());
        }
    }

    /** A real value equal to the null sentinel would read as null: the build fails rather than mislead. */
    private static long notSentinel(long value, long sentinel, ColumnDoc column, long row) {
        if (value == sentinel) {
            throw new DatasetBuildException(DatasetBuildException.Reason.PLAN_CONTRACT, String.format(Locale.ROOT,
                    "Expected %s values other than %d (the null value of features-XXXX.npy) in column %s. Actual: %d"
                            + " at row %d", column.type().sqlType(), sentinel, column.name(), value, row));
        }
        return value;
    }

    /** A Python string literal of ASCII characters ({@code \\uXXXX} escapes beyond). */
    private static String pythonString(String text) {
        StringBuilder literal = new StringBuilder("'");
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\'' || codePoint == '\\') {
                literal.append('\\').append((char) codePoint);
            } else if (codePoint >= 0x20 && codePoint < 0x7F) {
                literal.append((char) codePoint);
            } else if (codePoint <= 0xFFFF) {
                literal.append(String.format(Locale.ROOT, "\\u%04x", codePoint));
            } else {
                literal.append(String.format(Locale.ROOT, "\\U%08x", codePoint));
            }
        });
        return literal.append('\'').toString();
    }
}
