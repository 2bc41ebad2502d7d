package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skysieve.cli.CommandLineTest.Captured;
import org.skysieve.testing.SharedTestData;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;

/** {@code skysieve xmatch} on lsdb's inputs gives lsdb's known answer in every output format; bad input is a clear error. */
class XmatchCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet", "fits", "vot"})
    void reproducesLsdbKnownAnswerInEveryFormat(String suffix) throws IOException {
        Path inputs = SharedTestData.folder("catalogs/lsdb_small_sky");
        Path out = folder.resolve("pairs." + suffix);
        Captured captured = CommandLineTest.capture("xmatch", inputs.resolve("small_sky.csv").toString(),
                inputs.resolve("small_sky_xmatch.csv").toString(), "--radius", "0.01deg", "--out", out.toString(),
                "--columns", "left:id;right:id");
        assertThat(captured.exitCode()).as(captured.err()).isZero();

        LoadedTable pairs = TableReader.read(out);
        assertThat(pairs.columns().stream().map(Column::name).toList())
                .containsExactly("id_1", "id_2", "separation_arcsec", "candidates", "rank", "mates");
        Map<Long, Long> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(SharedTestData.folder("hats/lsdb/expected").resolve("xmatch_correct.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            expected.put(Long.parseLong(fields[1]), (long) Double.parseDouble(fields[2]));
        }
        Map<Long, Long> found = new HashMap<>();
        for (int i = 0; i < pairs.rowCount(); i++) {
            found.put((long) pairs.columns().get(0).doubleValue(i), (long) pairs.columns().get(1).doubleValue(i));
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void badRadiusUnknownSurveyAndMissingColumnsAreNamed() throws IOException {
        Path table = folder.resolve("t.csv");
        Files.writeString(table, "id,ra,dec\n1,10.0,20.0\n");
        Path noPositions = folder.resolve("n.csv");
        Files.writeString(noPositions, "id,x,y\n1,10.0,20.0\n");
        String out = folder.resolve("o.csv").toString();

        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "1", "--out", out).err())
                .contains("Expected --radius with a unit").contains("Actual: 1");
        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "1parsec", "--out", out).err())
                .contains("Actual unit: parsec");
        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "2deg", "--find", "nearest", "--out", out).err())
                .contains("Expected a match mode best, all or symmetric. Actual: nearest");
        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "1arcsec", "--columns", "middle:id",
                "--out", out).err()).contains("Expected --columns SIDE:COLUMNS with SIDE left, right, 1 or 2. Actual: 'middle:id'");
        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "1arcsec", "--columns", "left:id;1:ra",
                "--out", out).err()).contains("Expected the left columns once");
        // the older per-side options still work
        String older = folder.resolve("older.csv").toString();
        assertThat(CommandLineTest.capture("xmatch", table.toString(), table.toString(), "--radius", "1arcsec", "--left-columns", "id",
                "--right-columns", "ra", "--out", older).exitCode()).isZero();
        assertThat(Files.readAllLines(Path.of(older)).get(0)).isEqualTo("id,ra,separation_arcsec,candidates,rank,mates");
        assertThat(CommandLineTest.capture("xmatch", table.toString(), noPositions.toString(), "--radius", "1arcsec", "--out", out).err())
                .contains("Expected a right ascension column").contains("n.csv").contains("[id, x, y]");
        Files.createDirectories(folder.resolve("data"));
        Captured unknown = CommandLineTest.capture("xmatch", table.toString(), "survey:nowhere", "--data", folder.resolve("data").toString(),
                "--radius", "1arcsec", "--out", out);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("Actual: nowhere").doesNotContain("at org.skysieve");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void errorRadiusKeepsOnlyPairsWithinKSigma() throws IOException {
        Path left = folder.resolve("left.csv");
        Files.writeString(left, "id,ra,dec,err\n1,10.0,20.0,100\n2,11.0,20.0,1000\n");
        Path right = folder.resolve("right.csv");
        // both 2 arcsec away in declination; 3 sigma of 0.1 arcsec is too tight, 3 sigma of 1 arcsec is enough
        Files.writeString(right, "rid,ra,dec\n7," + 10.0 + "," + (20.0 + 2.0 / 3600) + "\n8," + 11.0 + "," + (20.0 + 2.0 / 3600) + "\n");
        Path out = folder.resolve("sigma.csv");
        Captured captured = CommandLineTest.capture("xmatch", left.toString(), right.toString(), "--radius", "5arcsec", "--sigma", "3",
                "--left-error", "err:mas", "--columns", "left:id", "--columns", "right:rid", "--out", out.toString());
        assertThat(captured.exitCode()).as(captured.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2).element(1).asString().startsWith("2,8,");
    }

    @Test
    void badPositionsAreNamedByFileRowAndColumn() throws IOException {
        Path good = folder.resolve("good.csv");
        Files.writeString(good, "id,ra,dec\n1,10.0,20.0\n");
        String out = folder.resolve("o.csv").toString();
        Map<String, String> cases = Map.of(
                "id,ra,dec\n1,10,20\n2,10,95\n", "data row 2. Actual: ra=10.0, dec=95.0",
                "id,ra,dec\n", "Actual: the table is empty",
                "id,ra,dec\n1,abc,3\n", "Actual: 'abc' in data row 1");
        for (Map.Entry<String, String> badCase : cases.entrySet()) {
            Path bad = folder.resolve("bad.csv");
            Files.writeString(bad, badCase.getKey());
            Captured captured = CommandLineTest.capture("xmatch", bad.toString(), good.toString(), "--radius", "1arcsec", "--out", out);
            assertThat(captured.exitCode()).isEqualTo(1);
            assertThat(captured.err()).contains("bad.csv").contains(badCase.getValue()).doesNotContain("at org.skysieve");
        }
        // a row without a position (an empty dec) never matches; the others do
        Path partial = folder.resolve("partial.csv");
        Files.writeString(partial, "id,ra,dec\n1,10.0,\n2,10.0,20.0\n");
        assertThat(CommandLineTest.capture("xmatch", partial.toString(), good.toString(), "--radius", "1arcsec", "--out", out).exitCode()).isZero();
        assertThat(Files.readAllLines(Path.of(out))).hasSize(2).element(1).asString().startsWith("2,");
    }
}
