package org.skysieve.catalog.model;

import java.util.Locale;

/**
 * The value types a catalogue column can have, with their names in DuckDB/Parquet and VOTable.
 *
 * <p>POINT, CIRCLE and POLYGON are the ADQL geometry values a query can return (never stored in a survey): a DuckDB
 * {@code DOUBLE[]} list in degrees, written as DALI 1.1 arrays of doubles: a point {@code ra dec} (VOTable
 * {@code arraysize="2" xtype="point"}), a circle {@code ra dec radius} ({@code arraysize="3" xtype="circle"}), a polygon
 * {@code ra1 dec1 ra2 dec2 ...} ({@code arraysize="*" xtype="polygon"}); longitudes in [0, 360).
 */
public enum ColumnType {
    BOOLEAN("BOOLEAN", "boolean"),
    SHORT("SMALLINT", "short"),
    INT("INTEGER", "int"),
    LONG("BIGINT", "long"),
    FLOAT("FLOAT", "float"),
    DOUBLE("DOUBLE", "double"),
    STRING("VARCHAR", "char"),
    POINT("DOUBLE[]", "double"),
    CIRCLE("DOUBLE[]", "double"),
    POLYGON("DOUBLE[]", "double");

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

    /** Whether this is a geometry value (POINT, CIRCLE, POLYGON): an array of doubles. */
    public boolean isGeometry() {
        return this == POINT || this == CIRCLE || this == POLYGON;
    }

    /** The number of doubles of a geometry value: 2 for a point, 3 for a circle, -1 (variable) for a polygon; 1 otherwise. */
    public int arrayLength() {
        return switch (this) {
            case POINT -> 2;
            case CIRCLE -> 3;
            case POLYGON -> -1;
            default -> 1;
        };
    }

    /** The VOTable {@code arraysize} of a geometry value ({@code 2}, {@code 3}, {@code *}); empty for other types. */
    public String votableArraysize() {
        return switch (this) {
            case POINT -> "2";
            case CIRCLE -> "3";
            case POLYGON -> "*";
            default -> "";
        };
    }

    /** The DALI xtype of a geometry value ({@code point}, {@code circle}, {@code polygon}); empty for other types. */
    public String xtype() {
        return isGeometry() ? name().toLowerCase(Locale.ROOT) : "";
    }

    public static ColumnType fromName(String name) {
        try {
            ColumnType type = valueOf(name.trim().toUpperCase(Locale.ROOT));
            if (type.isGeometry()) {
                throw new IllegalArgumentException("geometry types are query results only");
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Expected a column type among boolean, short, int, long, float, double, string. Actual: " + name, e);
        }
    }
}
