package org.skysieve.catalog.model;

import java.util.Locale;

/** The value types a catalogue column can have, with their names in DuckDB/Parquet and VOTable. */
public enum ColumnType {
    BOOLEAN("BOOLEAN", "boolean"),
    SHORT("SMALLINT", "short"),
    INT("INTEGER", "int"),
    LONG("BIGINT", "long"),
    FLOAT("FLOAT", "float"),
    DOUBLE("DOUBLE", "double"),
    STRING("VARCHAR", "char");

    private final String sqlType;
    private final String votableDatatype;

    ColumnType(String sqlType, String votableDatatype) {
        this.sqlType = sqlType;
        this.votableDatatype = votableDatatype;
    }

    /** The DuckDB SQL type name. */
    public String sqlType() {
        return sqlType;
    }

    /** The VOTable {@code datatype} attribute (strings also need {@code arraysize="*"}). */
    public String votableDatatype() {
        return votableDatatype;
    }

    public static ColumnType fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Expected a column type among boolean, short, int, long, float, double, string. Actual: " + name, e);
        }
    }
}
