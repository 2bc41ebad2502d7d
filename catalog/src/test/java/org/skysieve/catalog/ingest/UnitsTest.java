package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void anglesConvertBothWaysConsistently() {
        String[] units = {"deg", "rad", "arcmin", "arcsec", "mas", "uas", "mrad", "hourangle"};
        double[] degrees = {1, 180 / Math.PI, 1.0 / 60, 1.0 / 3600, 1.0 / 3.6e6, 1.0 / 3.6e9, 0.18 / Math.PI, 15};
        for (int i = 0; i < units.length; i++) {
            assertThat(Units.factor(units[i], "deg")).as(units[i]).isCloseTo(degrees[i], within(degrees[i] * 1e-15));
            for (String other : units) {
                assertThat(Units.factor(units[i], other) * Units.factor(other, units[i])).as(units[i] + " <-> " + other)
                        .isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void quotientsAndPowersAreUnderstood() {
        assertThat(Units.factor("mas/yr", "arcsec/yr")).isCloseTo(1e-3, within(1e-18));
        assertThat(Units.factor("mas.yr**-1", "mas/yr")).isCloseTo(1, within(1e-15));
        assertThat(Units.factor("mas yr-1", "deg/d")).isCloseTo(1 / 3.6e6 / 365.25, within(1e-20));
        assertThat(Units.factor("mJy", "Jy")).isEqualTo(1e-3);
        assertThat(Units.factor("kpc", "pc")).isCloseTo(1e3, within(1e-9));
        assertThat(Units.factor("", "")).isEqualTo(1);
    }

    @Test
    void differentQuantitiesAndUnknownUnitsAreRefused() {
        assertThatThrownBy(() -> Units.factor("mag", "deg")).hasMessage("Expected a unit convertible to 'deg'. Actual: 'mag'");
        assertThatThrownBy(() -> Units.factor("mas", "mas/yr")).hasMessageContaining("convertible");
        assertThatThrownBy(() -> Units.factor("furlong", "m")).hasMessageContaining("Unknown unit 'furlong'");
        assertThat(Units.isKnown("electron/s")).isFalse();
        assertThat(Units.isAngle("arcsec")).isTrue();
        assertThat(Units.isAngle("mag")).isFalse();
    }
}
