package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/** Partition by partition with margins gives exactly what the whole tables give, in every mode and arrangement. */
class PartitionedMatcherTest {
    private static final double RADIUS_ARCSEC = 90.0;
    @TempDir
    static Path folder;
    static LoadedTable leftTable;
    static LoadedTable rightTable;
    static HatsCatalog leftHats;
    static HatsCatalog rightHats;

    @BeforeAll
    static void writeCatalogues() throws IOException, SQLException {
        RandomCatalogues wrap = RandomCatalogues.uniform(21, 2500, 358, 4, -2, 2);
        RandomCatalogues pole = RandomCatalogues.uniform(22, 1500, 0, 360, 88.5, 90);
        RandomCatalogues left = wrap.plus(pole);
        RandomCatalogues right = RandomCatalogues.jittered(23, left, 0.6, 2 * RADIUS_ARCSEC)
                .plus(RandomCatalogues.jittered(24, left, 0.3, 3 * RADIUS_ARCSEC));
        leftTable = table("left", left, 0);
        rightTable = table("right", right, 1_000_000);
        leftHats = hats("left", leftTable);
        rightHats = hats("right", rightTable);
        assertThat(leftHats.partitions()).hasSizeGreaterThan(8);
        assertThat(rightHats.partitions()).hasSizeGreaterThan(8);
    }

    @ParameterizedTest
    @EnumSource(MatchMode.class)
    void hatsAgainstHatsEqualsWholeTables(MatchMode mode) {
        try (HatsSide left = new HatsSide(leftHats, "left"); HatsSide right = new HatsSide(rightHats, "right")) {
            assertThat(partitioned(left, right, mode)).isEqualTo(whole(mode)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(MatchMode.class)
    void memoryAgainstHatsEqualsWholeTables(MatchMode mode) {
        try (HatsSide right = new HatsSide(rightHats, "right")) {
            assertThat(partitioned(new MemorySide(leftTable, PositionColumns.of("ra", "dec")), right, mode)).isEqualTo(whole(mode));
        }
    }

    @ParameterizedTest
    @EnumSource(MatchMode.class)
    void hatsAgainstMemoryEqualsWholeTables(MatchMode mode) {
        try (HatsSide left = new HatsSide(leftHats, "left")) {
            assertThat(partitioned(left, new MemorySide(rightTable, PositionColumns.of("ra", "dec")), mode)).isEqualTo(whole(mode));
        }
    }

    @ParameterizedTest
    @EnumSource(MatchMode.class)
    void globalMatesEqualWholeTableMates(MatchMode mode) {
        // the right rows' id for catalogues, the row index for a table in memory
        try (HatsSide left = new HatsSide(leftHats, "left"); HatsSide right = new HatsSide(rightHats, "right")) {
            assertThat(withMates(left, right, "id", mode)).isEqualTo(wholeWithMates(mode));
            assertThat(withMates(left, new MemorySide(rightTable, PositionColumns.of("ra", "dec")), MemorySide.ROW_INDEX_COLUMN, mode))
                    .isEqualTo(wholeWithMates(mode));
            assertThat(withMates(new MemorySide(leftTable, PositionColumns.of("ra", "dec")), right, "id", mode)).isEqualTo(wholeWithMates(mode));
        }
        // without the second pass, some mates differ: the test above can fail
        if (mode == MatchMode.BEST) {
            try (HatsSide left = new HatsSide(leftHats, "left"); HatsSide right = new HatsSide(rightHats, "right")) {
                List<String> perPiece = new ArrayList<>();
                PositionColumns positions = PositionColumns.of("ra", "dec");
                PartitionedMatcher.match(new PartitionedMatcher.Side(left, positions, List.of("id")),
                        new PartitionedMatcher.Side(right, positions, List.of("id")), MatchSpec.of(mode, RADIUS_ARCSEC),
                        (leftRows, rightRows, result) -> perPiece.addAll(describeMates(leftRows, rightRows, result)));
                perPiece.sort(null);
                assertThat(perPiece).isNotEqualTo(wholeWithMates(mode));
            }
        }
    }

    private static List<String> withMates(MatchSide left, MatchSide right, String key, MatchMode mode) {
        List<String> rows = new ArrayList<>();
        PositionColumns positions = PositionColumns.of("ra", "dec");
        GlobalMates.match(new PartitionedMatcher.Side(left, positions, List.of("id")), new PartitionedMatcher.Side(right, positions, List.of("id")),
                MatchSpec.of(mode, RADIUS_ARCSEC), (leftRows, rightRows, result) -> rows.addAll(describeMates(leftRows, rightRows, result)), key);
        rows.sort(null);
        return rows;
    }

    private static List<String> wholeWithMates(MatchMode mode) {
        PositionColumns positions = PositionColumns.of("ra", "dec");
        MatchResult result = SkyMatcher.match(positions.positions(leftTable), positions.positions(rightTable), MatchSpec.of(mode, RADIUS_ARCSEC));
        List<String> rows = describeMates(leftTable, rightTable, result);
        rows.sort(null);
        return rows;
    }

    private static List<String> describeMates(LoadedTable left, LoadedTable right, MatchResult result) {
        List<String> rows = describe(left, right, result);
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, rows.get(i) + " mates " + result.mates(i));
        }
        return rows;
    }

    private static List<String> partitioned(MatchSide left, MatchSide right, MatchMode mode) {
        List<String> rows = new ArrayList<>();
        PositionColumns positions = PositionColumns.of("ra", "dec");
        PartitionedMatcher.match(new PartitionedMatcher.Side(left, positions, List.of("id")),
                new PartitionedMatcher.Side(right, positions, List.of("id")), MatchSpec.of(mode, RADIUS_ARCSEC),
                (leftRows, rightRows, result) -> rows.addAll(describe(leftRows, rightRows, result)));
        rows.sort(null);
        return rows;
    }

    private static List<String> whole(MatchMode mode) {
        PositionColumns positions = PositionColumns.of("ra", "dec");
        MatchResult result = SkyMatcher.match(positions.positions(leftTable), positions.positions(rightTable), MatchSpec.of(mode, RADIUS_ARCSEC));
        List<String> rows = describe(leftTable, rightTable, result);
        rows.sort(null);
        return rows;
    }

    private static List<String> describe(LoadedTable left, LoadedTable right, MatchResult result) {
        Column leftId = left.require("id", "id");
        Column rightId = right.require("id", "id");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            rows.add(leftId.text(result.leftRow(i)) + " " + rightId.text(result.rightRow(i)) + " " + result.distanceArcsec(i)
                    + " " + result.candidates(i) + " " + result.rank(i));
        }
        return rows;
    }

    private static LoadedTable table(String name, RandomCatalogues catalogue, long firstId) {
        long[] ids = new long[catalogue.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = firstId + i;
        }
        return new LoadedTable(name, List.of(new Column.LongColumn("id", ids, new boolean[ids.length]),
                new Column.DoubleColumn("ra", catalogue.raDeg), new Column.DoubleColumn("dec", catalogue.decDeg)));
    }

    static HatsCatalog hats(String name, LoadedTable table) throws IOException, SQLException {
        Path csv = folder.resolve(name + ".csv");
        StringBuilder text = new StringBuilder("id,ra,dec\n");
        for (int i = 0; i < table.rowCount(); i++) {
            text.append(table.columns().get(0).text(i)).append(',').append(table.columns().get(1).text(i)).append(',')
                    .append(table.columns().get(2).text(i)).append('\n');
        }
        Files.writeString(csv, text);
        Path parquet = folder.resolve(name + ".parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT id::BIGINT AS id, ra::DOUBLE AS ra, dec::DOUBLE AS dec FROM read_csv(" + SqlText.literal(csv.toString())
                    + ", header = true)) TO " + SqlText.literal(parquet.toString()) + " (FORMAT parquet)");
        }
        CatalogTable catalogTable = new CatalogTable(name, "random test objects", "ra", "dec", "id", List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Identifier"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination")));
        Path directory = folder.resolve(name);
        HatsCatalogWriter.write(parquet, catalogTable, "test", new HatsWriteOptions(250, 12, 3), directory);
        return HatsCatalog.open(directory);
    }
}
