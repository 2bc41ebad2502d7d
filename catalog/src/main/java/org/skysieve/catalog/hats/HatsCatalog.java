package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.format.FileMetaData;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;

/**
 * A HATS catalogue opened for reading: skysieve's own and those written by hats-import (HATS 1.0 and the layouts
 * LSDB accepts: {@code hats.properties} or the legacy {@code properties}, {@code .parquet} or another
 * {@code hats_npix_suffix}, {@code Npix=n} as a folder of files, a HEALPix index column of any order).
 *
 * <p>{@link #open} on a HATS collection (a folder with {@code collection.properties}) opens its primary catalogue.
 * Only catalogues of type {@code object} and {@code margin} open; an index or association catalogue is reported
 * with a {@link HatsException} naming its primary catalogue. Immutable and thread-safe; it reads files only in
 * {@link #open}.
 */
public final class HatsCatalog {
    private final Path directory;
    private final HatsProperties properties;
    private final CatalogTable table;
    private final String healpixColumn;
    private final int healpixOrder;
    private final String npixSuffix;
    private final List<HatsPartition> partitions;
    private final long rowCount;

    private HatsCatalog(Path directory, HatsProperties properties, CatalogTable table, String healpixColumn, int healpixOrder,
            String npixSuffix, List<HatsPartition> partitions, long rowCount) {
        this.directory = directory;
        this.properties = properties;
        this.table = table;
        this.healpixColumn = healpixColumn;
        this.healpixOrder = healpixOrder;
        this.npixSuffix = npixSuffix;
        this.partitions = List.copyOf(partitions);
        this.rowCount = rowCount;
    }

    /**
     * Opens the catalogue in {@code directory} (or the primary catalogue of the collection there).
     *
     * @throws HatsException when the folder is not a readable object or margin catalogue; the message says why
     */
    public static HatsCatalog open(Path directory) {
        requireNonNull(directory, "directory is null");
        Path collectionFile = directory.resolve(HatsProperties.COLLECTION_FILE_NAME);
        if (Files.isRegularFile(collectionFile)) {
            HatsProperties collection = HatsProperties.read(collectionFile);
            return open(directory.resolve(collection.require("hats_primary_table_url", collectionFile)));
        }
        HatsProperties properties = readProperties(directory);
        String type = properties.get("dataproduct_type").orElse("object");
        if (!type.equals("object") && !type.equals("margin")) {
            throw new HatsException("Expected a HATS catalogue of type object or margin in " + directory + ". Actual: " + type
                    + properties.get("hats_primary_table_url").map(url -> " (it serves the catalogue " + url + "; open that one)").orElse(""));
        }
        String healpixColumn = properties.get("hats_col_healpix").orElse(HatsCatalogWriter.HEALPIX_COLUMN);
        int healpixOrder = Math.toIntExact(properties.longValue("hats_col_healpix_order", HatsPixel.INDEX_ORDER, directory));
        String npixSuffix = properties.get("hats_npix_suffix").orElse(".parquet");
        Path dataset = directory.resolve("dataset");
        List<HatsPartition> partitions = HatsPartitionListing.partitions(directory, dataset, npixSuffix);
        FileMetaData schemaFooter = schemaFooter(directory, dataset, partitions);
        String name = properties.get("obs_collection").orElse(directory.getFileName().toString());
        CatalogTable table = HatsColumnMetadata.table(schemaFooter, name, properties.get("hats_col_ra").orElse("ra"),
                properties.get("hats_col_dec").orElse("dec"), healpixColumn);
        long rowCount = properties.get("hats_nrows").isPresent() ? properties.longValue("hats_nrows", 0, directory) : countRows(partitions);
        return new HatsCatalog(directory, properties, table, healpixColumn, healpixOrder, npixSuffix, partitions, rowCount);
    }

    private static HatsProperties readProperties(Path directory) {
        for (String fileName : List.of(HatsProperties.FILE_NAME, HatsProperties.LEGACY_FILE_NAME)) {
            Path file = directory.resolve(fileName);
            if (Files.isRegularFile(file)) {
                return HatsProperties.read(file);
            }
        }
        throw new HatsException("Expected hats.properties, properties or collection.properties in " + directory + ". Actual: none");
    }

    private static FileMetaData schemaFooter(Path directory, Path dataset, List<HatsPartition> partitions) {
        Path common = dataset.resolve(HatsMetadataFiles.COMMON_METADATA);
        if (Files.isRegularFile(common)) {
            return ParquetFooters.read(common);
        }
        for (HatsPartition partition : partitions) {
            if (!partition.files().isEmpty()) {
                return ParquetFooters.read(partition.files().get(0));
            }
        }
        throw new HatsException("Expected dataset/_common_metadata or a partition file in " + directory
                + " to learn the columns. Actual: neither");
    }

    private static long countRows(List<HatsPartition> partitions) {
        long rows = 0;
        for (HatsPartition partition : partitions) {
            for (Path file : partition.files()) {
                rows += ParquetFooters.read(file).getNum_rows();
            }
        }
        return rows;
    }

    /** The catalogue folder (for a collection: its primary catalogue's folder). */
    public Path directory() {
        return directory;
    }

    /** {@code obs_collection}, else the folder name. */
    public String name() {
        return table.name();
    }

    /** {@code object} or {@code margin}. */
    public String dataProductType() {
        return properties.get("dataproduct_type").orElse("object");
    }

    /** Every key of {@code hats.properties} (or {@code properties}). */
    public HatsProperties properties() {
        return properties;
    }

    /** The skysieve survey that wrote the catalogue, when skysieve wrote it. */
    public Optional<String> surveyName() {
        return properties.get(HatsCatalogProperties.SURVEY_KEY);
    }

    /**
     * The documented columns, without the HEALPix index column: exactly the table skysieve wrote, or for other
     * catalogues one derived from the Parquet schema and VOParquet metadata.
     */
    public CatalogTable table() {
        return table;
    }

    /** The HEALPix index column in the files ({@code hats_col_healpix}, {@code _healpix_29} by default). */
    public String healpixColumn() {
        return healpixColumn;
    }

    /** The order of {@link #healpixColumn()} ({@code hats_col_healpix_order}, 29 by default). */
    public int healpixOrder() {
        return healpixOrder;
    }

    public String npixSuffix() {
        return npixSuffix;
    }

    /** {@code hats_nrows}, else the rows counted in the partition files. */
    public long rowCount() {
        return rowCount;
    }

    /** The partitions, sorted by order then pixel. */
    public List<HatsPartition> partitions() {
        return partitions;
    }

    /** The partitions sharing area with the cell {@code pixel} at {@code order} (which may be deeper or shallower than theirs). Linear in the partition count. */
    public List<HatsPartition> partitionsOverlapping(int order, long pixel) {
        HatsPixel cell = new HatsPixel(order, pixel);
        return partitions.stream().filter(partition -> partition.pixel().overlaps(cell)).toList();
    }

    /** Every data file, in partition order. */
    public List<Path> dataFiles() {
        return files(partitions);
    }

    /**
     * A DuckDB list literal of the files of {@code selected} partitions, for {@code read_parquet([...])}, e.g.
     * {@code ['/data/x/dataset/Norder=0/Dir=0/Npix=11.parquet']}. Pass {@code hive_partitioning = false} to
     * read_parquet to keep DuckDB from adding Norder, Dir and Npix columns from the folder names.
     */
    public static String duckDbFileList(List<HatsPartition> selected) {
        return files(selected).stream().map(file -> SqlText.literal(file.toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@link #duckDbFileList(List)} of every partition. */
    public String duckDbFileList() {
        return duckDbFileList(partitions);
    }

    private static List<Path> files(List<HatsPartition> selected) {
        List<Path> files = new ArrayList<>();
        for (HatsPartition partition : selected) {
            files.addAll(partition.files());
        }
        return List.copyOf(files);
    }

    @Override
    public String toString() {
        return "HatsCatalog[" + directory + ", " + partitions.size() + " partitions, " + rowCount + " rows]";
    }

    static List<Path> listFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
