package org.skysieve.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.skysieve.catalog.model.ColumnType;

/**
 * The Parquet schema and footer of a result of scalar columns: a flat message of OPTIONAL columns, one per result
 * column, typed as DuckDB types them (BOOLEAN; SMALLINT as INT32 with the INT(16) logical type; INTEGER as INT32;
 * BIGINT as INT64; FLOAT; DOUBLE; VARCHAR as BYTE_ARRAY with the STRING logical type), every column ordered by its type
 * (so that readers trust the min and max statistics). Stateless, thread-safe.
 */
final class ParquetSchema {
    /**
     * The footer's {@code created_by}, in the form {@code APPLICATION version VERSION} that parquet-mr and Arrow parse:
     * they ignore the min/max of string columns written by an application whose name they cannot parse.
     */
    static final String CREATED_BY = "skysieve version " + java.util.Objects.requireNonNullElse(
            ParquetSchema.class.getPackage().getImplementationVersion(), "0.1.0");

    private ParquetSchema() {
    }

    static Type physicalType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> Type.BOOLEAN;
            case SHORT, INT -> Type.INT32;
            case LONG -> Type.INT64;
            case FLOAT -> Type.FLOAT;
            case DOUBLE -> Type.DOUBLE;
            case STRING -> Type.BYTE_ARRAY;
            case POINT, CIRCLE, POLYGON -> throw new IllegalArgumentException("Expected a scalar column type. Actual: " + type);
        };
    }

    /** The schema: the root, then one element per column ({@code names} are the file's column names). */
    static List<SchemaElement> elements(List<ColumnType> types, List<String> names) {
        List<SchemaElement> elements = new ArrayList<>();
        elements.add(new SchemaElement("schema").setNum_children(types.size()));
        for (int i = 0; i < types.size(); i++) {
            ColumnType type = types.get(i);
            SchemaElement element = new SchemaElement(names.get(i)).setType(physicalType(type))
                    .setRepetition_type(FieldRepetitionType.OPTIONAL);
            if (type == ColumnType.SHORT) {
                element.setConverted_type(ConvertedType.INT_16).setLogicalType(LogicalType.INTEGER(new IntType((byte) 16, true)));
            } else if (type == ColumnType.STRING) {
                element.setConverted_type(ConvertedType.UTF8).setLogicalType(LogicalType.STRING(new StringType()));
            }
            elements.add(element);
        }
        return elements;
    }

    /** The footer of a file with these columns, row groups and key/value metadata (in map order). */
    static FileMetaData footer(List<ColumnType> types, List<String> names, List<RowGroup> rowGroups, Map<String, String> keyValues) {
        long rows = rowGroups.stream().mapToLong(RowGroup::getNum_rows).sum();
        FileMetaData footer = new FileMetaData(1, elements(types, names), rows, new ArrayList<>(rowGroups));
        List<KeyValue> pairs = new ArrayList<>();
        keyValues.forEach((key, value) -> pairs.add(new KeyValue(key).setValue(value)));
        footer.setKey_value_metadata(pairs);
        footer.setCreated_by(CREATED_BY);
        List<ColumnOrder> orders = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
        }
        footer.setColumn_orders(orders);
        return footer;
    }
}
