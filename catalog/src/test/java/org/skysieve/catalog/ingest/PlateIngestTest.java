package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.ArchiveLayout;

/**
 * Image plates declared in a descriptor ({@code images:}), with real FITS files of ../shared/data: checked before
 * anything is read, copied byte for byte into {@code SURVEY/images/BAND/}, recorded in {@code plates.csv} with the
 * centre astropy/WCSLIB gives; every bad plate (non-equatorial, cube, header-only, a table, not FITS, a non-celestial or
 * broken WCS, a missing file, an unknown band) is an error naming the file and the keyword or key, and leaves the
 * archive exactly as it was.
 */
class PlateIngestTest {
    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private Path descriptor(String images) throws IOException {
        Path folder = temp.resolve("in");
        Files.createDirectories(folder.resolve("plates"));
        Files.writeString(folder.resolve("objects.csv"), "id,ra,dec\n1,280.8,0.4\n2,146.7,-60.9\n3,10.0,10.0\n");
        return Files.writeString(folder.resolve("survey.yaml"), """
                name: imaged
                bands: [{name: r, wavelength_micron: 0.62, pixel_scale_arcsec: 0.2}, {name: i, wavelength_micron: 0.75}]
                tables:
                  - name: objects
                    files: [objects.csv]
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                """ + images);
    }

    private Path plate(String relative) throws IOException {
        Path source = IngestFixtures.shared(relative);
        Path target = temp.resolve("in/plates").resolve(source.getFileName());
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Files.copy(source, target);
        }
        return target;
    }

    @Test
    void declaredPlatesArePublishedWithTheirIndex() throws IOException {
        plate("fits/images/cadc_cfht_TAN.fits");
        plate("fits/images/first_vla_cutout_SIN.fits");
        plate("fits/images/dss.14.29.56-62.41.05.fits.gz");
        Path descriptor = descriptor("""
                images:
                  r: plates/cadc_cfht_TAN.fits
                  i: [plates/first*.fits, "plates/dss.*.fits.gz"]
                """);
        Ingestor.ingest(descriptor, data(), message -> { });
        ArchiveLayout layout = new ArchiveLayout(data());
        Path images = layout.imagesFolder("imaged");
        assertThat(Files.readAllBytes(images.resolve("r/cadc_cfht_TAN.fits")))
                .isEqualTo(Files.readAllBytes(temp.resolve("in/plates/cadc_cfht_TAN.fits")));
        assertThat(images.resolve("i/first_vla_cutout_SIN.fits")).exists();
        assertThat(images.resolve("i/dss.14.29.56-62.41.05.fits.gz")).exists();
        List<String> index = Files.readAllLines(images.resolve("plates.csv"));
        assertThat(index).hasSize(4);
        String cfht = index.stream().filter(line -> line.startsWith("r,cadc_cfht_TAN.fits,101,101,")).findFirst()
                .orElseThrow();
        // images_pix2world_expected.csv: pixel (51, 51) of cadc_cfht_TAN.fits
        Map<String, double[]> centres = centres();
        String[] fields = cfht.split(",");
        assertThat(Double.parseDouble(fields[4])).isCloseTo(centres.get("cadc_cfht_TAN.fits")[0], offset(1e-6));
        assertThat(Double.parseDouble(fields[5])).isCloseTo(centres.get("cadc_cfht_TAN.fits")[1], offset(1e-6));
        assertThat(Archive.open(data()).survey("imaged")).isPresent();
    }

    @Test
    void badPlatesAreNamedAndNothingIsPublished() throws IOException {
        plate("fits/images/cadc_cfht_TAN.fits");
        Ingestor.ingest(descriptor("images: {r: plates/cadc_cfht_TAN.fits}\n"), data(), message -> { });
        Map<String, String> before = snapshot();
        Path plates = temp.resolve("in/plates");
        assertRefused("images: {r: [plates/cadc_cfht_TAN.fits, plates/" + plate("fits/images/gc_msx_e_CAR_galactic.fits")
                .getFileName() + "]}\n", "gc_msx_e_CAR_galactic.fits", "ICRS or FK5", "GLON-CAR");
        assertRefused("images: {i: plates/" + plate("fits/images/equatorial_3d_SFL_cube.fits").getFileName() + "}\n",
                "equatorial_3d_SFL_cube.fits", "NAXIS3 = 4");
        assertRefused("images: {i: plates/" + plate("fits/images/sip_header_only.fits").getFileName() + "}\n",
                "sip_header_only.fits", "NAXIS = 0", "no extension");
        assertRefused("images: {i: plates/" + plate("fits/tables_and_edge_cases/table.fits").getFileName() + "}\n",
                "table.fits", "ZIMAGE");
        Files.writeString(plates.resolve("notfits.fits"), "this is not a FITS file\n");
        assertRefused("images: {i: plates/notfits.fits}\n", "notfits.fits", "Expected a FITS file");
        Files.write(plates.resolve("linear.fits"), image(Map.of("CTYPE1", "'LINEAR  '", "CTYPE2", "'LINEAR  '")));
        assertRefused("images: {i: plates/linear.fits}\n", "linear.fits", "CTYPE1='LINEAR'");
        Files.write(plates.resolve("badcrpix.fits"), image(Map.of("CTYPE1", "'RA---TAN'", "CTYPE2", "'DEC--TAN'",
                "CRPIX1", "'abc'", "CD1_1", "-1E-4", "CD2_2", "1E-4")));
        assertRefused("images: {i: plates/badcrpix.fits}\n", "badcrpix.fits", "CRPIX1", "'abc'");
        Files.write(plates.resolve("galactic_tan.fits"), image(Map.of("CTYPE1", "'RA---TAN'", "CTYPE2", "'DEC--TAN'",
                "RADESYS", "'FK4     '", "EQUINOX", "1950.0", "CD1_1", "-1E-4", "CD2_2", "1E-4")));
        assertRefused("images: {i: plates/galactic_tan.fits}\n", "galactic_tan.fits", "FK4");
        Files.copy(plates.resolve("cadc_cfht_TAN.fits"), plates.resolve("cfht.fz"));
        assertRefused("images: {i: plates/cfht.fz}\n", "cfht.fz", "*.fits or *.fits.gz");
        assertRefused("images:\n  i: plates/nosuch*.fits\n", "survey.yaml", "line 11", "images.i",
                "No image file matches 'plates/nosuch*.fits'");
        assertRefused("images:\n  z: plates/cadc_cfht_TAN.fits\n", "survey.yaml", "line 11", "'z'", "[i, r]");
        assertThat(snapshot()).isEqualTo(before);
    }

    private void assertRefused(String images, String... fragments) throws IOException {
        Path descriptor = descriptor(images);
        assertThatThrownBy(() -> Ingestor.ingest(descriptor, data(), message -> { }))
                .isInstanceOf(IngestException.class).satisfies(error -> {
                    for (String fragment : fragments) {
                        assertThat(error.getMessage()).contains(fragment);
                    }
                });
    }

    /** A 4 x 3 float image with the given cards after the mandatory ones. */
    private static byte[] image(Map<String, String> cards) {
        StringBuilder header = new StringBuilder();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("SIMPLE", "T");
        all.put("BITPIX", "-32");
        all.put("NAXIS", "2");
        all.put("NAXIS1", "4");
        all.put("NAXIS2", "3");
        all.putAll(new TreeMap<>(cards));
        all.forEach((key, value) -> header.append(String.format("%-8s= %20s", key, value)).append(" ".repeat(50)));
        header.append(String.format("%-80s", "END"));
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        byte[] bytes = new byte[header.length() + 2880];
        System.arraycopy(header.toString().getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, header.length());
        return bytes;
    }

    private static Map<String, double[]> centres() throws IOException {
        Map<String, double[]> centres = new TreeMap<>();
        for (String line : Files.readAllLines(IngestFixtures.shared("fits/expected/images_pix2world_expected.csv"))) {
            String[] fields = line.split(",", -1);
            if (fields.length > 6 && fields[5].equals("51 51")) {
                String[] world = fields[6].split(" ");
                centres.put(fields[0], new double[] {Double.parseDouble(world[0]), Double.parseDouble(world[1])});
            }
        }
        return centres;
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(data())) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(data().relativize(path).toString(), Files.size(path) + "@" + Files.getLastModifiedTime(path)
                        // the file's identity too: a file replaced by another within one tick of a coarse clock
                        + "#" + Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return files;
    }
}
