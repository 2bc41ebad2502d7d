package org.skysieve.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;
import org.skysieve.catalog.model.MissingStatus;

/**
 * A column's documentation in its Spark {@link StructField} metadata, so that it travels with the DataFrame (and into
 * the Parquet files Spark writes, in Spark's schema).
 *
 * <p>Keys (absent when empty): {@value #UNIT} (VOUnit), {@value #UCD}, {@value #DESCRIPTION}, {@value #NULL_MEANING},
 * {@value #BAND}; for a flag column {@value #FLAG_BITS}, an array of {@code {bit, name, description}}; for a status
 * column {@value #STATUS_VALUES}, an array of {@code {word, meaning}}. Stateless.
 */
public final class ColumnMetadata {
    public static final String UNIT = "unit";
    public static final String UCD = "ucd";
    public static final String DESCRIPTION = "description";
    public static final String NULL_MEANING = "null_meaning";
    public static final String BAND = "band";
    public static final String FLAG_BITS = "flag_bits";
    public static final String STATUS_VALUES = "status_values";

    private ColumnMetadata() {
    }

    /** The metadata of one documented column. */
    public static Metadata of(ColumnDoc column) {
        MetadataBuilder builder = new MetadataBuilder();
        putIfNotEmpty(builder, UNIT, column.unit());
        putIfNotEmpty(builder, UCD, column.ucd());
        putIfNotEmpty(builder, DESCRIPTION, column.description());
        putIfNotEmpty(builder, NULL_MEANING, column.nullMeaning());
        column.band().ifPresent(band -> builder.putString(BAND, band));
        column.flags().ifPresent(flags -> builder.putMetadataArray(FLAG_BITS, flags.bits().stream().map(ColumnMetadata::bit).toArray(Metadata[]::new)));
        if (MissingStatus.isStatusColumn(column)) {
            Metadata[] values = new Metadata[MissingStatus.values().length];
            for (MissingStatus status : MissingStatus.values()) {
                values[status.ordinal()] = new MetadataBuilder().putString("word", status.word()).putString("meaning", status.meaning()).build();
            }
            builder.putMetadataArray(STATUS_VALUES, values);
        }
        return builder.build();
    }

    /** {@code schema} with each column documented in {@code table} carrying its documentation (others unchanged). */
    public static StructType documented(StructType schema, Optional<CatalogTable> table) {
        if (table.isEmpty()) {
            return schema;
        }
        StructField[] fields = schema.fields().clone();
        for (int i = 0; i < fields.length; i++) {
            StructField field = fields[i];
            Optional<ColumnDoc> doc = table.get().column(field.name());
            if (doc.isPresent()) {
                fields[i] = new StructField(field.name(), field.dataType(), field.nullable(), of(doc.get()));
            }
        }
        return new StructType(fields);
    }

    /**
     * The documentation of a DataFrame column from its metadata (the inverse of {@link #of}; a column without metadata
     * gets its name and type only). Spark types without a skysieve type (arrays, maps, binary) are described as strings.
     */
    public static ColumnDoc doc(StructField field) {
        Metadata metadata = field.metadata();
        ColumnDoc doc = new ColumnDoc(field.name(), columnType(field.dataType()), text(metadata, UNIT), text(metadata, UCD),
                text(metadata, DESCRIPTION), text(metadata, NULL_MEANING), Optional.empty(), Optional.empty());
        if (metadata.contains(BAND)) {
            doc = doc.withBand(metadata.getString(BAND));
        }
        if (metadata.contains(FLAG_BITS)) {
            List<FlagBit> bits = new ArrayList<>();
            for (Metadata bit : metadata.getMetadataArray(FLAG_BITS)) {
                bits.add(new FlagBit((int) bit.getLong("bit"), bit.getString("name"), bit.getString("description")));
            }
            doc = doc.withFlags(new FlagDictionary(bits));
        }
        return doc;
    }

    /**
     * The documentation of the columns of {@code schema} as a table, without the HEALPix index column: what every
     * Parquet file of a catalogue written from it carries ({@code skysieve.table}). Its id column is the first column;
     * its position columns are {@code raColumn} and {@code decColumn}, or the id column when the output has no
     * positions ({@link CatalogTable} needs three documented names).
     */
    public static CatalogTable table(StructType schema, String name, String raColumn, String decColumn, String healpixColumn) {
        List<ColumnDoc> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (!field.name().equalsIgnoreCase(healpixColumn)) {
                columns.add(doc(field));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one column besides " + healpixColumn + ". Actual: none in " + schema.simpleString());
        }
        String idColumn = columns.get(0).name();
        return new CatalogTable(name, "", raColumn.isEmpty() ? idColumn : raColumn, decColumn.isEmpty() ? idColumn : decColumn, idColumn, columns);
    }

    static ColumnType columnType(DataType type) {
        if (type.equals(DataTypes.BooleanType)) {
            return ColumnType.BOOLEAN;
        } else if (type.equals(DataTypes.ByteType) || type.equals(DataTypes.ShortType)) {
            return ColumnType.SHORT;
        } else if (type.equals(DataTypes.IntegerType)) {
            return ColumnType.INT;
        } else if (type.equals(DataTypes.LongType)) {
            return ColumnType.LONG;
        } else if (type.equals(DataTypes.FloatType)) {
            return ColumnType.FLOAT;
        } else if (type.equals(DataTypes.DoubleType)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    private static String text(Metadata metadata, String key) {
        return metadata.contains(key) ? metadata.getString(key) : "";
    }

    private static Metadata bit(FlagBit bit) {
        return new MetadataBuilder().putLong("bit", bit.bit()).putString("name", bit.name()).putString("description", bit.description()).build();
    }

    private static void putIfNotEmpty(MetadataBuilder builder, String key, String value) {
        if (!value.isEmpty()) {
            builder.putString(key, value);
        }
    }
}
