package org.skysieve.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;

/**
 * Small seeded HATS catalogues for the tests: points across the RA 0/360 line and around the north pole, written by
 * skysieve's own HATS writer in partitions of at most 250 rows (so that many pairs cross partition edges), with a
 * documented flag column and a status column.
 */
final class TestCatalogues {
    static final FlagDictionary FLAGS = new FlagDictionary(List.of(new FlagBit(0, "BLENDED", "Blended with a neighbour."),
            new FlagBit(3, "SATURATED", "Saturated core.")));

    /** A written catalogue and its rows (id, ra, dec) in memory, in the order generated. */
    record Written(Path directory, LoadedTable table) {
    }

    private TestCatalogues() {
    }

    /** Left: points across RA 0/360 and near the pole; right: jittered copies of them within up to 270 arcsec. */
    static Written[] pair(Path folder) throws IOException, SQLException {
        double[][] wrap = uniform(21, 2500, 358, 4, -2, 2);
        double[][] pole = uniform(22, 1500, 0, 360, 88.5, 90);
        double[][] left = {concat(wrap[0], pole[0]), concat(wrap[1], pole[1])};
        double[][] near = jittered(23, left, 0.6, 180);
        double[][] far = jittered(24, left, 0.3, 270);
        double[][] right = {concat(near[0], far[0]), concat(near[1], far[1])};
        return new Written[] {write(folder, "left", left, 0), write(folder, "right", right, 1_000_000)};
    }

    static Written write(Path folder, String name, double[][] positions, long firstId) throws IOException, SQLException {
        return write(folder, name, positions, firstId, 250);
    }

    /** The rows written in partitions of at most {@code maxRowsPerPartition} rows. */
    static Written write(Path folder, String name, double[][] positions, long firstId, int maxRowsPerPartition) throws IOException, SQLException {
        int n = positions[0].length;
        long[] ids = new long[n];
        StringBuilder csv = new StringBuilder("id,ra,dec,mag_r,mag_r_status,flags\n");
        for (int i = 0; i < n; i++) {
            ids[i] = firstId + i;
            boolean detected = i % 7 != 0;
            csv.append(ids[i]).append(',').append(positions[0][i]).append(',').append(positions[1][i]).append(',')
                    .append(detected ? String.format(Locale.ROOT, "%.3f", 18 + (i % 50) / 10.0) : "").append(',')
                    .append(detected ? "detected" : "undetected").append(',').append(i % 16).append('\n');
        }
        Path csvFile = folder.resolve(name + ".csv");
        Files.writeString(csvFile, csv);
        Path parquet = folder.resolve(name + ".parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT id::BIGINT AS id, ra::DOUBLE AS ra, dec::DOUBLE AS dec, mag_r::FLOAT AS mag_r,"
                    + " mag_r_status::VARCHAR AS mag_r_status, flags::INTEGER AS flags FROM read_csv(" + SqlText.literal(csvFile.toString())
                    + ", header = true)) TO " + SqlText.literal(parquet.toString()) + " (FORMAT parquet)");
        }
        CatalogTable table = new CatalogTable(name, "random test objects", "ra", "dec", "id", List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Identifier"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"),
                ColumnDoc.of("mag_r", ColumnType.FLOAT, "mag", "phot.mag;em.opt.R", "Total r magnitude").withBand("r")
                        .withNullMeaning(StatusColumns.measurementNullMeaning("mag_r", "r")),
                StatusColumns.statusDoc("mag_r", "r", "em.opt.R"),
                ColumnDoc.of("flags", ColumnType.INT, "", "meta.code.qual", "Quality flags").withFlags(FLAGS)));
        Path directory = folder.resolve(name);
        HatsCatalogWriter.write(parquet, table, "test", new HatsWriteOptions(maxRowsPerPartition, 12, 3), directory);
        return new Written(directory, new LoadedTable(name, List.of(new Column.LongColumn("id", ids, new boolean[n]),
                new Column.DoubleColumn("ra", positions[0]), new Column.DoubleColumn("dec", positions[1]))));
    }

    private static double[][] uniform(long seed, int n, double raMinDeg, double raWidthDeg, double decMinDeg, double decMaxDeg) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[n];
        double[] dec = new double[n];
        double zMin = Math.sin(Math.toRadians(decMinDeg));
        double zMax = Math.sin(Math.toRadians(decMaxDeg));
        for (int i = 0; i < n; i++) {
            double r = raMinDeg + raWidthDeg * random.nextDouble();
            ra[i] = ((r % 360.0) + 360.0) % 360.0;
            dec[i] = Math.toDegrees(Math.asin(zMin + (zMax - zMin) * random.nextDouble()));
        }
        return new double[][] {ra, dec};
    }

    /** Each point kept with probability {@code keep}, moved in a random direction by up to {@code scaleArcsec}. */
    private static double[][] jittered(long seed, double[][] base, double keep, double scaleArcsec) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        double[] ra = new double[base[0].length];
        double[] dec = new double[base[0].length];
        for (int i = 0; i < base[0].length; i++) {
            if (random.nextDouble() >= keep) {
                continue;
            }
            double offsetRad = Math.toRadians(scaleArcsec / 3600.0) * random.nextDouble();
            double bearing = 2 * Math.PI * random.nextDouble();
            double lat1 = Math.toRadians(base[1][i]);
            double lon1 = Math.toRadians(base[0][i]);
            double lat2 = Math.asin(Math.sin(lat1) * Math.cos(offsetRad) + Math.cos(lat1) * Math.sin(offsetRad) * Math.cos(bearing));
            double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(offsetRad) * Math.cos(lat1), Math.cos(offsetRad) - Math.sin(lat1) * Math.sin(lat2));
            double raDeg = Math.toDegrees(lon2) % 360.0;
            ra[n] = raDeg < 0 ? raDeg + 360.0 : raDeg;
            dec[n] = Math.toDegrees(lat2);
            n++;
        }
        return new double[][] {java.util.Arrays.copyOf(ra, n), java.util.Arrays.copyOf(dec, n)};
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
