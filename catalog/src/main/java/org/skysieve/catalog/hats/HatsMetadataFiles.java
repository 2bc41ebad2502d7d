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
 * {@link #footers} makes the two footers from the partition files' footers for writers on other file systems (Spark).
 * Stateless.
 */
public final class HatsMetadataFiles {
    public static final String METADATA = "_metadata";
    public static final String COMMON_METADATA = "_common_metadata";

    private HatsMetadataFiles() {
    }

    /** The footers of {@value #COMMON_METADATA} and {@value #METADATA}. */
    public record Footers(FileMetaData common, FileMetaData merged) {
        public Footers {
            requireNonNull(common, "common is null");
            requireNonNull(merged, "merged is null");
        }
    }

    /**
     * @param dataset       the {@code dataset/} folder
     * @param schemaFooter  the footer of an empty file written with the same query shape as the partitions
     * @param relativeFiles the partition files, relative to {@code dataset/}, in partition order
     * @param expectedRows  the catalogue's row count, checked against the footers
     */
    static void write(Path dataset, FileMetaData schemaFooter, List<String> relativeFiles, long expectedRows) {
        List<FileMetaData> partitionFooters = relativeFiles.stream().map(relative -> ParquetFooters.read(dataset.resolve(relative))).toList();
        Footers footers = footers(schemaFooter, relativeFiles, partitionFooters, expectedRows);
        ParquetFooters.writeFooterOnlyFile(footers.common(), dataset.resolve(COMMON_METADATA));
        ParquetFooters.writeFooterOnlyFile(footers.merged(), dataset.resolve(METADATA));
    }

    /**
     * @param schemaFooter     a footer with the catalogue's schema and key/value metadata (its row groups are ignored)
     * @param relativeFiles    the partition files, relative to {@code dataset/}, in partition order
     * @param partitionFooters their footers, in the same order
     * @param expectedRows     the catalogue's row count, checked against the footers
     * @throws HatsException when a partition's schema differs from {@code schemaFooter}'s or the rows do not add up
     */
    public static Footers footers(FileMetaData schemaFooter, List<String> relativeFiles, List<FileMetaData> partitionFooters, long expectedRows) {
        requireNonNull(schemaFooter, "schemaFooter is null");
        if (relativeFiles.size() != partitionFooters.size()) {
            throw new IllegalArgumentException("Expected one footer per partition file (" + relativeFiles.size() + "). Actual: " + partitionFooters.size());
        }
        FileMetaData common = schemaFooter.deepCopy();
        common.setRow_groups(new ArrayList<>());
        common.setNum_rows(0);

        FileMetaData merged = common.deepCopy();
        List<RowGroup> rowGroups = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < relativeFiles.size(); i++) {
            String relative = relativeFiles.get(i);
            FileMetaData footer = partitionFooters.get(i);
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
        return new Footers(common, merged);
    }
}
