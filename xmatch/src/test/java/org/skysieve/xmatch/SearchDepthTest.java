package org.skysieve.xmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.healpix.HealpixNested;

/** The bucket depth's promise: a point's cell and its neighbours hold every point within the safe radius. */
class SearchDepthTest {
    @Test
    void cellAndNeighboursHoldEveryPointWithinTheSafeRadius() {
        SplittableRandom random = new SplittableRandom(42);
        for (int depth = 0; depth <= 22; depth++) {
            double radiusRad = SearchDepth.safeRadiusRad(depth);
            for (int trial = 0; trial < 20_000; trial++) {
                double z = trial % 4 == 0 ? 1 - 1e-3 * random.nextDouble() * (trial % 8 == 0 ? 1 : -1999) : 2 * random.nextDouble() - 1;
                z = Math.max(-1, Math.min(1, z));
                double lon = 2 * Math.PI * random.nextDouble();
                double lat = Math.asin(z);
                double offset = radiusRad * Math.sqrt(random.nextDouble());
                double bearing = 2 * Math.PI * random.nextDouble();
                double lat2 = Math.asin(Math.sin(lat) * Math.cos(offset) + Math.cos(lat) * Math.sin(offset) * Math.cos(bearing));
                double lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(offset) * Math.cos(lat), Math.cos(offset) - Math.sin(lat) * Math.sin(lat2));
                lon2 = lon2 - Math.floor(lon2 / (2 * Math.PI)) * 2 * Math.PI;
                if (lon2 >= 2 * Math.PI) {
                    lon2 = 0;
                }
                long cell = HealpixNested.hash(depth, lon, lat);
                long other = HealpixNested.hash(depth, lon2, lat2);
                if (other != cell) {
                    assertThat(HealpixNested.neighbours(depth, cell)).as("depth %d, point (%f, %f)", depth, lon, lat).contains(other);
                }
            }
        }
    }

    @Test
    void depthGrowsAsTheRadiusShrinks() {
        assertThat(SearchDepth.forRadius(Math.toRadians(1.0))).isEqualTo(4);
        assertThat(SearchDepth.safeRadiusRad(SearchDepth.forRadius(Math.toRadians(1.0 / 3600)))).isGreaterThanOrEqualTo(Math.toRadians(1.0 / 3600));
        assertThat(SearchDepth.forRadius(Math.toRadians(0.01 / 3600))).isGreaterThan(SearchDepth.forRadius(Math.toRadians(1.0 / 3600)));
    }
}
