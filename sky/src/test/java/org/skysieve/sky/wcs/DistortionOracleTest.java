package org.skysieve.sky.wcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.UnitVector;
import org.skysieve.testing.SharedTestData;

/**
 * SIP and TPV distortions against astropy/WCSLIB: {@code oracle/wcs/distortion_expected.csv} (made by
 * {@code make_distortion_oracle.py} beside it) on the real SIP/TPV headers of ../shared/data and synthetic ones (SIP of
 * order 4 without AP/BP, SIP with PC+CDELT and AP/BP, TPV of degree 7 with r terms, TPV in galactic coordinates), 45
 * pixels each, across and beyond the image; plus the coarser shared oracles. Sky within 1e-9 degree (4 micro-arcsec),
 * sky to pixel within 1e-7 pixel of astropy's all_world2pix, and our own round trips within 1e-7 pixel (pixel -&gt;
 * sky -&gt; pixel) and 1e-10 degree (sky -&gt; pixel -&gt; sky).
 */
class DistortionOracleTest {
    private static final double WORLD_TOLERANCE_DEG = 1e-9;

    @Test
    void agreesWithAstropyOnSipAndTpv() throws IOException {
        Path oracle = Path.of("src/test/resources/oracle/wcs");
        Map<String, CelestialWcs> systems = new HashMap<>();
        Map<String, Integer> checkedPerFile = new LinkedHashMap<>();
        for (String line : dataLines(oracle.resolve("distortion_expected.csv"))) {
            String[] fields = line.split(",", -1);
            CelestialWcs wcs = systems.computeIfAbsent(fields[0], name -> load(oracle, name, fields[1]));
            PixelPosition pixel = new PixelPosition(Double.parseDouble(fields[2]), Double.parseDouble(fields[3]));
            LonLat world = wcs.pixelToWorld(pixel).orElseThrow();
            assertSeparation(world, Double.parseDouble(fields[4]), Double.parseDouble(fields[5]), WORLD_TOLERANCE_DEG,
                    line);
            PixelPosition expectedBack = wcs.worldToPixel(LonLat.ofDegrees(Double.parseDouble(fields[4]),
                    Double.parseDouble(fields[5]))).orElseThrow();
            assertThat(expectedBack.x()).as(line).isCloseTo(Double.parseDouble(fields[6]), offset(1e-7));
            assertThat(expectedBack.y()).as(line).isCloseTo(Double.parseDouble(fields[7]), offset(1e-7));
            // sky -> pixel -> sky
            assertSeparation(wcs.pixelToWorld(expectedBack).orElseThrow(), Double.parseDouble(fields[4]),
                    Double.parseDouble(fields[5]), 1e-10, line);
            PixelPosition back = wcs.worldToPixel(world).orElseThrow();
            assertThat(Math.hypot(back.x() - pixel.x(), back.y() - pixel.y())).as(line).isLessThan(1e-7);
            checkedPerFile.merge(fields[0], 1, Integer::sum);
        }
        assertThat(checkedPerFile).hasSize(7).allSatisfy((file, count) -> assertThat(count).isEqualTo(45));
        assertThat(systems.values().stream().map(wcs -> wcs.distortion().orElseThrow()).distinct())
                .containsExactlyInAnyOrder("SIP", "TPV");
    }

    @Test
    void agreesWithTheSharedOracleOnSipAndTpvHeaders() throws IOException {
        Path wcsFolder = SharedTestData.folder("wcs");
        Path fitsFolder = SharedTestData.folder("fits");
        int checked = 0;
        for (String line : dataLines(wcsFolder.resolve("expected/spectra_and_misc_headers_expected.csv"))) {
            String[] fields = line.split(",", -1);
            if (!fields[0].equals("irac_sip.hdr") && !fields[0].equals("tpvonly.hdr")) {
                continue;
            }
            checked += checkCoarse(load(wcsFolder.resolve("headers/misc"), fields[0]), fields, line);
        }
        for (String line : dataLines(fitsFolder.resolve("expected/images_pix2world_expected.csv"))) {
            String[] fields = line.split(",", -1);
            if (fields[4].contains("SIP")) {
                checked += checkCoarse(load(fitsFolder.resolve("images"), fields[0]), fields, line);
            }
        }
        assertThat(checked).isEqualTo(21);
    }

    /** The shared oracle holds 10 significant digits: 1e-6 degree at these longitudes (a few 1e-7 of rounding). */
    private static int checkCoarse(CelestialWcs wcs, String[] fields, String line) {
        String[] pixel = fields[5].split(" ");
        String[] world = fields[6].split(" ");
        PixelPosition position = new PixelPosition(Double.parseDouble(pixel[0]), Double.parseDouble(pixel[1]));
        assertSeparation(wcs.pixelToWorld(position).orElseThrow(), Double.parseDouble(world[0]),
                Double.parseDouble(world[1]), 1e-6, line);
        return 1;
    }

    @Test
    void subImagesAndCardsKeepTheDistortion() throws IOException {
        Path oracle = Path.of("src/test/resources/oracle/wcs");
        for (String name : List.of("sip_pc_cdelt_reverse.hdr", "tpv_degree7_with_r.hdr", "tpv_galactic.hdr")) {
            CelestialWcs wcs = load(oracle, name, "local");
            CelestialWcs fromCards = CelestialWcs.fromCards(unquoted(wcs.toCards()));
            CelestialWcs sub = wcs.forSubImage(101, -49);
            for (double x = -50; x < 1100; x += 97.3) {
                for (double y = -50; y < 1100; y += 101.1) {
                    LonLat world = wcs.pixelToWorld(new PixelPosition(x, y)).orElseThrow();
                    assertSeparation(fromCards.pixelToWorld(new PixelPosition(x, y)).orElseThrow(), world.lonDeg(),
                            world.latDeg(), 1e-12, name);
                    assertSeparation(sub.pixelToWorld(new PixelPosition(x - 100, y + 50)).orElseThrow(),
                            world.lonDeg(), world.latDeg(), 1e-12, name);
                }
            }
            assertThat(fromCards.distortion()).isEqualTo(wcs.distortion());
        }
    }

    @Test
    void badDistortionCardsAreNamed() {
        Map<String, String> sip = new HashMap<>(Map.of("CTYPE1", "RA---TAN-SIP", "CTYPE2", "DEC--TAN-SIP",
                "CD1_1", "-1E-4", "CD2_2", "1E-4", "A_ORDER", "2", "A_2_0", "1E-6"));
        assertThatThrownBy(() -> WcsHeaderParser.parse(sip)).isInstanceOf(WcsException.class)
                .hasMessageContaining("B_ORDER");
        sip.put("B_ORDER", "2.5");
        assertThatThrownBy(() -> WcsHeaderParser.parse(sip)).hasMessageContaining("B_ORDER").hasMessageContaining("2.5");
        sip.put("B_ORDER", "2");
        sip.put("A_1_1", "abc");
        assertThatThrownBy(() -> WcsHeaderParser.parse(sip)).hasMessageContaining("A_1_1").hasMessageContaining("abc");
        sip.remove("A_1_1");
        sip.put("AP_ORDER", "2");
        assertThatThrownBy(() -> WcsHeaderParser.parse(sip)).hasMessageContaining("BP_ORDER");
        Map<String, String> tpv = new HashMap<>(Map.of("CTYPE1", "RA---TPV", "CTYPE2", "DEC--TPV", "CD1_1",
                "-1E-4", "CD2_2", "1E-4", "PV1_1", "1"));
        assertThatThrownBy(() -> WcsHeaderParser.parse(tpv)).hasMessageContaining("PV2_");
        tpv.put("PV2_1", "1");
        tpv.put("PV1_40", "0.1");
        assertThatThrownBy(() -> WcsHeaderParser.parse(tpv)).hasMessageContaining("PV1_40");
        Map<String, String> tanWithPv = Map.of("CTYPE1", "RA---TAN", "CTYPE2", "DEC--TAN", "CD1_1", "-1E-4",
                "CD2_2", "1E-4", "PV2_4", "0.01");
        assertThatThrownBy(() -> WcsHeaderParser.parse(tanWithPv)).hasMessageContaining("PV2_4")
                .hasMessageContaining("TPV");
        Map<String, String> mixed = Map.of("CTYPE1", "RA---TAN-SIP", "CTYPE2", "DEC--TAN", "CD1_1", "-1E-4",
                "CD2_2", "1E-4");
        assertThatThrownBy(() -> WcsHeaderParser.parse(mixed)).hasMessageContaining("CTYPE2");
        Map<String, String> tnx = Map.of("CTYPE1", "RA---TNX", "CTYPE2", "DEC--TNX", "CD1_1", "-1E-4",
                "CD2_2", "1E-4");
        assertThatThrownBy(() -> WcsHeaderParser.parse(tnx)).hasMessageContaining("TNX");
    }

    private static CelestialWcs load(Path oracle, String name, String source) {
        try {
            if (source.equals("local")) {
                return load(oracle, name);
            }
            Path shared = name.endsWith(".fits") ? SharedTestData.folder("fits/images")
                    : SharedTestData.folder("wcs/headers/misc");
            return load(shared, name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static CelestialWcs load(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        if (name.endsWith(".fits")) {
            try (InputStream in = Files.newInputStream(file)) {
                return CelestialWcs.fromCards(FitsHeaderCards.readPrimaryHeader(in));
            }
        }
        return CelestialWcs.fromCards(FitsHeaderCards.parse(Files.readString(file, StandardCharsets.US_ASCII)));
    }

    /** toCards gives FITS value text; fromCards takes values as FitsHeaderCards reads them (strings unquoted). */
    private static Map<String, String> unquoted(Map<String, String> cards) {
        Map<String, String> values = new LinkedHashMap<>();
        cards.forEach((keyword, value) -> values.put(keyword,
                value.startsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'") : value));
        return values;
    }

    private static List<String> dataLines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().filter(line -> !line.startsWith("#")).toList();
        return lines.subList(1, lines.size());
    }

    private static void assertSeparation(LonLat actual, double lonDeg, double latDeg, double toleranceDeg,
            String line) {
        Objects.requireNonNull(actual, "actual is null");
        LonLat expected = LonLat.ofDegrees(lonDeg, latDeg);
        double separationDeg = Math.toDegrees(UnitVector.ofLonLat(actual.lonRad(), actual.latRad())
                .angleRad(UnitVector.ofLonLat(expected.lonRad(), expected.latRad())));
        assertThat(separationDeg).as("%s: got (%s, %s)", line, actual.lonDeg(), actual.latDeg())
                .isLessThan(toleranceDeg);
    }
}
