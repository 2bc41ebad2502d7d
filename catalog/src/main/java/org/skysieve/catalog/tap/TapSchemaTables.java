package org.skysieve.catalog.tap;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;


/**
 * Creates the TAP_SCHEMA tables ({@code schemas}, {@code tables}, {@code columns} with the extra documented column
 * {@code flag_bits}, {@code keys}, {@code key_columns}) in a DuckDB connection, filled from {@link TapMetadata}, so
 * that the query engine can run ADQL on them like on any table. Creates schema {@code TAP_SCHEMA}; replaces tables
 * of the same names. Not thread-safe on one connection (DuckDB connections are not).
 */
public final class TapSchemaTables {
    private TapSchemaTables() {
    }

    public static void create(Connection connection, TapMetadata metadata) throws SQLException {
        requireNonNull(connection, "connection is null");
        requireNonNull(metadata, "metadata is null");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS TAP_SCHEMA");
            for (TapMetadata.Table table : tapSchema(metadata).tables()) {
                StringBuilder create = new StringBuilder("CREATE OR REPLACE TABLE ").append(table.qualifiedName()).append(" (");
                List<ColumnDoc> columns = table.columns();
                for (int i = 0; i < columns.size(); i++) {
                    create.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name().replace("\"", "")).append("\" ")
                            .append(columns.get(i).type().sqlType());
                }
                statement.execute(create.append(')').toString());
            }
        }
        int schemaIndex = 0;
        int tableIndex = 0;
        try (PreparedStatement schemas = connection.prepareStatement("INSERT INTO TAP_SCHEMA.schemas VALUES (?, NULL, ?, ?)");
             PreparedStatement tables = connection.prepareStatement("INSERT INTO TAP_SCHEMA.tables VALUES (?, ?, 'table', NULL, ?, ?)");
             PreparedStatement columns = connection.prepareStatement(
                     "INSERT INTO TAP_SCHEMA.columns VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)")) {
            for (TapMetadata.Schema schema : metadata.schemas()) {
                schemas.setString(1, schema.name());
                schemas.setString(2, schema.description());
                schemas.setInt(3, schemaIndex++);
                schemas.executeUpdate();
                for (TapMetadata.Table table : schema.tables()) {
                    tables.setString(1, schema.name());
                    tables.setString(2, table.qualifiedName());
                    tables.setString(3, table.description());
                    tables.setInt(4, tableIndex++);
                    tables.executeUpdate();
                    int columnIndex = 0;
                    for (ColumnDoc column : table.columns()) {
                        columns.setString(1, table.qualifiedName());
                        columns.setString(2, column.name());
                        columns.setString(3, emptyToNull(column.ucd()));
                        columns.setString(4, emptyToNull(column.unit()));
                        columns.setString(5, ColumnDescriptions.description(column));
                        columns.setString(6, column.type().votableDatatype());
                        columns.setString(7, column.type() == ColumnType.STRING ? "*" : null);
                        columns.setInt(8, table.principal().contains(column.name()) || table.schemaName().equals(TapMetadata.TAP_SCHEMA) ? 1 : 0);
                        columns.setInt(9, table.indexed().contains(column.name()) ? 1 : 0);
                        columns.setInt(10, table.schemaName().equals(TapMetadata.TAP_SCHEMA) ? 1 : 0);
                        columns.setInt(11, columnIndex++);
                        columns.setString(12, ColumnDescriptions.flagBits(column));
                        columns.executeUpdate();
                    }
                }
            }
        }
        try (PreparedStatement keys = connection.prepareStatement("INSERT INTO TAP_SCHEMA.keys VALUES (?, ?, ?, NULL, ?)");
             PreparedStatement keyColumns = connection.prepareStatement("INSERT INTO TAP_SCHEMA.key_columns VALUES (?, ?, ?)")) {
            for (TapMetadata.Table table : metadata.tables()) {
                for (TapMetadata.ForeignKey key : table.foreignKeys()) {
                    keys.setString(1, key.keyId());
                    keys.setString(2, table.qualifiedName());
                    keys.setString(3, key.targetTable());
                    keys.setString(4, key.description());
                    keys.executeUpdate();
                    keyColumns.setString(1, key.keyId());
                    keyColumns.setString(2, key.fromColumn());
                    keyColumns.setString(3, key.targetColumn());
                    keyColumns.executeUpdate();
                }
            }
        }
    }

    private static TapMetadata.Schema tapSchema(TapMetadata metadata) {
        return metadata.schemas().stream().filter(schema -> schema.name().equals(TapMetadata.TAP_SCHEMA)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Expected the metadata to describe TAP_SCHEMA. Actual: it does not"));
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
