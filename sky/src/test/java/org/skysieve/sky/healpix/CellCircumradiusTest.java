package org.skysieve.sky.healpix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;

/**
 * The covering relies on the farthest point of a cell from its centre being a vertex: sample points of random cells
 * (their boundaries densely, their insides randomly) and check the circumradius bound; the insides must also hash back
 * to their cell (the projection and its inverse agree).
 */
class CellCircumradiusTest {
    @Test
    void everySampledPointOfACellIsWithinItsCircumradiusAndHashesIntoIt() {
        Random random = new Random(19);
        for (int depth = 0; depth <= 29; depth++) {
            double nside = 1L << depth;
            int cells = depth <= 2 ? (int) HealpixNested.cellCount(depth) : 300;
            for (int c = 0; c < cells; c++) {
                long hash = depth <= 2 ? c : (long) (random.nextDouble() * HealpixNested.cellCount(depth));
                LonLat centre = HealpixNested.center(depth, hash);
                double boundRad = HealpixCoverage.circumradiusRad(depth, hash, centre.toUnitVector());
                int face = HealpixNested.face(depth, hash);
                long inFace = HealpixNested.inFaceIndex(depth, hash);
                double x = BitInterleave.x(inFace);
                double y = BitInterleave.y(inFace);
                for (int k = 0; k <= 64; k++) {
                    double t = k / 64.0;
                    for (double[] uv : new double[][] {{t, 0}, {t, 1}, {0, t}, {1, t}}) {
                        LonLat point = HealpixProjection.unproject(face, (x + uv[0]) / nside, (y + uv[1]) / nside);
                        assertThat(centre.distanceRad(point)).isLessThanOrEqualTo(boundRad);
                    }
                }
                for (int k = 0; k < 20; k++) {
                    double u = 0.001 + 0.998 * random.nextDouble();
                    double v = 0.001 + 0.998 * random.nextDouble();
                    LonLat point = HealpixProjection.unproject(face, (x + u) / nside, (y + v) / nside);
                    assertThat(centre.distanceRad(point)).isLessThanOrEqualTo(boundRad);
                    if (depth <= 20) {
                        // Deeper, 0.001 of a cell is below the rounding of the inverse projection.
                        assertThat(HealpixNested.hash(depth, point.lonRad(), point.latRad())).isEqualTo(hash);
                    }
                }
            }
        }
    }
}
