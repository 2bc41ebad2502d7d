package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.testing.SharedTestData;

/** Writes catalogues and compares them with the real HATS catalogues of ../shared/data/hats and with their input. */
class HatsCatalogWriterTest {
    @TempDir
    Path temp;

    @Test
    void smallSkyHasTheStructureAndIndexValuesOfTheRealCatalogue() throws Exception {
        Path real = SharedTestData.folder("hats/lsdb/small_sky");
        Path staging = TestTables.writeSmallSky(SharedTestData.folder("catalogs/lsdb_small_sky").resolve("small_sky.csv"), temp.resolve("staging.parquet"));
        Path written = temp.resolve("survey/small_sky");

        long rows = HatsCatalogWriter.write(staging, TestTables.smallSky(), "lsdb", new HatsWriteOptions(1_000_000, 10, 5), written);

        assertThat(rows).isEqualTo(131);
        assertThat(Files.readString(written.resolve("partition_info.csv"))).isEqualTo(Files.readString(real.resolve("partition_info.csv")));
        HatsProperties ours = HatsProperties.read(written.resolve("hats.properties"));
        HatsProperties theirs = HatsProperties.read(real.resolve("hats.properties"));
        Set<String> expectedKeys = new HashSet<>(theirs.values().keySet());
        expectedKeys.remove("hats_release_date"); // the release date of the hats library, not of the catalogue
        expectedKeys.add("skysieve_survey");
        assertThat(ours.values().keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
        for (String key : List.of("obs_collection", "dataproduct_type", "hats_nrows", "hats_col_ra", "hats_col_dec", "hats_col_healpix",
                "hats_col_healpix_order", "hats_npix_suffix", "hats_skymap_order", "hats_version", "hats_max_rows", "hats_order", "moc_sky_fraction")) {
            assertThat(ours.values().get(key)).as(key).isEqualTo(theirs.values().get(key));
        }
        assertThat(ours.values().get("hats_creation_date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dUTC");
        assertThat(Files.readString(written.resolve("properties"))).isEqualTo(Files.readString(written.resolve("hats.properties")));

        String file = "Norder=0/Dir=0/Npix=11.parquet";
        assertThat(written.resolve("dataset").resolve(file)).isRegularFile();
        try (Connection connection = DuckDbConnections.openInMemory()) {
            assertThat(columnNames(connection, written.resolve("dataset").resolve(file)))
                    .isEqualTo(columnNames(connection, real.resolve("dataset").resolve(file)));
            // The same _healpix_29 for every id as hats-import computed.
            assertThat(queryLong(connection, "SELECT count(*) FROM read_parquet(" + SqlText.literal(written.resolve("dataset").resolve(file).toString())
                    + ") o JOIN read_parquet(" + SqlText.literal(real.resolve("dataset").resolve(file).toString()) + ") r USING (id) "
                    + "WHERE o._healpix_29 = r._healpix_29 AND o.ra = r.ra AND o.dec = r.dec")).isEqualTo(131);
            assertSortedByIndex(connection, written.resolve("dataset").resolve(file));
            // DuckDB reads our _metadata footer: one row group of 131 rows.
            assertThat(queryLong(connection, "SELECT sum(row_group_num_rows) FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                    + SqlText.literal(written.resolve("dataset/_metadata").toString()) + "))")).isEqualTo(131);
        }
        FileMetaData metadata = ParquetFooters.read(written.resolve("dataset/_metadata"));
        FileMetaData realMetadata = ParquetFooters.read(real.resolve("dataset/_metadata"));
        assertThat(filePaths(metadata)).isEqualTo(filePaths(realMetadata)).containsExactly(file);
        assertThat(metadata.getNum_rows()).isEqualTo(131);
        FileMetaData common = ParquetFooters.read(written.resolve("dataset/_common_metadata"));
        assertThat(common.getRow_groups()).isEmpty();
        assertThat(common.getSchema()).isEqualTo(metadata.getSchema());
        assertThat(ParquetFooters.keyValues(common)).containsKeys(HatsColumnMetadata.VOPARQUET_VERSION_KEY, HatsColumnMetadata.TABLE_KEY);

        // skymap.fits: the same counts at order 5 and the same header keywords as hats-import's.
        assertThat(SkymapFits.read(written.resolve("skymap.fits")).counts()).isEqualTo(SkymapFits.read(real.resolve("skymap.fits")).counts());
        assertThat(header(written.resolve("skymap.fits"), 0)).isEqualTo(header(real.resolve("skymap.fits"), 0));
        Map<String, String> ourHeader = header(written.resolve("skymap.fits"), 1);
        Map<String, String> theirHeader = header(real.resolve("skymap.fits"), 1);
        assertThat(ourHeader.keySet()).containsExactlyElementsOf(theirHeader.keySet());
        theirHeader.remove("CREATOR");
        assertThat(ourHeader).containsAllEntriesOf(theirHeader);

        HatsCatalog reopened = HatsCatalog.open(written);
        assertThat(reopened.table()).isEqualTo(TestTables.smallSky());
        assertThat(reopened.surveyName()).contains("lsdb");
        assertThat(reopened.partitions()).extracting(HatsPartition::pixel).containsExactly(new HatsPixel(0, 11));
    }

    @Test
    void multiPartitionWriteKeepsEveryRowOnceInItsCellSorted() throws Exception {
        Path staging = TestTables.writeGenerated(temp.resolve("staging.parquet"), 3_000);
        Path written = temp.resolve("survey/objects");
        HatsWriteOptions options = new HatsWriteOptions(150, 7, 6);
        List<String> progress = new ArrayList<>();

        long rows = HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", options, written,
                (pixel, partitionRows, rowsWritten, totalRows) -> progress.add(pixel + ":" + rowsWritten + "/" + totalRows));

        assertThat(rows).isEqualTo(3_000);
        HatsCatalog catalog = HatsCatalog.open(written);
        assertThat(catalog.partitions()).hasSizeGreaterThan(10);
        assertThat(catalog.partitions()).extracting(HatsPartition::order).contains(0, 7);
        assertThat(progress).hasSize(catalog.partitions().size()).last().asString().endsWith(":3000/3000");
        assertThat(catalog.properties().get("hats_order")).contains(Integer.toString(
                catalog.partitions().stream().mapToInt(HatsPartition::order).max().orElseThrow()));
        try (Connection connection = DuckDbConnections.openInMemory()) {
            String files = "read_parquet(" + catalog.duckDbFileList() + ", filename = true, hive_partitioning = false)";
            String input = "read_parquet(" + SqlText.literal(staging.toString()) + ")";
            // The union of the partitions is the input, row for row.
            String columns = "source_id, ra, dec, mag_r, r_status, n_epochs, flags, is_star, name";
            assertThat(queryLong(connection, "SELECT count(*) FROM (SELECT " + columns + " FROM " + files + " EXCEPT ALL SELECT " + columns + " FROM " + input + ")")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM (SELECT " + columns + " FROM " + input + " EXCEPT ALL SELECT " + columns + " FROM " + files + ")")).isZero();
            // Every row lies in its partition's cell.
            assertThat(queryLong(connection, "SELECT count(*) FROM " + files + " WHERE _healpix_29 >> (2 * (29 - CAST(regexp_extract(filename, 'Norder=(\\d+)', 1) AS INTEGER)))"
                    + " <> CAST(regexp_extract(filename, 'Npix=(\\d+)', 1) AS BIGINT)")).isZero();
            for (HatsPartition partition : catalog.partitions()) {
                Path file = partition.files().get(0);
                assertSortedByIndex(connection, file);
                long partitionRows = queryLong(connection, "SELECT count(*) FROM read_parquet(" + SqlText.literal(file.toString()) + ")");
                assertThat(partitionRows <= options.maxRowsPerPartition() || partition.order() == options.highestOrder())
                        .as("%s holds %d rows", partition.pixel(), partitionRows).isTrue();
            }
        }
        FileMetaData metadata = ParquetFooters.read(written.resolve("dataset/_metadata"));
        assertThat(metadata.getRow_groups().stream().mapToLong(RowGroup::getNum_rows).sum()).isEqualTo(3_000);
        assertThat(new HashSet<>(filePaths(metadata))).isEqualTo(new HashSet<>(catalog.partitions().stream()
                .map(p -> HatsPartition.relativePath(p.pixel(), ".parquet")).toList()));
        long[] skymap = SkymapFits.read(written.resolve("skymap.fits")).counts();
        assertThat(skymap).hasSize(12 * 4096);
        assertThat(java.util.Arrays.stream(skymap).sum()).isEqualTo(3_000);
    }

    @Test
    void columnDocumentationRoundTripsExactly() throws Exception {
        Path staging = TestTables.writeGenerated(temp.resolve("staging.parquet"), 200);
        Path written = temp.resolve("survey/objects");
        CatalogTable table = TestTables.generated();

        HatsCatalogWriter.write(staging, table, "synthetic", new HatsWriteOptions(50, 5, 3), written);

        assertThat(HatsCatalog.open(written).table()).isEqualTo(table);
        for (Path file : HatsCatalog.open(written).dataFiles()) {
            assertThat(HatsColumnMetadata.table(ParquetFooters.read(file), "ignored", "ra", "dec", "_healpix_29")).isEqualTo(table);
        }
    }

    @Test
    void emptyStagingGivesAnEmptyButReadableCatalogue() throws Exception {
        Path staging = temp.resolve("empty.parquet");
        TestTables.copy("SELECT * FROM read_parquet('" + TestTables.writeGenerated(temp.resolve("full.parquet"), 10) + "') LIMIT 0", staging);
        Path written = temp.resolve("survey/objects");

        assertThat(HatsCatalogWriter.write(staging, TestTables.generated(), "synthetic", new HatsWriteOptions(10, 3, 1), written)).isZero();

        HatsCatalog catalog = HatsCatalog.open(written);
        assertThat(catalog.partitions()).isEmpty();
        assertThat(catalog.rowCount()).isZero();
        assertThat(catalog.table()).isEqualTo(TestTables.generated());
        assertThat(Files.readString(written.resolve("partition_info.csv"))).isEqualTo("Norder,Npix\n");
        assertThat(catalog.properties().get("moc_sky_fraction")).contains("0");
    }

    private static void assertSortedByIndex(Connection connection, Path file) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT _healpix_29 < lag(_healpix_29) OVER (ORDER BY file_row_number) AS descending "
                + "FROM read_parquet(" + SqlText.literal(file.toString()) + ", file_row_number = true)) WHERE descending";
        assertThat(queryLong(connection, sql)).as("rows out of order in %s", file).isZero();
    }

    private static List<String> filePaths(FileMetaData metadata) {
        List<String> paths = new ArrayList<>();
        for (RowGroup rowGroup : metadata.getRow_groups()) {
            for (ColumnChunk chunk : rowGroup.getColumns()) {
                if (!paths.contains(chunk.getFile_path())) {
                    paths.add(chunk.getFile_path());
                }
            }
        }
        return paths;
    }

    private static List<String> columnNames(Connection connection, Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT name FROM parquet_schema(" + SqlText.literal(file.toString()) + ") WHERE name <> 'schema' AND name <> 'duckdb_schema'")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, String> header(Path fitsFile, int hduIndex) throws Exception {
        Map<String, String> cards = new LinkedHashMap<>();
        try (Fits fits = new Fits(fitsFile.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            Header header = hdus[hduIndex].getHeader();
            Cursor<String, HeaderCard> cursor = header.iterator();
            while (cursor.hasNext()) {
                HeaderCard card = cursor.next();
                if (card.getKey() != null && !card.getKey().isBlank() && !card.getKey().equals("END")) {
                    cards.put(card.getKey(), card.getValue());
                }
            }
        }
        return cards;
    }
}
