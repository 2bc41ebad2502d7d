package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.stream.IntStream;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * The positions of one side of a cross-match as primitive columns: unit vectors, the depth-29 HEALPix index, and an
 * optional positional error per row.
 *
 * <p>Row {@code i} is the {@code i}-th row of the table the caller loaded; results refer to rows by that index. A row
 * whose right ascension or declination is NaN has no position and never matches. A declination outside [-90, 90] or
 * an infinite coordinate is rejected at construction, naming the row. Immutable and safe to share between threads
 * (the arrays are private copies or owned from construction on).
 */
public final class SkyPositions {
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final long[] hash29;
    private final double[] errorArcsec;

    private SkyPositions(double[] x, double[] y, double[] z, long[] hash29, double[] errorArcsec) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.hash29 = hash29;
        this.errorArcsec = errorArcsec;
    }

    /** Positions in degrees (ICRS), no positional errors. */
    public static SkyPositions ofDegrees(double[] raDeg, double[] decDeg) {
        return ofDegrees(raDeg, decDeg, null);
    }

    /**
     * Positions in degrees with a positional error per row in arcsec ({@code errorArcsec} null: no errors, treated as
     * 0; a NaN error is treated as 0 too).
     */
    public static SkyPositions ofDegrees(double[] raDeg, double[] decDeg, double[] errorArcsec) {
        requireNonNull(raDeg, "raDeg is null");
        requireNonNull(decDeg, "decDeg is null");
        if (raDeg.length != decDeg.length) {
            throw new IllegalArgumentException("Expected as many declinations as right ascensions (" + raDeg.length + "). Actual: " + decDeg.length);
        }
        if (errorArcsec != null && errorArcsec.length != raDeg.length) {
            throw new IllegalArgumentException("Expected one positional error per row (" + raDeg.length + "). Actual: " + errorArcsec.length);
        }
        int n = raDeg.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        long[] hash29 = new long[n];
        for (int i = 0; i < n; i++) {
            double ra = raDeg[i];
            double dec = decDeg[i];
            if (!Double.isNaN(ra) && !Double.isNaN(dec) && (Double.isInfinite(ra) || !(dec >= -90.0 && dec <= 90.0))) {
                throw new IllegalArgumentException("Expected a finite right ascension and a declination in [-90, 90] degrees in data row "
                        + (i + 1) + ". Actual: ra=" + ra + ", dec=" + dec);
            }
        }
        // checked above, in order, so that the first bad row is the one named; the trigonometry runs in parallel
        int chunks = n < 65_536 ? 1 : Math.max(1, Math.min(64, n / 32_768));
        IntStream.range(0, chunks).parallel().forEach(chunk -> fill(raDeg, decDeg, x, y, z, hash29,
                (int) ((long) n * chunk / chunks), (int) ((long) n * (chunk + 1) / chunks)));
        double[] errors = null;
        if (errorArcsec != null) {
            errors = new double[n];
            for (int i = 0; i < n; i++) {
                double error = errorArcsec[i];
                if (error < 0 || Double.isInfinite(error)) {
                    throw new IllegalArgumentException("Expected a positional error >= 0 arcsec in data row " + (i + 1) + ". Actual: " + error);
                }
                errors[i] = Double.isNaN(error) ? 0.0 : error;
            }
        }
        return new SkyPositions(x, y, z, hash29, errors);
    }

    private static void fill(double[] raDeg, double[] decDeg, double[] x, double[] y, double[] z, long[] hash29, int from, int to) {
        for (int i = from; i < to; i++) {
            double ra = raDeg[i];
            double dec = decDeg[i];
            if (Double.isNaN(ra) || Double.isNaN(dec)) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
                z[i] = Double.NaN;
                hash29[i] = Long.MAX_VALUE;
                continue;
            }
            double lonRad = Math.toRadians(ra);
            double latRad = Math.toRadians(dec);
            double cosLat = Math.cos(latRad);
            x[i] = cosLat * Math.cos(lonRad);
            y[i] = cosLat * Math.sin(lonRad);
            z[i] = Math.sin(latRad);
            double normalizedLon = lonRad - Math.floor(lonRad / (2 * Math.PI)) * 2 * Math.PI;
            if (normalizedLon >= 2 * Math.PI) {
                normalizedLon = 0.0;
            }
            hash29[i] = HealpixNested.hash(HealpixNested.MAX_DEPTH, normalizedLon, latRad);
        }
    }

    /** Number of rows. */
    public int size() {
        return x.length;
    }

    /** Whether row {@code row} has a position. */
    public boolean hasPosition(int row) {
        return !Double.isNaN(x[row]);
    }

    /** Whether the rows carry positional errors. */
    public boolean hasErrors() {
        return errorArcsec != null;
    }

    double x(int row) {
        return x[row];
    }

    double y(int row) {
        return y[row];
    }

    double z(int row) {
        return z[row];
    }

    long hash29(int row) {
        return hash29[row];
    }

    /** The positional error of {@code row} in arcsec, 0 when the rows carry none. */
    public double errorArcsec(int row) {
        return errorArcsec == null ? 0.0 : errorArcsec[row];
    }

    /** The largest positional error in arcsec (0 without errors). */
    double maxErrorArcsec() {
        double max = 0;
        if (errorArcsec != null) {
            for (double error : errorArcsec) {
                max = Math.max(max, error);
            }
        }
        return max;
    }
}
