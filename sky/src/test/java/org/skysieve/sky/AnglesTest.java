package org.skysieve.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnglesTest {
    @Test
    void distanceAgreesWithTheCosineLawWhereThatIsWellConditioned() {
        Random random = new Random(43);
        for (int i = 0; i < 10_000; i++) {
            LonLat a = SkySampling.uniform(random);
            LonLat b = SkySampling.uniform(random);
            double cosine = Math.sin(a.latRad()) * Math.sin(b.latRad())
                    + Math.cos(a.latRad()) * Math.cos(b.latRad()) * Math.cos(a.lonRad() - b.lonRad());
            double expected = Math.acos(cosine);
            if (expected > 0.1 && expected < Math.PI - 0.1) {
                assertThat(a.distanceRad(b)).isCloseTo(expected, within(1e-12));
            }
            assertThat(a.distanceRad(b)).isCloseTo(b.distanceRad(a), within(1e-15));
            assertThat(a.distanceRad(b)).isCloseTo(a.toUnitVector().angleRad(b.toUnitVector()), within(1e-12));
        }
    }

    @Test
    void tinyAndNearAntipodalDistancesKeepTheirPrecision() {
        Random random = new Random(47);
        for (int i = 0; i < 2_000; i++) {
            LonLat centre = SkySampling.uniform(random);
            // From 1 milliarcsec (beyond, the positions themselves carry 1e-16 rad of rounding) to 1000 arcsec.
            double separationRad = Angles.arcsecToRad(Math.pow(10, -3 + 6 * random.nextDouble()));
            LonLat other = SkySampling.offset(centre, separationRad, random.nextDouble() * Angles.TWO_PI);
            assertThat(centre.distanceRad(other) / separationRad).isCloseTo(1.0, within(1e-6));
        }
        assertThat(Angles.distanceRad(0.3, 0.2, 0.3 + Math.PI, -0.2)).isCloseTo(Math.PI, within(1e-15));
        assertThat(Angles.distanceRad(0.0, Angles.HALF_PI, 2.0, Angles.HALF_PI)).isCloseTo(0.0, within(1e-15));
        double lonStep = (1.0 + 1e-12) - 1.0;
        assertThat(Angles.distanceRad(1.0, 0.0, 1.0 + 1e-12, 0.0)).isCloseTo(lonStep, within(1e-26));
        double latStep = (0.5 + 1e-13) - 0.5;
        assertThat(Angles.distanceRad(1.0, 0.5, 1.0, 0.5 + 1e-13)).isCloseTo(latStep, within(1e-27));
    }

    @Test
    void conversionsAreExactInverses() {
        assertThat(Angles.arcsecToRad(3600.0 * 180.0)).isEqualTo(Math.PI);
        assertThat(Angles.radToArcsec(Angles.arcsecToRad(1.0))).isCloseTo(1.0, within(1e-15));
        assertThat(Angles.degToArcsec(1.0)).isEqualTo(3600.0);
        assertThat(Angles.arcsecToDeg(1800.0)).isEqualTo(0.5);
        assertThat(Angles.radToDeg(Angles.degToRad(123.456))).isCloseTo(123.456, within(1e-12));
        BigDecimal piBy648000 = new BigDecimal("3.14159265358979323846264338327950288").divide(
                new BigDecimal(648000), MathContext.DECIMAL64);
        assertThat(Angles.arcsecToRad(1.0)).isCloseTo(piBy648000.doubleValue(), within(1e-22));
    }

    @Test
    void longitudesWrapAndLatitudesAreChecked() {
        assertThat(Angles.normalizeLongitudeRad(-1e-300)).isEqualTo(0.0);
        assertThat(Angles.normalizeLongitudeRad(-Math.PI)).isEqualTo(Math.PI);
        assertThat(Angles.normalizeLongitudeRad(5 * Math.PI)).isCloseTo(Math.PI, within(1e-15));
        assertThat(new LonLat(Angles.TWO_PI, 0).lonRad()).isEqualTo(0.0);
        assertThat(LonLat.ofDegrees(360.0, 90.0).latRad()).isEqualTo(Angles.HALF_PI);
        assertThatThrownBy(() -> LonLat.ofDegrees(10, 90.5)).hasMessage("Expected decDeg in [-90, 90]. Actual: 90.5");
        assertThatThrownBy(() -> new LonLat(Double.POSITIVE_INFINITY, 0))
                .hasMessage("Expected lonRad finite. Actual: Infinity");
        assertThatThrownBy(() -> Cone.of(0, 0, -1)).hasMessage("Expected radiusRad in [0, pi]. Actual: -1.0");
    }
}
