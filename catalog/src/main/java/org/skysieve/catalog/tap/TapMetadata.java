package org.skysieve.catalog.tap;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * What a TAP service publishes (used by the server for VOSI tables and TAP_SCHEMA, and by the query engine to check
 * names): one schema per survey (its published tables, named {@code survey.table}) and
 * {@code TAP_SCHEMA} describing itself. The single source of VOSI tables and of TAP_SCHEMA's content, so the two
 * always agree. Immutable.
 */
public record TapMetadata(List<Schema> schemas) {
    public static final String TAP_SCHEMA = "TAP_SCHEMA";

    /** A schema and its tables. */
    public record Schema(String name, String description, List<Table> tables) {
        public Schema {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
        }
    }

    /**
     * A published table.
     *
     * @param schemaName    its schema
     * @param qualifiedName {@code schema.table}, as ADQL names it
     * @param rowCount      rows, when known
     * @param indexed       columns with an index (the position and id columns of a catalogue)
     * @param principal     columns shown by default (position and id)
     * @param foreignKeys   the keys from this table to others
     */
    public record Table(String schemaName, String qualifiedName, String description, List<ColumnDoc> columns,
                        Optional<Long> rowCount, List<String> indexed, List<String> principal, List<ForeignKey> foreignKeys) {
        public Table {
            foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
            requireNonNull(schemaName, "schemaName is null");
            requireNonNull(qualifiedName, "qualifiedName is null");
            requireNonNull(description, "description is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(rowCount, "rowCount is null");
            indexed = List.copyOf(requireNonNull(indexed, "indexed is null"));
            principal = List.copyOf(requireNonNull(principal, "principal is null"));
        }
    }

    /** A single-column foreign key from a column of the owning table to {@code targetTable.targetColumn}. */
    public record ForeignKey(String keyId, String targetTable, String fromColumn, String targetColumn, String description) {
        public ForeignKey {
            requireNonNull(keyId, "keyId is null");
            requireNonNull(targetTable, "targetTable is null");
            requireNonNull(fromColumn, "fromColumn is null");
            requireNonNull(targetColumn, "targetColumn is null");
            requireNonNull(description, "description is null");
        }
    }

    public TapMetadata {
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    }

    /** The surveys of {@code archive}, then TAP_SCHEMA. */
    public static TapMetadata of(Archive archive) {
        List<Schema> schemas = new ArrayList<>();
        for (PublishedSurvey published : archive.surveys()) {
            List<Table> tables = new ArrayList<>();
            for (PublishedTable table : published.tables()) {
                var doc = table.table();
                List<String> key = List.of(doc.idColumn(), doc.raColumn(), doc.decColumn());
                tables.add(new Table(published.survey().name(), table.qualifiedName(), doc.description(), doc.columns(),
                        Optional.of(table.rowCount()), key, key, List.of()));
            }
            if (!tables.isEmpty()) {
                String description = published.survey().title()
                        + (published.survey().description().isEmpty() ? "" : ". " + published.survey().description());
                schemas.add(new Schema(published.survey().name(), description, tables));
            }
        }
        schemas.add(tapSchema());
        return new TapMetadata(schemas);
    }

    public List<Table> tables() {
        return schemas.stream().flatMap(schema -> schema.tables().stream()).toList();
    }

    /** The table named {@code qualifiedName}, compared case-insensitively. */
    public Optional<Table> table(String qualifiedName) {
        return tables().stream().filter(t -> t.qualifiedName().equalsIgnoreCase(qualifiedName)).findFirst();
    }

    private static Schema tapSchema() {
        return new Schema(TAP_SCHEMA, "Description of the tables and columns of this service (TAP 1.1 section 4).", List.of(
                tapTable("schemas", "The schemas of this service.", List.of(),
                        text("schema_name", "Schema name, for reference"),
                        text("utype", "Utype of the schema"),
                        text("description", "Description of the schema"),
                        integer("schema_index", "Suggested position in lists of schemas")),
                tapTable("tables", "The tables of this service.", List.of(key("tables_schema", "schemas", "schema_name", "schema_name")),
                        text("schema_name", "The schema the table belongs to"),
                        text("table_name", "Table name as it appears in queries"),
                        text("table_type", "One of: table, view"),
                        text("utype", "Utype of the table"),
                        text("description", "Description of the table"),
                        integer("table_index", "Suggested position in lists of tables")),
                tapTable("columns", "The columns of every table of this service.", List.of(key("columns_table", "tables", "table_name", "table_name")),
                        text("table_name", "Table name, as in TAP_SCHEMA.tables"),
                        text("column_name", "Column name"),
                        text("utype", "Utype of the column"),
                        text("ucd", "UCD of the column"),
                        text("unit", "Unit in VOUnit syntax"),
                        text("description", "Description of the column"),
                        text("datatype", "VOTable datatype of the column"),
                        text("arraysize", "VOTable arraysize of the column"),
                        text("xtype", "VOTable xtype of the column"),
                        integer("\"size\"", "Deprecated: arraysize as an integer (a reserved word in ADQL, hence delimited)"),
                        integer("principal", "1 for a column to show by default, else 0"),
                        integer("indexed", "1 for an indexed column, else 0"),
                        integer("std", "1 for a column defined by a standard, else 0"),
                        integer("column_index", "Suggested position of the column in its table"),
                        text("flag_bits", "skysieve extension: for a quality-flag column, the meaning of every bit"
                                + " ('bit N (mask) NAME: meaning;' ...); empty otherwise")),
                tapTable("keys", "Foreign keys between the tables of this service.", List.of(
                                key("keys_from", "tables", "from_table", "table_name"), key("keys_target", "tables", "target_table", "table_name")),
                        text("key_id", "Key identifier"),
                        text("from_table", "The table holding the foreign key"),
                        text("target_table", "The table the key points to"),
                        text("utype", "Utype of the key"),
                        text("description", "Description of the key")),
                tapTable("key_columns", "The columns of the foreign keys.", List.of(key("key_columns_key", "keys", "key_id", "key_id")),
                        text("key_id", "Key identifier, as in TAP_SCHEMA.keys"),
                        text("from_column", "Column of the key in from_table"),
                        text("target_column", "Column in target_table"))));
    }

    private static Table tapTable(String name, String description, List<ForeignKey> keys, ColumnDoc... columns) {
        return new Table(TAP_SCHEMA, TAP_SCHEMA + "." + name, description, List.of(columns), Optional.empty(), List.of(), List.of(), keys);
    }

    private static ForeignKey key(String id, String target, String fromColumn, String targetColumn) {
        return new ForeignKey("TAP_SCHEMA." + id, TAP_SCHEMA + "." + target, fromColumn, targetColumn,
                "TAP_SCHEMA link: " + fromColumn + " refers to " + target + "." + targetColumn);
    }

    private static ColumnDoc text(String name, String description) {
        return ColumnDoc.of(name, ColumnType.STRING, "", "", description);
    }

    private static ColumnDoc integer(String name, String description) {
        return ColumnDoc.of(name, ColumnType.INT, "", "", description);
    }
}
