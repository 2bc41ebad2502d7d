package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.HealpixSqlFunction;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * Writes a catalogue in the HATS 1.0 layout:
 * <pre>
 * NAME/hats.properties, properties (the same, for older readers), partition_info.csv, skymap.fits,
 * NAME/dataset/_common_metadata, _metadata, Norder=k/Dir=d/Npix=n.parquet
 * </pre>
 * Every data file starts with the int64 column {@value #HEALPIX_COLUMN} (NESTED index at order 29 of ra, dec),
 * then the documented columns in documented order with their documented types; rows are sorted by the index (then
 * the id column). Column documentation travels in every Parquet file's key/value metadata
 * ({@link HatsColumnMetadata}).
 *
 * <p>Publishing is atomic ({@link CataloguePublisher}): on any failure nothing visible changes. The work runs in an
 * in-memory DuckDB that spills to a scratch folder inside the hidden building folder. Not thread-safe per target
 * folder; writes of different catalogues may run concurrently.
 */
public final class HatsCatalogWriter {
    public static final String HEALPIX_COLUMN = "_healpix_29";
    /**
     * Rows per Parquet row group. Small, so that a cone search reads only the row groups whose {@value #HEALPIX_COLUMN}
     * statistics overlap its ranges (a 0.1 deg cone touches a few thousand rows of a deep survey); 8k rows keep the
     * per-group overhead of full scans low (measured: a 0.1 deg cone over 1.2M rows went from 15.7 to 7.9 ms with 4k groups).
     * 2k groups were tried too (issue 3): the cone latency did not improve (within the noise of a loaded machine) and the
     * deep_optical files of a medium sky grew from 114 to 159 MB.
     */
    static final int ROW_GROUP_ROWS = 8_192;
    private static final String STAGED = "skysieve_staged";

    private HatsCatalogWriter() {
    }

    /**
     * Builds the HATS catalogue of {@code table} from staging Parquet files and publishes it at
     * {@code catalogueDir} atomically (built in a sibling folder, then renamed; a previous catalogue there is
     * replaced only once the new one is complete).
     *
     * @param stagingParquet a Parquet file or a glob of Parquet files holding exactly the documented columns
     *                       (no {@code _healpix_29}: it is computed from the ra and dec columns, in degrees)
     * @return the number of rows written
     * @throws HatsException when the staging data does not match the documentation or has an invalid position
     */
    public static long write(Path stagingParquet, CatalogTable table, String surveyName, HatsWriteOptions options, Path catalogueDir) {
        return write(stagingParquet, table, surveyName, options, catalogueDir, HatsWriteListener.NONE);
    }

    /** As {@link #write(Path, CatalogTable, String, HatsWriteOptions, Path)}, telling {@code listener} about each partition. */
    public static long write(Path stagingParquet, CatalogTable table, String surveyName, HatsWriteOptions options, Path catalogueDir,
            HatsWriteListener listener) {
        requireNonNull(stagingParquet, "stagingParquet is null");
        requireNonNull(table, "table is null");
        requireNonNull(surveyName, "surveyName is null");
        requireNonNull(options, "options is null");
        requireNonNull(catalogueDir, "catalogueDir is null");
        requireNonNull(listener, "listener is null");
        checkPositionColumns(table);
        try (CataloguePublisher publisher = CataloguePublisher.begin(catalogueDir)) {
            Path building = publisher.buildingFolder();
            Path scratch = building.resolve(".scratch");
            long rows;
            try (Connection connection = DuckDbConnections.openInMemory()) {
                Files.createDirectories(scratch);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET temp_directory = " + SqlText.literal(scratch.resolve("duckdb").toString()));
                }
                rows = build(connection, stagingParquet.toString(), table, surveyName, options, building, scratch, listener);
            } catch (SQLException e) {
                throw new HatsException("Cannot write catalogue " + catalogueDir + " from " + stagingParquet + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write catalogue " + catalogueDir, e);
            }
            Folders.deleteRecursively(scratch);
            publisher.publish();
            return rows;
        }
    }

    private static long build(Connection connection, String stagingGlob, CatalogTable table, String surveyName, HatsWriteOptions options,
            Path building, Path scratch, HatsWriteListener listener) throws SQLException, IOException {
        String source = "read_parquet(" + SqlText.literal(stagingGlob) + ")";
        List<String> stagingNames = StagingValidator.checkColumns(connection, source, table, HEALPIX_COLUMN);
        StagingValidator.checkPositions(connection, stagingGlob, stagingNames.get(indexOf(table, table.raColumn())),
                stagingNames.get(indexOf(table, table.decColumn())));
        HealpixSqlFunction.register(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + STAGED + " AS " + stagingSelect(table, stagingNames, source));
        }
        long totalRows = queryLong(connection, "SELECT count(*) FROM " + STAGED);
        List<AdaptivePartitioner.PartitionCount> partitions = choosePartitions(connection, options);

        Path dataset = Files.createDirectories(building.resolve("dataset"));
        String copyOptions = copyOptions(HatsColumnMetadata.keyValues(table, surveyName, HEALPIX_COLUMN));
        try (Statement statement = connection.createStatement()) {
            // Without this DuckDB marks a column REQUIRED in a file whose rows happen to have no null, so files of one
            // catalogue would differ in schema; with it every column is OPTIONAL, as in the files hats-import writes.
            statement.execute("SET disabled_optimizers = 'statistics_propagation'");
        }
        Path schemaFile = scratch.resolve("schema.parquet");
        // The empty-range filter gives the schema file the same shape (and nullability) as the partition files.
        copy(connection, rangeSelect(0, -1, table), schemaFile, copyOptions);

        List<String> relativeFiles = new ArrayList<>();
        long rowsWritten = 0;
        for (AdaptivePartitioner.PartitionCount partition : partitions) {
            HatsPixel pixel = partition.pixel();
            String relative = HatsPartition.relativePath(pixel, ".parquet");
            Path file = dataset.resolve(relative);
            Files.createDirectories(file.getParent());
            copy(connection, rangeSelect(pixel.firstIndex29(), pixel.lastIndex29(), table), file, copyOptions);
            relativeFiles.add(relative);
            rowsWritten += partition.rows();
            listener.partitionWritten(pixel, partition.rows(), rowsWritten, totalRows);
        }
        HatsMetadataFiles.write(dataset, ParquetFooters.read(schemaFile), relativeFiles, totalRows);
        writePartitionInfo(partitions, building.resolve("partition_info.csv"));
        SkymapFits.write(options.skymapOrder(), skymapCounts(connection, options.skymapOrder()), building.resolve(SkymapFits.FILE_NAME));
        Folders.deleteRecursively(scratch);

        HatsProperties properties = HatsCatalogProperties.of(table, surveyName, options, totalRows,
                partitions.stream().map(AdaptivePartitioner.PartitionCount::pixel).toList(), building);
        properties.write(building.resolve(HatsProperties.FILE_NAME));
        properties.write(building.resolve(HatsProperties.LEGACY_FILE_NAME));
        return totalRows;
    }

    private static void checkPositionColumns(CatalogTable table) {
        for (String position : List.of(table.raColumn(), table.decColumn())) {
            ColumnType type = table.column(position).orElseThrow().type();
            if (type != ColumnType.DOUBLE && type != ColumnType.FLOAT) {
                throw new HatsException("Expected position column " + position + " of table " + table.name() + " to be DOUBLE or FLOAT. Actual: " + type);
            }
        }
    }

    private static String stagingSelect(CatalogTable table, List<String> stagingNames, String source) {
        StringBuilder select = new StringBuilder("SELECT ");
        String ra = SqlText.identifier(stagingNames.get(indexOf(table, table.raColumn())));
        String dec = SqlText.identifier(stagingNames.get(indexOf(table, table.decColumn())));
        select.append(HealpixSqlFunction.NAME).append("(CAST(").append(ra).append(" AS DOUBLE), CAST(").append(dec)
                .append(" AS DOUBLE)) AS ").append(SqlText.identifier(HEALPIX_COLUMN));
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDoc column = table.columns().get(i);
            select.append(", CAST(").append(SqlText.identifier(stagingNames.get(i))).append(" AS ").append(column.type().sqlType())
                    .append(") AS ").append(SqlText.identifier(column.name()));
        }
        select.append(" FROM ").append(source).append(" ORDER BY 1, ").append(SqlText.identifier(table.idColumn()));
        return select.toString();
    }

    private static String rangeSelect(long firstIndex29, long lastIndex29, CatalogTable table) {
        String healpix = SqlText.identifier(HEALPIX_COLUMN);
        return "SELECT * FROM " + STAGED + " WHERE " + healpix + " BETWEEN " + firstIndex29 + " AND " + lastIndex29
                + " ORDER BY " + healpix + ", " + SqlText.identifier(table.idColumn());
    }

    private static String copyOptions(Map<String, String> keyValues) {
        StringBuilder metadata = new StringBuilder("{");
        keyValues.forEach((key, value) -> {
            if (metadata.length() > 1) {
                metadata.append(", ");
            }
            metadata.append(SqlText.literal(key)).append(": ").append(SqlText.literal(value));
        });
        metadata.append('}');
        return "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE " + ROW_GROUP_ROWS + ", KV_METADATA " + metadata + ")";
    }

    private static void copy(Connection connection, String select, Path file, String copyOptions) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO " + SqlText.literal(file.toString()) + " " + copyOptions);
        }
    }

    private static List<AdaptivePartitioner.PartitionCount> choosePartitions(Connection connection, HatsWriteOptions options) throws SQLException {
        CellCounts counts = CellCounts.query(connection, STAGED, HEALPIX_COLUMN, options.highestOrder());
        return AdaptivePartitioner.partition(options.highestOrder(), counts.cells(), counts.counts(), options.maxRowsPerPartition());
    }

    private static long[] skymapCounts(Connection connection, int order) throws SQLException {
        CellCounts counts = CellCounts.query(connection, STAGED, HEALPIX_COLUMN, order);
        long[] map = new long[Math.toIntExact(HatsPixel.cellCount(order))];
        for (int i = 0; i < counts.cells().length; i++) {
            map[Math.toIntExact(counts.cells()[i])] = counts.counts()[i];
        }
        return map;
    }

    private static void writePartitionInfo(List<AdaptivePartitioner.PartitionCount> partitions, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("Norder,Npix\n");
        for (AdaptivePartitioner.PartitionCount partition : partitions) {
            csv.append(partition.pixel().order()).append(',').append(partition.pixel().pixel()).append('\n');
        }
        Files.writeString(file, csv);
    }

    private static int indexOf(CatalogTable table, String columnName) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        throw new IllegalStateException("Column " + columnName + " is not documented in table " + table.name());
    }

    private static long queryLong(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
