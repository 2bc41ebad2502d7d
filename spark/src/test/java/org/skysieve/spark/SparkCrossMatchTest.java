package org.skysieve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.format.FileMetaData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsColumnMetadata;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.catalog.hats.HatsProperties;
import org.skysieve.catalog.hats.ParquetFooters;
import org.skysieve.catalog.hats.SkymapFits;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchResult;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SkyMatcher;

/**
 * The Spark cross-match gives exactly what the single-machine engine gives on the whole tables (pairs, distances,
 * candidates, ranks and whole-sky mates), in every mode, with pairs across partition edges and the RA 0/360 line.
 */
class SparkCrossMatchTest {
    private static final double RADIUS_ARCSEC = 90.0;
    /** The keys of the hats.properties of hats-import's sample catalogues (/work/shared/data/hats/lsdb/small_sky*), less the release date. */
    private static final List<String> SAMPLE_PROPERTY_KEYS = List.of("obs_collection", "dataproduct_type", "hats_nrows", "hats_col_ra", "hats_col_dec",
            "hats_col_healpix", "hats_col_healpix_order", "hats_npix_suffix", "hats_skymap_order", "hats_builder", "hats_creation_date", "hats_estsize",
            "hats_version", "hats_order", "moc_sky_fraction");
    @TempDir
    static Path folder;
    static TestCatalogues.Written left;
    static TestCatalogues.Written right;

    @BeforeAll
    static void writeCatalogues() throws IOException, SQLException {
        TestCatalogues.Written[] pair = TestCatalogues.pair(folder);
        left = pair[0];
        right = pair[1];
        assertThat(HatsCatalog.open(left.directory()).partitions()).hasSizeGreaterThan(8);
    }

    @ParameterizedTest
    @EnumSource(MatchMode.class)
    void pairsEqualTheSingleMachineEngine(MatchMode mode) throws IOException, InterruptedException {
        SparkSession spark = TestSpark.session();
        Path output = folder.resolve("out-" + mode.word());
        SparkCrossMatch.Summary summary = SparkCrossMatch.run(spark, new SparkCrossMatch.Request(left.directory().toString(),
                right.directory().toString(), mode, RADIUS_ARCSEC, List.of(), List.of("id", "mag_r"), output.toString()));

        List<Row> rows = HatsDataFrames.read(spark, output.toString()).collectAsList();
        List<String> expected = whole(mode);
        assertSamePairs(pairs(rows), expected, "from Spark's result", "Spark found");
        assertThat(summary.pairs()).isEqualTo(expected.size());
        assertThat(rows.get(0).schema().fieldNames()).containsExactly("id_1", "ra", "dec", "id_2", "mag_r", "separation_arcsec", "candidates",
                "rank", "mates", "_healpix_29");

        // the cases that make partitioned matching hard are there: pairs across the RA 0/360 line and across partition edges
        HatsCatalog written = HatsCatalog.open(output);
        HatsCatalog leftCatalog = HatsCatalog.open(left.directory());
        Map<Long, HatsPixel> homeOfRight = homes(leftCatalog, right.table());
        Map<Long, HatsPixel> homeOfLeft = homes(leftCatalog, left.table());
        long acrossWrap = rows.stream().filter(row -> Math.abs(row.getDouble(1) - rightRa(row.getLong(3))) > 180).count();
        long acrossEdges = rows.stream().filter(row -> !homeOfLeft.get(row.getLong(0)).equals(homeOfRight.get(row.getLong(3)))).count();
        assertThat(acrossWrap).isPositive();
        assertThat(acrossEdges).isPositive();
        if (mode != MatchMode.SYMMETRIC) {
            // mutual best pairs never share a right row; in the other modes whole-sky mates are tested above
            assertThat(rows.stream().filter(row -> row.getLong(row.fieldIndex("mates")) > 0).count()).isPositive();
        }
        // written as HATS: each partition one of the left's, rows sorted by their index
        assertThat(written.rowCount()).isEqualTo(expected.size());
        assertThat(leftCatalog.partitions().stream().map(p -> p.pixel()).toList())
                .containsAll(written.partitions().stream().map(p -> p.pixel()).toList());
        assertCompleteHats(output, rows, written);
        if (mode == MatchMode.BEST) {
            assertHealpyReadsTheSkymap(output, rows);
        }
    }

    /**
     * The files of the single-machine writer are there and agree with the rows: {@code _metadata} holds every row group,
     * {@code skymap.fits} the rows per cell, and the catalog module's reader finds every column documented, from
     * {@code _common_metadata} and from each data file's key/value metadata, carried columns as in their catalogue.
     */
    private static void assertCompleteHats(Path output, List<Row> rows, HatsCatalog written) throws IOException {
        for (String file : List.of("hats.properties", "properties", "partition_info.csv", "skymap.fits", "dataset/_metadata", "dataset/_common_metadata")) {
            assertThat(output.resolve(file)).as(file).isRegularFile();
        }
        assertThat(HatsProperties.read(output.resolve("hats.properties")).values().keySet()).containsAll(SAMPLE_PROPERTY_KEYS);
        FileMetaData merged = ParquetFooters.read(output.resolve("dataset/_metadata"));
        assertThat(merged.getNum_rows()).isEqualTo(rows.size());
        assertThat(merged.getRow_groups().stream().map(group -> group.getColumns().get(0).getFile_path()).distinct().count())
                .isEqualTo(written.partitions().size());

        CatalogTable table = written.table();
        assertThat(table.columns().stream().map(ColumnDoc::name)).containsExactly("id_1", "ra", "dec", "id_2", "mag_r", "separation_arcsec",
                "candidates", "rank", "mates");
        assertThat(table.columns()).allSatisfy(column -> {
            assertThat(column.description()).as(column.name()).isNotEmpty();
            assertThat(column.ucd()).as(column.name()).isNotEmpty();
        });
        assertThat(table.column("separation_arcsec").orElseThrow().unit()).isEqualTo("arcsec");
        ColumnDoc magnitude = HatsCatalog.open(right.directory()).table().column("mag_r").orElseThrow();
        assertThat(table.column("mag_r")).contains(magnitude);
        assertThat(table.column("id_1").orElseThrow()).isEqualTo(renamed(HatsCatalog.open(left.directory()).table().column("id").orElseThrow(), "id_1"));
        for (var partition : written.partitions()) {
            Path file = output.resolve("dataset").resolve(HatsPartition.relativePath(partition.pixel(), ".parquet"));
            assertThat(HatsColumnMetadata.table(ParquetFooters.read(file), "", "", "", "_healpix_29")).as(file.toString()).isEqualTo(table);
        }

        SkymapFits.Skymap skymap = SkymapFits.read(output.resolve("skymap.fits"));
        long[] expected = new long[skymap.counts().length];
        rows.forEach(row -> expected[(int) (row.getLong(row.fieldIndex("_healpix_29")) >>> (2 * (29 - skymap.order())))]++);
        assertThat(skymap.counts()).isEqualTo(expected);
    }

    private static ColumnDoc renamed(ColumnDoc column, String name) {
        return new ColumnDoc(name, column.type(), column.unit(), column.ucd(), column.description(), column.nullMeaning(), column.band(), column.flags());
    }

    /** healpy (Debian python3-healpy), as a HATS user would, reads skymap.fits: NESTED, the rows of the catalogue. */
    private static void assertHealpyReadsTheSkymap(Path output, List<Row> rows) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import healpy").start().waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3 with healpy (Debian python3-healpy)");
        }
        if (!present) {
            System.err.println("python3-healpy absent; skipping the healpy check of skymap.fits");
            return;
        }
        String script = "import sys, healpy\nm, h = healpy.read_map(sys.argv[1], nest=True, h=True, dtype=None)\n"
                + "print(dict(h)['ORDERING'], healpy.npix2nside(len(m)), int(m.sum()))";
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, output.resolve("skymap.fits").toString()).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        String[] lines = printed.strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("NESTED 256 " + rows.size());
    }

    @org.junit.jupiter.api.Test
    void anUploadedTableAgainstACatalogueEqualsTheSingleMachineEngine() throws IOException {
        StringBuilder csv = new StringBuilder("id,RAJ2000,DEJ2000\n");
        LoadedTable table = left.table();
        for (int i = 0; i < table.rowCount(); i++) {
            csv.append(table.columns().get(0).text(i)).append(',').append(((Column.DoubleColumn) table.columns().get(1)).values()[i]).append(',')
                    .append(((Column.DoubleColumn) table.columns().get(2)).values()[i]).append('\n');
        }
        Path upload = folder.resolve("upload.csv");
        java.nio.file.Files.writeString(upload, csv);
        Path output = folder.resolve("out-upload");
        SparkSession spark = TestSpark.session();
        SparkCrossMatch.run(spark, new SparkCrossMatch.Request(upload.toString(), right.directory().toString(), MatchMode.BEST, RADIUS_ARCSEC,
                List.of(), List.of("id"), output.toString()));
        List<String> found = new ArrayList<>();
        for (Row row : HatsDataFrames.read(spark, output.toString()).collectAsList()) {
            found.add(row.get(row.fieldIndex("id_1")) + " " + row.getLong(row.fieldIndex("id_2")) + " " + row.getDouble(row.fieldIndex("separation_arcsec"))
                    + " " + row.getLong(row.fieldIndex("candidates")) + " " + row.getLong(row.fieldIndex("rank")) + " " + row.getLong(row.fieldIndex("mates")));
        }
        found.sort(null);
        assertThat(found).isEqualTo(whole(MatchMode.BEST));
        assertThat(java.nio.file.Files.list(folder).map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".upload"));
    }

    /**
     * With the margin cache of the right catalogue written in finer partitions (threshold 120" for a 90" radius, so left
     * cells hold several right partitions, and right partitions several left cells), each piece reads the right partitions over
     * its cell and their margin files instead of the partitions around it: the pair sets stay exactly those of the
     * engine on the whole tables (best, and symmetric, which also reads left margins; all reads the right rows as best
     * does), including pieces whose cell holds several right partitions (a margin
     * row in several of their margin files is read once).
     */
    @ParameterizedTest
    @EnumSource(value = MatchMode.class, names = {"BEST", "SYMMETRIC"})
    void pairsEqualTheSingleMachineEngineWithTheMarginCache(MatchMode mode) {
        SparkSession spark = TestSpark.session();
        String margin = rightMargin(spark);
        Path output = folder.resolve("out-margin-" + mode.word());
        SparkCrossMatch.Summary summary = SparkCrossMatch.run(spark, new SparkCrossMatch.Request(left.directory().toString(),
                rightFine.directory().toString(), mode, RADIUS_ARCSEC, List.of(), List.of("id", "mag_r"), output.toString(), MarginOption.at(margin)));
        assertThat(summary.rightReads()).contains("margin cache " + margin).contains("pieces read it");

        assertSamePairs(pairs(HatsDataFrames.read(spark, output.toString()).collectAsList()), whole(mode),
                "with the margin cache", "found with the margin cache");
    }

    /** The plans with the cache: most pieces read it, and some read several right partitions and their margin files. */
    @org.junit.jupiter.api.Test
    void piecesReadTheRightPartitionsOverTheirCellAndTheirMarginFiles() {
        SparkSession spark = TestSpark.session();
        HadoopFiles hadoop = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        String margin = rightMargin(spark);
        SparkCatalogue leftCatalogue = SparkCatalogue.open(hadoop, left.directory().toString());
        SparkCatalogue rightCatalogue = SparkCatalogue.open(hadoop, rightFine.directory().toString());
        double marginRad = org.skysieve.sky.Angles.arcsecToRad(RADIUS_ARCSEC);
        List<PiecePlan> around = MatchPlanner.plan(leftCatalogue, rightCatalogue, MatchMode.BEST, marginRad);
        MarginPlanner.Planned planned = MarginPlanner.plan(around, hadoop, rightCatalogue, MarginOption.at(margin), marginRad);
        assertThat(planned.readingMargins()).isGreaterThan(planned.plans().size() / 2);
        assertThat(planned.plans().stream().filter(plan -> plan.rightMarginFiles().size() > 1).count()).as("pieces over several right partitions")
                .isPositive();
        long filesAround = around.stream().mapToLong(plan -> plan.rightFiles().size()).sum();
        long filesWithMargins = planned.plans().stream().filter(plan -> !plan.rightMarginFiles().isEmpty()).mapToLong(plan -> plan.rightFiles().size())
                .sum();
        assertThat(filesWithMargins).isLessThan(filesAround);
        // without a cache, or with one below the margin, the plans stay and the reason is given
        assertThat(MarginPlanner.plan(around, hadoop, rightCatalogue, MarginOption.beside(), marginRad).describe())
                .startsWith("no usable margin cache beside").contains("build one with `skysieve spark margins`");
        assertThat(MarginPlanner.plan(around, hadoop, rightCatalogue, MarginOption.at(margin), 2 * marginRad).describe())
                .contains("its threshold 120.0 arcsec is below the margin needed, 180.000 arcsec");
    }

    private static String rightMarginFolder;
    private static TestCatalogues.Written rightFine;

    /**
     * The right rows written again in partitions of at most 100 rows, and their margin cache at 120 arcsec, built once,
     * away from the catalogue (the tests without a cache must not find it).
     */
    private static synchronized String rightMargin(SparkSession spark) {
        if (rightMarginFolder == null) {
            try {
                LoadedTable rows = right.table();
                double[][] positions = {((Column.DoubleColumn) rows.columns().get(1)).values(), ((Column.DoubleColumn) rows.columns().get(2)).values()};
                rightFine = TestCatalogues.write(folder, "right_fine", positions, 1_000_000, 100);
            } catch (IOException | SQLException e) {
                throw new AssertionError(e);
            }
            rightMarginFolder = SparkMargins.build(spark, rightFine.directory().toString(), 120, java.util.Optional.of(folder.resolve("margins")
                    .resolve("right_fine_margin_120arcsec").toString())).output();
        }
        return rightMarginFolder;
    }

    private static double rightRa(long id) {
        return ((Column.DoubleColumn) right.table().columns().get(1)).values()[(int) (id - 1_000_000)];
    }

    /** The left partition holding each row's position (by id). */
    private static Map<Long, HatsPixel> homes(HatsCatalog catalog, LoadedTable table) {
        Map<Long, HatsPixel> homes = new HashMap<>();
        long[] ids = ((Column.LongColumn) table.columns().get(0)).values();
        double[] ra = ((Column.DoubleColumn) table.columns().get(1)).values();
        double[] dec = ((Column.DoubleColumn) table.columns().get(2)).values();
        for (int i = 0; i < ids.length; i++) {
            long index = org.skysieve.sky.healpix.HealpixNested.hash(29, Math.toRadians(ra[i]), Math.toRadians(dec[i]));
            HatsPixel home = null;
            for (var partition : catalog.partitions()) {
                if (partition.pixel().firstIndex29() <= index && index <= partition.pixel().lastIndex29()) {
                    home = partition.pixel();
                }
            }
            homes.put(ids[i], home == null ? new HatsPixel(0, 0) : home);
        }
        return homes;
    }

    private static List<String> whole(MatchMode mode) {
        PositionColumns positions = PositionColumns.of("ra", "dec");
        MatchResult result = SkyMatcher.match(positions.positions(left.table()), positions.positions(right.table()),
                MatchSpec.of(mode, RADIUS_ARCSEC));
        Column leftId = left.table().columns().get(0);
        Column rightId = right.table().columns().get(0);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            rows.add(leftId.text(result.leftRow(i)) + " " + rightId.text(result.rightRow(i)) + " " + result.distanceArcsec(i) + " "
                    + result.candidates(i) + " " + result.rank(i) + " " + result.mates(i));
        }
        rows.sort(null);
        return rows;
    }

    /** Each pair as "id_1 id_2 separation candidates rank mates", sorted. */
    private static List<String> pairs(List<Row> rows) {
        List<String> found = new ArrayList<>();
        for (Row row : rows) {
            found.add(row.getLong(row.fieldIndex("id_1")) + " " + row.getLong(row.fieldIndex("id_2")) + " "
                    + row.getDouble(row.fieldIndex("separation_arcsec")) + " " + row.getLong(row.fieldIndex("candidates")) + " "
                    + row.getLong(row.fieldIndex("rank")) + " " + row.getLong(row.fieldIndex("mates")));
        }
        found.sort(null);
        return found;
    }

    /** The pairs are the engine's; the differences are shown first (a message listing thousands of pairs says nothing). */
    private static void assertSamePairs(List<String> found, List<String> expected, String missingWhere, String extraHow) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(found);
        List<String> extra = new ArrayList<>(found);
        extra.removeAll(expected);
        assertThat(missing.subList(0, Math.min(10, missing.size()))).as("pairs missing " + missingWhere).isEmpty();
        assertThat(extra.subList(0, Math.min(10, extra.size()))).as("pairs " + extraHow + " that the engine did not").isEmpty();
        assertThat(found).isEqualTo(expected);
    }
}
