package org.skysieve.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableFiles;

/**
 * The two seeded all-sky catalogues of {@code skysieve bench xmatch}: the left one holds N points uniform on the sphere
 * (ids from 1); the right one holds 80% of them moved by up to 1.5 arcsec in a random direction plus N/5 unrelated
 * points (ids from 100,000,001), so about N rows with near, far and missing counterparts. Columns: id, ra, dec (degrees).
 */
final class BenchCatalogues {
    static final long RIGHT_FIRST_ID = 100_000_001L;

    private BenchCatalogues() {
    }

    /** Writes both catalogues as FITS; the same {@code rows} and {@code seed} give the same files. */
    static void write(int rows, long seed, Path left, Path right) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[rows];
        double[] dec = new double[rows];
        for (int i = 0; i < rows; i++) {
            ra[i] = 360 * random.nextDouble();
            dec[i] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
        }
        int capacity = rows + rows / 5;
        double[] movedRa = new double[capacity];
        double[] movedDec = new double[capacity];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (random.nextDouble() < 0.8) {
                double offsetDeg = 1.5 / 3600 * random.nextDouble();
                double bearingRad = 2 * Math.PI * random.nextDouble();
                double newDec = Math.max(-90, Math.min(90, dec[i] + offsetDeg * Math.cos(bearingRad)));
                double newRa = ra[i] + offsetDeg * Math.sin(bearingRad) / Math.max(1e-9, Math.cos(Math.toRadians(dec[i])));
                movedRa[n] = ((newRa % 360) + 360) % 360;
                movedDec[n] = newDec;
                n++;
            }
        }
        for (int i = 0; i < rows / 5; i++) {
            movedRa[n] = 360 * random.nextDouble();
            movedDec[n] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            n++;
        }
        TableFiles.write(table(left, ra, dec, rows, 1), left);
        TableFiles.write(table(right, movedRa, movedDec, n, RIGHT_FIRST_ID), right);
    }

    private static LoadedTable table(Path file, double[] ra, double[] dec, int rows, long firstId) {
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = firstId + i;
        }
        return new LoadedTable(file.getFileName().toString(), List.of(new Column.LongColumn("id", ids, new boolean[rows]),
                new Column.DoubleColumn("ra", java.util.Arrays.copyOf(ra, rows)), new Column.DoubleColumn("dec", java.util.Arrays.copyOf(dec, rows))));
    }
}
