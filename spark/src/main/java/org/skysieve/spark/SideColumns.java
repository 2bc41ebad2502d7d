package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One side of a job as tasks read it: the columns to read (output columns, positions, key) with their Spark types, and
 * where the positions are. Serialisable.
 *
 * @param output        the columns carried to the output, in order
 * @param read          every column read (output first, then the positions, the key and the HEALPix index)
 * @param types         the Spark type of each column of {@code read}
 * @param fields        the Spark fields (with documentation) of {@code output}
 * @param healpixColumn the order-29 index column
 * @param positions     the position columns, and the epoch move
 */
record SideColumns(List<String> output, List<String> read, List<DataType> types, List<StructField> fields, String healpixColumn,
        SidePositions positions) implements Serializable {
    SideColumns {
        output = List.copyOf(output);
        read = List.copyOf(read);
        types = List.copyOf(types);
        fields = List.copyOf(fields);
        requireNonNull(healpixColumn, "healpixColumn is null");
        requireNonNull(positions, "positions is null");
    }

    /**
     * @param schema   the catalogue's Spark schema (with documentation)
     * @param output   the columns to carry
     * @param extra    more columns to read (e.g. the key for mates)
     */
    static SideColumns of(SparkCatalogue catalogue, StructType schema, List<String> output, List<String> extra, SidePositions positions) {
        List<String> read = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        for (String name : output) {
            StructField field = field(catalogue, schema, name);
            outputNames.add(field.name());
            fields.add(field);
        }
        List<String> all = new ArrayList<>(outputNames);
        all.addAll(positions.columnNames());
        all.addAll(extra);
        all.add(catalogue.healpixColumn());
        for (String name : all) {
            StructField field = field(catalogue, schema, name);
            if (read.stream().noneMatch(field.name()::equalsIgnoreCase)) {
                read.add(field.name());
                types.add(field.dataType());
            }
        }
        return new SideColumns(outputNames, read, types, fields, catalogue.healpixColumn(), positions);
    }

    private static StructField field(SparkCatalogue catalogue, StructType schema, String name) {
        for (StructField field : schema.fields()) {
            if (field.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return field;
            }
        }
        throw new IllegalArgumentException("Expected a column '" + name + "' in " + catalogue.location() + ". Actual columns: "
                + List.of(schema.fieldNames()));
    }

    RowBlock readRows(HadoopFiles hadoop, List<String> files, long[] include, long[] exclude) {
        return ParquetColumnsReader.read(hadoop, files, read, types, healpixColumn, include, exclude);
    }
}
