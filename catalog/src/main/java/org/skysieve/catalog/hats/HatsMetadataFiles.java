package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * Writes {@code dataset/_common_metadata} (the schema and key/value metadata, no row groups) and
 * {@code dataset/_metadata} (the same plus the row groups of every partition file, each column chunk pointing to
 * its file through {@code file_path}, relative to {@code dataset/}), as pyarrow writes them for HATS.
 */
final class HatsMetadataFiles {
    static final String METADATA = "_metadata";
    static final String COMMON_METADATA = "_common_metadata";

    private HatsMetadataFiles() {
    }

    /**
     * @param dataset       the {@code dataset/} folder
     * @param schemaFooter  the footer of an empty file written with the same query shape as the partitions
     * @param relativeFiles the partition files, relative to {@code dataset/}, in partition order
     * @param expectedRows  the catalogue's row count, checked against the footers
     */
    static void write(Path dataset, FileMetaData schemaFooter, List<String> relativeFiles, long expectedRows) {
        requireNonNull(schemaFooter, "schemaFooter is null");
        FileMetaData common = schemaFooter.deepCopy();
        common.setRow_groups(new ArrayList<>());
        common.setNum_rows(0);
        ParquetFooters.writeFooterOnlyFile(common, dataset.resolve(COMMON_METADATA));

        FileMetaData merged = common.deepCopy();
        List<RowGroup> rowGroups = new ArrayList<>();
        long rows = 0;
        for (String relative : relativeFiles) {
            Path file = dataset.resolve(relative);
            FileMetaData footer = ParquetFooters.read(file);
            if (!footer.getSchema().equals(schemaFooter.getSchema())) {
                throw new HatsException("Expected every partition file to have the catalogue schema " + schemaFooter.getSchema()
                        + ". Actual in " + relative + ": " + footer.getSchema());
            }
            for (RowGroup rowGroup : footer.getRow_groups()) {
                RowGroup copy = rowGroup.deepCopy();
                for (ColumnChunk chunk : copy.getColumns()) {
                    chunk.setFile_path(relative);
                }
                rowGroups.add(copy);
                rows += copy.getNum_rows();
            }
        }
        if (rows != expectedRows) {
            throw new HatsException("Expected the partition files to hold " + expectedRows + " rows. Actual: " + rows);
        }
        merged.setRow_groups(rowGroups);
        merged.setNum_rows(rows);
        ParquetFooters.writeFooterOnlyFile(merged, dataset.resolve(METADATA));
    }
}
