package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two seeded all-sky catalogues of {@code skysieve bench xmatch} (and of the Spark benchmark beside it): the left
 * one holds N points uniform on the sphere (ids from 1); the right one holds 80% of them moved by up to 1.5 arcsec in
 * a random direction plus N/5 unrelated points (ids from {@value #RIGHT_FIRST_ID}), so about N rows with near, far and
 * missing counterparts. Columns: id, ra, dec (degrees). The same rows and seed give the same catalogues.
 *
 * @param left   the N uniform points
 * @param right  their moved copies, then the unrelated points
 */
public record BenchCatalogues(LoadedTable left, LoadedTable right) {
    public static final long RIGHT_FIRST_ID = 100_000_001L;

    public BenchCatalogues {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    /** The catalogues of {@code rows} points drawn from {@code seed}. */
    public static BenchCatalogues generate(int rows, long seed) {
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
        return new BenchCatalogues(table("left", ra, dec, rows, 1), table("right", movedRa, movedDec, n, RIGHT_FIRST_ID));
    }

    /** Writes both catalogues (as {@link TableFiles#write} does by the suffix: FITS, Parquet, CSV). */
    public void write(Path leftFile, Path rightFile) {
        TableFiles.write(new LoadedTable(leftFile.getFileName().toString(), left.columns()), leftFile);
        TableFiles.write(new LoadedTable(rightFile.getFileName().toString(), right.columns()), rightFile);
    }

    private static LoadedTable table(String source, double[] ra, double[] dec, int rows, long firstId) {
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = firstId + i;
        }
        return new LoadedTable(source, List.of(new Column.LongColumn("id", ids, new boolean[rows]),
                new Column.DoubleColumn("ra", Arrays.copyOf(ra, rows)), new Column.DoubleColumn("dec", Arrays.copyOf(dec, rows))));
    }
}
