package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTableOutput;

/** The column-wise FITS reader and writer agree with STIL, which reads and writes cell by cell. */
class FitsColumnsTest {
    @TempDir
    Path folder;

    @Test
    void whatWeWriteStilReadsAsWeDo() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int rows = 40_000;
        long[] ids = new long[rows];
        boolean[] nulls = new boolean[rows];
        double[] values = new double[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = random.nextLong();
            nulls[i] = random.nextInt(10) == 0;
            values[i] = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian() * 1e6;
            names[i] = random.nextInt(8) == 0 ? null : "src-" + random.nextInt(1_000_000) + (random.nextBoolean() ? "'x" : "");
        }
        List<Column> columns = List.of(new Column.LongColumn("id", ids, nulls), new Column.DoubleColumn("flux", values),
                new Column.TextColumn("name", names), new Column.LongColumn("plain", ids.clone(), new boolean[rows]));
        Path file = folder.resolve("ours.fits");
        FitsColumnsWriter.write(columns, file);

        LoadedTable stil = TableReader.readStil(file);
        LoadedTable ours = FitsColumnsReader.read(file).orElseThrow();
        assertSameTable(ours, stil);
        Column.LongColumn id = (Column.LongColumn) ours.columns().get(0);
        for (int i = 0; i < rows; i++) {
            assertThat(id.nulls()[i]).isEqualTo(nulls[i]);
            if (!nulls[i]) {
                assertThat(id.values()[i]).isEqualTo(ids[i]);
            }
            assertThat(Double.doubleToLongBits(ours.columns().get(1).doubleValue(i))).isEqualTo(Double.doubleToLongBits(values[i]));
            assertThat(ours.columns().get(2).text(i)).isEqualTo(names[i] == null ? "" : names[i]);
        }
    }

    @Test
    void whatStilWritesWeReadAsStilDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        int rows = 5_000;
        short[] shorts = new short[rows];
        int[] ints = new int[rows];
        float[] floats = new float[rows];
        double[] doubles = new double[rows];
        byte[] bytes = new byte[rows];
        boolean[] flags = new boolean[rows];
        Long[] boxed = new Long[rows];
        String[] texts = new String[rows];
        for (int i = 0; i < rows; i++) {
            shorts[i] = (short) random.nextInt();
            ints[i] = random.nextInt();
            floats[i] = (float) random.nextGaussian();
            doubles[i] = random.nextDouble() * 360;
            bytes[i] = (byte) random.nextInt();
            flags[i] = random.nextBoolean();
            boxed[i] = random.nextInt(5) == 0 ? null : random.nextLong();
            texts[i] = random.nextInt(5) == 0 ? "" : "t" + random.nextInt(1000);
        }
        ColumnStarTable table = ColumnStarTable.makeTableWithRows(rows);
        table.addColumn(ArrayColumn.makeColumn("s", shorts));
        table.addColumn(ArrayColumn.makeColumn("i", ints));
        table.addColumn(ArrayColumn.makeColumn("f", floats));
        table.addColumn(ArrayColumn.makeColumn("d", doubles));
        table.addColumn(ArrayColumn.makeColumn("b", bytes));
        table.addColumn(ArrayColumn.makeColumn("flag", flags));
        table.addColumn(ArrayColumn.makeColumn("k", boxed));
        table.addColumn(ArrayColumn.makeColumn("text", texts));
        Path file = folder.resolve("stil.fits");
        new StarTableOutput().writeStarTable(table, file.toString(), "fits");

        assertSameTable(FitsColumnsReader.read(file).orElseThrow(), TableReader.readStil(file));
        assertSameTable(TableReader.read(file), TableReader.readStil(file));
    }

    @Test
    void tablesWithVectorsAreLeftToStil() throws Exception {
        ColumnStarTable table = ColumnStarTable.makeTableWithRows(3);
        table.addColumn(ArrayColumn.makeColumn("v", new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        Path file = folder.resolve("vector.fits");
        new StarTableOutput().writeStarTable(table, file.toString(), "fits");
        assertThat(FitsColumnsReader.read(file)).isEmpty();
        Files.writeString(folder.resolve("text.fits"), "not a FITS file at all");
        assertThat(FitsColumnsReader.read(folder.resolve("text.fits"))).isEmpty();
    }

    private static void assertSameTable(LoadedTable actual, LoadedTable expected) {
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        assertThat(actual.columns()).hasSameSizeAs(expected.columns());
        for (int c = 0; c < expected.columns().size(); c++) {
            Column a = actual.columns().get(c);
            Column e = expected.columns().get(c);
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.getClass()).as(e.name()).isEqualTo(e.getClass());
            for (int row = 0; row < expected.rowCount(); row++) {
                assertThat(a.text(row)).as("%s row %d", e.name(), row).isEqualTo(e.text(row));
            }
        }
    }
}
