package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.testing.SharedTestData;

/** Opens every catalogue of ../shared/data/hats (written by hats-import) and checks what the reader says against the files. */
class HatsCatalogReadTest {
    /** Folders that are not readable object or margin catalogues, and the reason the reader must give. */
    private static final Map<String, String> EXPECTED_FAILURES = Map.of(
            "hats/info_only/catalog", "Expected partition_info.csv or a dataset folder",
            "hats/info_only/dataset", "Expected partition_info.csv or a dataset folder",
            "hats/info_only/margin_cache", "Expected partition_info.csv or a dataset folder",
            "hats/info_only/index_catalog", "Actual: index (it serves the catalogue catalog; open that one)",
            "hats/info_only/collection", "Expected hats.properties, properties or collection.properties",
            "hats/small_sky_o1_collection/small_sky_order1_id_index", "Actual: index",
            "lsdb/small_sky_order1_collection/small_sky_order1_id_index", "Actual: index",
            "lsdb/small_sky_healpix13/small_sky_healpix13_id", "Actual: index",
            "lsdb/square_map", "Actual: map");

    @Test
    void everySharedCatalogueOpensOrIsReportedClearly() throws Exception {
        Path hats = SharedTestData.folder("hats");
        List<Path> folders = catalogueFolders(hats);
        assertThat(folders).hasSizeGreaterThanOrEqualTo(25);
        int opened = 0;
        List<String> failed = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory()) {
            for (Path folder : folders) {
                String relative = hats.relativize(folder).toString();
                if (EXPECTED_FAILURES.containsKey(relative)) {
                    assertThatThrownBy(() -> HatsCatalog.open(folder)).as(relative)
                            .isInstanceOf(HatsException.class).hasMessageContaining(EXPECTED_FAILURES.get(relative));
                    failed.add(relative);
                    continue;
                }
                HatsCatalog catalog = HatsCatalog.open(folder);
                checkAgainstFiles(catalog, connection, relative);
                opened++;
            }
        }
        assertThat(failed).containsExactlyInAnyOrderElementsOf(EXPECTED_FAILURES.keySet());
        assertThat(opened).isEqualTo(folders.size() - EXPECTED_FAILURES.size());
    }

    @Test
    void collectionOpensItsPrimaryCatalogue() {
        Path collection = SharedTestData.folder("hats/lsdb/small_sky_order1_collection");
        HatsCatalog catalog = HatsCatalog.open(collection);
        assertThat(catalog.directory()).isEqualTo(collection.resolve("small_sky_order1"));
        assertThat(catalog.partitions()).extracting(HatsPartition::pixel).containsExactly(
                new HatsPixel(1, 44), new HatsPixel(1, 45), new HatsPixel(1, 46), new HatsPixel(1, 47));
        assertThat(catalog.rowCount()).isEqualTo(131);
    }

    @Test
    void layoutVariantsAndDerivedColumnDocs() {
        HatsCatalog asDirectory = HatsCatalog.open(SharedTestData.folder("hats/lsdb/small_sky_npix_as_dir"));
        assertThat(asDirectory.npixSuffix()).isEqualTo("/");
        assertThat(asDirectory.partitions().get(0).files()).singleElement()
                .satisfies(file -> assertThat(file.toString()).endsWith("Norder=0/Dir=0/Npix=11/part0.parquet"));

        HatsCatalog altSuffix = HatsCatalog.open(SharedTestData.folder("hats/lsdb/small_sky_npix_alt_suffix"));
        assertThat(altSuffix.dataFiles()).singleElement().satisfies(file -> assertThat(file.toString()).endsWith("Npix=11.parq"));

        HatsCatalog healpix13 = HatsCatalog.open(SharedTestData.folder("hats/lsdb/small_sky_healpix13"));
        assertThat(healpix13.healpixColumn()).isEqualTo("healpix13");
        assertThat(healpix13.healpixOrder()).isEqualTo(13);

        HatsCatalog smallSky = HatsCatalog.open(SharedTestData.folder("hats/lsdb/small_sky"));
        assertThat(smallSky.table().columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("id:LONG", "ra:DOUBLE", "dec:DOUBLE", "ra_error:LONG", "dec_error:LONG");
        assertThat(smallSky.table().idColumn()).isEqualTo("id");
        assertThat(smallSky.surveyName()).isEmpty();
    }

    @Test
    void pruningKeepsExactlyTheOverlappingPartitions() {
        HatsCatalog catalog = HatsCatalog.open(SharedTestData.folder("hats/lsdb/small_sky_xmatch_margin"));
        // Margin partitions mix orders 0 and 1: a query cell at order 2 inside Npix=44 (order 1), itself in base cell 11.
        assertThat(catalog.partitionsOverlapping(2, 44 * 4 + 3)).extracting(HatsPartition::pixel).containsExactly(new HatsPixel(1, 44));
        assertThat(catalog.partitionsOverlapping(0, 11)).extracting(HatsPartition::pixel)
                .containsExactly(new HatsPixel(1, 44), new HatsPixel(1, 45), new HatsPixel(1, 46), new HatsPixel(1, 47));
        assertThat(catalog.partitionsOverlapping(3, 4 * 64 + 17)).extracting(HatsPartition::pixel).containsExactly(new HatsPixel(0, 4));
        assertThat(catalog.partitionsOverlapping(0, 1)).isEmpty();
    }

    /** Partition list against partition_info.csv, rows against footers and _metadata, index values against Npix. */
    private static void checkAgainstFiles(HatsCatalog catalog, Connection connection, String relative) throws Exception {
        Path infoFile = catalog.directory().resolve("partition_info.csv");
        if (Files.isRegularFile(infoFile)) {
            assertThat(catalog.partitions()).as(relative).hasSize((int) Files.readAllLines(infoFile).stream().skip(1).filter(l -> !l.isBlank()).count());
        }
        long footerRows = 0;
        for (HatsPartition partition : catalog.partitions()) {
            assertThat(partition.files()).as(relative).isNotEmpty();
            for (Path file : partition.files()) {
                footerRows += ParquetFooters.read(file).getNum_rows();
            }
        }
        assertThat(catalog.rowCount()).as(relative).isEqualTo(footerRows);
        Path metadata = catalog.directory().resolve("dataset/_metadata");
        if (Files.isRegularFile(metadata)) {
            FileMetaData merged = ParquetFooters.read(metadata);
            assertThat(merged.getRow_groups().stream().mapToLong(RowGroup::getNum_rows).sum()).as(relative).isEqualTo(footerRows);
        }
        assertThat(catalog.table().column(catalog.table().raColumn())).as(relative).isPresent();
        if (catalog.partitions().isEmpty()) {
            return;
        }
        // Every row of a partition lies in the partition's cell (margins excepted: their rows lie near it, outside).
        if (catalog.dataProductType().equals("object")) {
            String sql = "SELECT count(*) FROM (SELECT \"" + catalog.healpixColumn() + "\" AS h, "
                    + "CAST(regexp_extract(filename, 'Norder=(\\d+)', 1) AS INTEGER) AS k, "
                    + "CAST(regexp_extract(filename, 'Npix=(\\d+)', 1) AS BIGINT) AS n "
                    + "FROM read_parquet(" + catalog.duckDbFileList() + ", filename = true, hive_partitioning = false)) "
                    + "WHERE h >> (2 * (" + catalog.healpixOrder() + " - k)) <> n";
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                assertThat(result.getLong(1)).as(relative + ": rows outside their partition").isZero();
            }
        }
    }

    private static List<Path> catalogueFolders(Path root) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isDirectory)
                    .filter(folder -> !folder.toString().contains("/dataset/"))
                    .filter(folder -> Files.isRegularFile(folder.resolve("hats.properties")) || Files.isRegularFile(folder.resolve("properties"))
                            || Files.isRegularFile(folder.resolve("collection.properties")))
                    .forEach(folders::add);
        }
        folders.sort(null);
        return folders;
    }
}
