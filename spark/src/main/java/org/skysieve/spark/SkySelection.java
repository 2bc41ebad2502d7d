package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.skysieve.sky.Angles;
import org.skysieve.sky.healpix.HealpixCoverage;
import org.skysieve.sky.healpix.HealpixRanges;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * A region of the sky that chooses partitions (before any file is opened) and rows: a cone, or a MOC.
 *
 * @param bounds       order-29 ranges covering the region (sorted [start, end) bounds; exact for a MOC, a superset for a cone)
 * @param coneRaDeg    the cone's centre (NaN for a MOC)
 * @param coneDecDeg   the cone's centre (NaN for a MOC)
 * @param radiusDeg    the cone's radius (NaN for a MOC)
 */
public record SkySelection(long[] bounds, double coneRaDeg, double coneDecDeg, double radiusDeg) implements Serializable {
    public SkySelection {
        requireNonNull(bounds, "bounds is null");
    }

    /** The cone of {@code radiusDeg} (in (0, 180]) around ({@code raDeg}, {@code decDeg}). */
    public static SkySelection cone(double raDeg, double decDeg, double radiusDeg) {
        if (!(radiusDeg > 0 && radiusDeg <= 180)) {
            throw new IllegalArgumentException("Expected a cone radius in (0, 180] degrees. Actual: " + radiusDeg);
        }
        if (!(decDeg >= -90 && decDeg <= 90) || !Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("Expected a cone centre with a finite ra and dec in [-90, 90] degrees. Actual: ra=" + raDeg + ", dec=" + decDeg);
        }
        // cells a few times smaller than the radius: few ranges, little area beyond the cone
        int depth = (int) Math.max(0, Math.min(16, Math.ceil(Math.log(58.6 * 4 / radiusDeg) / Math.log(2))));
        HealpixRanges ranges = HealpixCoverage.coneRanges(depth, Math.toRadians(((raDeg % 360) + 360) % 360), Math.toRadians(decDeg),
                Angles.degToRad(radiusDeg));
        return new SkySelection(ranges.toArray(), raDeg, decDeg, radiusDeg);
    }

    /** The cells of {@code moc}. */
    public static SkySelection moc(SpatialMoc moc) {
        return new SkySelection(requireNonNull(moc, "moc is null").rangeBounds(), Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean isCone() {
        return !Double.isNaN(radiusDeg);
    }

    /** Whether the partition cell may hold rows of the region. */
    public boolean meetsCell(int order, long pixel) {
        return HealpixRanges.ofRanges(bounds).intersectsCell(order, pixel);
    }

    /** Whether an order-29 index lies in the covering ranges. */
    public boolean containsIndex(long index29) {
        return ParquetColumnsReader.contains(bounds, index29);
    }
}
