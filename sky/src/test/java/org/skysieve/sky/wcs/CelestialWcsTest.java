package org.skysieve.sky.wcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;

/** Round trips for every projection, rotated CD matrices, sub-images and header errors. */
class CelestialWcsTest {
    static Map<String, String> header(String code, double lonDeg, double latDeg) {
        Map<String, String> cards = new HashMap<>();
        cards.put("NAXIS", "2");
        cards.put("CTYPE1", "RA---" + code);
        cards.put("CTYPE2", "DEC--" + code);
        cards.put("CRPIX1", "50.5");
        cards.put("CRPIX2", "-20.25");
        cards.put("CRVAL1", Double.toString(lonDeg));
        cards.put("CRVAL2", Double.toString(latDeg));
        cards.put("CD1_1", "-2.7E-4");
        cards.put("CD1_2", "3.0E-5");
        cards.put("CD2_1", "2.9E-5");
        cards.put("CD2_2", "2.8E-4");
        return cards;
    }

    @Test
    void pixelToSkyAndBackForEveryProjectionAndReference() {
        Random random = new Random(6);
        for (Projection projection : Projection.values()) {
            for (double[] reference : new double[][] {{0.0, 0.0}, {359.9, 89.5}, {123.4, -45.0}, {10.0, -89.9},
                    {200.0, 30.0}}) {
                CelestialWcs wcs = CelestialWcs.fromCards(header(projection.name(), reference[0], reference[1]));
                for (int sample = 0; sample < 200; sample++) {
                    PixelPosition pixel = new PixelPosition(random.nextDouble() * 4000 - 2000,
                            random.nextDouble() * 4000 - 2000);
                    LonLat world = wcs.pixelToWorld(pixel).orElseThrow();
                    PixelPosition back = wcs.worldToPixel(world).orElseThrow();
                    assertThat(Math.hypot(back.x() - pixel.x(), back.y() - pixel.y()))
                            .as("%s at %s, %s: %s", projection, reference[0], reference[1], pixel).isLessThan(1e-6);
                }
            }
        }
    }

    @Test
    void referencePixelIsTheReferenceValueAndSubImagesShiftIt() {
        CelestialWcs wcs = CelestialWcs.fromCards(header("TAN", 150.0, 2.0));
        LonLat reference = wcs.pixelToWorld(new PixelPosition(50.5, -20.25)).orElseThrow();
        assertThat(reference.lonDeg()).isCloseTo(150.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(reference.latDeg()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        CelestialWcs sub = wcs.forSubImage(41, -30);
        LonLat same = sub.pixelToWorld(new PixelPosition(50.5 - 40, -20.25 + 31)).orElseThrow();
        assertThat(same).isEqualTo(reference);
        CelestialWcs reparsed = CelestialWcs.fromCards(FitsHeaderCards.parse(cardText(sub.toCards())));
        assertThat(reparsed.pixelToWorld(new PixelPosition(3.0, 4.0)))
                .isEqualTo(sub.pixelToWorld(new PixelPosition(3.0, 4.0)));
    }

    @Test
    void tanDoesNotReachTheFarHemisphere() {
        CelestialWcs wcs = CelestialWcs.fromCards(header("TAN", 150.0, 2.0));
        assertThat(wcs.worldToPixel(LonLat.ofDegrees(330.0, -2.0))).isEmpty();
    }

    @Test
    void headerErrorsNameTheKeyword() {
        Map<String, String> sip = header("TAN", 1, 1);
        sip.put("CTYPE1", "RA---TAN-SIP");
        assertThatThrownBy(() -> CelestialWcs.fromCards(sip)).hasMessageContaining("CTYPE1")
                .hasMessageContaining("CTYPE2");
        Map<String, String> tpv = header("TPV", 1, 1);
        assertThatThrownBy(() -> CelestialWcs.fromCards(tpv)).hasMessageContaining("TPV").hasMessageContaining("PV1_");
        Map<String, String> unknown = header("XYZ", 1, 1);
        assertThatThrownBy(() -> CelestialWcs.fromCards(unknown)).hasMessageContaining("'XYZ'");
        Map<String, String> badNumber = header("TAN", 1, 1);
        badNumber.put("CRPIX2", "abc");
        assertThatThrownBy(() -> CelestialWcs.fromCards(badNumber)).hasMessageContaining("CRPIX2")
                .hasMessageContaining("'abc'");
        Map<String, String> spectral = Map.of("NAXIS", "1", "CTYPE1", "FREQ");
        assertThatThrownBy(() -> CelestialWcs.fromCards(spectral)).hasMessageContaining("CTYPE1='FREQ'");
        Map<String, String> singular = header("TAN", 1, 1);
        singular.put("CD2_2", "0");
        singular.put("CD2_1", "0");
        assertThatThrownBy(() -> CelestialWcs.fromCards(singular)).hasMessageContaining("invertible");
    }

    static String cardText(Map<String, String> cards) {
        StringBuilder text = new StringBuilder();
        cards.forEach((keyword, value) -> text.append(String.format("%-8s= %-70s", keyword, value)));
        return text.append(String.format("%-80s", "END")).toString();
    }
}
