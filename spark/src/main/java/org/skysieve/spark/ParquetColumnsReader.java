package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataType;

/**
 * Reads chosen columns of the rows whose HEALPix index lies in given ranges from HATS partition files, inside a task,
 * through Hadoop's file systems and Parquet's column readers: values go straight into primitive arrays, and row groups
 * whose index statistics miss the ranges are skipped unread. Top-level columns of primitive types only. Stateless.
 */
final class ParquetColumnsReader {
    private ParquetColumnsReader() {
    }

    /**
     * @param columns       the names and Spark types to read (the HEALPix column may be among them)
     * @param healpixColumn the order-29 index column the ranges apply to
     * @param include       sorted, disjoint [start, end) bounds of order-29 ranges: rows inside are kept
     * @param exclude       bounds of ranges whose rows are dropped (may be empty)
     */
    static RowBlock read(HadoopFiles hadoop, List<String> files, List<String> columnNames, List<DataType> columnTypes, String healpixColumn,
            long[] include, long[] exclude) {
        requireNonNull(files, "files is null");
        List<RowBlock.Values> values = new ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            if (!RowBlock.isSupported(columnTypes.get(c))) {
                throw new IllegalArgumentException("Expected columns of boolean, integer, floating-point or string type. Actual: "
                        + columnNames.get(c) + " is " + columnTypes.get(c).simpleString());
            }
            values.add(new RowBlock.Values(columnNames.get(c), columnTypes.get(c)));
        }
        for (String file : files) {
            readFile(hadoop, new Path(file), values, healpixColumn, include, exclude);
        }
        return new RowBlock(String.join(", ", files.stream().map(f -> new Path(f).getName()).toList()), values);
    }

    private static void readFile(HadoopFiles hadoop, Path file, List<RowBlock.Values> values, String healpixColumn, long[] include, long[] exclude) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop.configuration()))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            Type healpixField = field(schema, healpixColumn, file);
            List<Type> fields = new ArrayList<>();
            fields.add(healpixField);
            for (RowBlock.Values column : values) {
                Type field = field(schema, column.name, file);
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            for (BlockMetaData block : reader.getRowGroups()) {
                if (!mayHold(block, healpixField.getName(), include)) {
                    reader.skipNextRowGroup();
                    continue;
                }
                PageReadStore pages = reader.readNextRowGroup();
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new IgnoringConverter(), projection, createdBy);
                int rows = Math.toIntExact(pages.getRowCount());
                boolean[] keep = new boolean[rows];
                long[] indices = new long[rows];
                ColumnReader healpix = store.getColumnReader(projection.getColumnDescription(new String[] {healpixField.getName()}));
                for (int row = 0; row < rows; row++) {
                    if (healpix.getCurrentDefinitionLevel() == healpix.getDescriptor().getMaxDefinitionLevel()) {
                        indices[row] = healpix.getLong();
                        keep[row] = contains(include, indices[row]) && !contains(exclude, indices[row]);
                    }
                    healpix.consume();
                }
                for (RowBlock.Values column : values) {
                    Type field = field(projection, column.name, file);
                    if (field.equals(healpixField)) {
                        // a column chunk is read once: the index read above serves
                        for (int row = 0; row < rows; row++) {
                            if (keep[row]) {
                                column.addLong(indices[row]);
                            }
                        }
                        continue;
                    }
                    ColumnDescriptor descriptor = projection.getColumnDescription(new String[] {field.getName()});
                    readColumn(store.getColumnReader(descriptor), descriptor, keep, column, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readColumn(ColumnReader reader, ColumnDescriptor descriptor, boolean[] keep, RowBlock.Values column, Path file) {
        int maxDefinition = descriptor.getMaxDefinitionLevel();
        boolean text = RowBlock.isText(column.type);
        boolean floating = RowBlock.isFloating(column.type);
        switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
            case BOOLEAN, INT32, INT64, FLOAT, DOUBLE, BINARY -> {
            }
            default -> throw new IllegalArgumentException("Expected a column of a primitive Parquet type in " + file + ". Actual: "
                    + column.name + " is " + descriptor.getPrimitiveType());
        }
        for (boolean kept : keep) {
            if (kept) {
                if (reader.getCurrentDefinitionLevel() < maxDefinition) {
                    column.addNull();
                } else {
                    switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
                        case BOOLEAN -> column.addLong(reader.getBoolean() ? 1 : 0);
                        case INT32 -> add(column, reader.getInteger(), floating, text);
                        case INT64 -> add(column, reader.getLong(), floating, text);
                        case FLOAT -> addFloating(column, reader.getFloat(), text);
                        case DOUBLE -> addFloating(column, reader.getDouble(), text);
                        default -> column.addString(reader.getBinary().toStringUsingUTF8());
                    }
                }
            } else if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                // a value not read must be skipped, or the next read returns it
                reader.skip();
            }
            reader.consume();
        }
    }

    private static void add(RowBlock.Values column, long value, boolean floating, boolean text) {
        if (floating) {
            column.addDouble(value);
        } else if (text) {
            column.addString(Long.toString(value));
        } else {
            column.addLong(value);
        }
    }

    private static void addFloating(RowBlock.Values column, double value, boolean text) {
        if (text) {
            column.addString(Double.toString(value));
        } else {
            column.addDouble(value);
        }
    }

    private static Type field(MessageType schema, String name, Path file) {
        for (Type field : schema.getFields()) {
            if (field.getName().equalsIgnoreCase(name)) {
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new IllegalArgumentException("Expected a column of a primitive type in " + file + ". Actual: " + name + " is " + field);
                }
                return field;
            }
        }
        throw new IllegalArgumentException("Expected a column '" + name + "' in " + file + ". Actual columns: "
                + schema.getFields().stream().map(Type::getName).toList());
    }

    /** Whether the row group's statistics of the index column allow rows in the ranges (true when unknown). */
    private static boolean mayHold(BlockMetaData block, String healpixColumn, long[] include) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().size() == 1 && chunk.getPath().toArray()[0].equalsIgnoreCase(healpixColumn)) {
                Statistics<?> statistics = chunk.getStatistics();
                if (statistics == null || !statistics.hasNonNullValue() || !(statistics.genericGetMin() instanceof Long min)) {
                    return true;
                }
                return intersects(include, min, (Long) statistics.genericGetMax());
            }
        }
        return true;
    }

    /** Whether the sorted [start, end) bounds contain {@code value}. */
    static boolean contains(long[] bounds, long value) {
        int position = Arrays.binarySearch(bounds, value);
        // an exact hit on a start (even index) is inside; on an end (odd) outside; otherwise inside when between a start and an end
        return position >= 0 ? position % 2 == 0 : (-position - 1) % 2 == 1;
    }

    /** Whether the bounds share a value with [min, max] (inclusive). */
    static boolean intersects(long[] bounds, long min, long max) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] <= max && bounds[i + 1] > min) {
                return true;
            }
        }
        return false;
    }

    /** Parquet's column readers ask for converters they do not use when values are read with getLong() and the like. */
    private static final class IgnoringConverter extends GroupConverter {
        @Override
        public Converter getConverter(int fieldIndex) {
            return new PrimitiveConverter() {
            };
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
