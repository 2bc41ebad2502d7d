package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The true universe of the tiny sky looks like high-latitude sky. */
class UniverseTest {
    private final TinySky sky = TinySky.get();

    @Test
    void theSkyStraddlesRaZero() {
        assertThat(sky.count("SELECT count(*) FROM truth WHERE ra > 359.9")).isPositive();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE ra < 0.1")).isPositive();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE ra BETWEEN 1 AND 359")).isZero();
        assertThat(sky.count("SELECT count(*) FROM cat_deep_optical WHERE ra > 359.9")).isPositive();
        assertThat(sky.count("SELECT count(*) FROM cat_deep_optical WHERE ra < 0.1")).isPositive();
    }

    @Test
    void galaxyCountsRiseByAboutHalfADexPerMagnitudeAndDetectionsStopAtTheDepth() {
        List<Long> galaxies = sky.queryLongs("SELECT count(*) FROM truth WHERE class = 'galaxy' AND mag_r >= 20 AND mag_r < 25"
                + " GROUP BY floor(mag_r) ORDER BY floor(mag_r)");
        assertThat(galaxies).hasSize(5);
        for (int bin = 1; bin < galaxies.size(); bin++) {
            double ratio = (double) galaxies.get(bin) / galaxies.get(bin - 1);
            assertThat(ratio).as("bin " + bin).isBetween(1.4, 5.0);
        }
        long[] detected = new long[5];
        for (int bin = 0; bin < detected.length; bin++) {
            detected[bin] = sky.count("SELECT count(*) FROM cat_deep_optical WHERE mag_r >= " + (21 + bin) + " AND mag_r < " + (22 + bin));
        }
        // rising with the galaxy counts to r = 24, then falling beyond the depth (r ~ 24.6)
        assertThat(detected[1]).isGreaterThan(detected[0]);
        assertThat(detected[2]).isGreaterThan(detected[1]);
        assertThat(detected[3]).isLessThan(detected[2]);
        assertThat(detected[4]).isLessThan(detected[3] / 5);
    }

    @Test
    void classesHaveTheirOwnPropertiesAndColours() {
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'star'")).isGreaterThan(50);
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'quasar'")).isPositive();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'galaxy' AND (redshift IS NULL OR half_light_radius IS NULL)")).isZero();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class <> 'galaxy' AND half_light_radius IS NOT NULL")).isZero();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'star' AND (redshift IS NOT NULL OR parallax <= 0)")).isZero();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'star' AND sqrt(pmra * pmra + pmdec * pmdec) > 3")).isPositive();
        // in W1-W2 (AB) stars sit near the Rayleigh-Jeans tail (-0.66), quasars are red (+0.16, scattered by 0.07)
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'star' AND mag_w1 - mag_w2 > -0.3")).isZero();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'quasar' AND mag_w1 - mag_w2 < -0.2")).isZero();
        assertThat(sky.count("SELECT count(*) FROM truth WHERE class = 'quasar' AND mag_w1 - mag_w2 > 0")
                * 2).isGreaterThan(sky.count("SELECT count(*) FROM truth WHERE class = 'quasar'"));
    }
}
