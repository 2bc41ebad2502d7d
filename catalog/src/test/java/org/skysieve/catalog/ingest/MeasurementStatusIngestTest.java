package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * A descriptor with a band's coverage MOC, mask MOC and depth map: ingest adds {@code mag_r_status} and
 * {@code mag_r_limit} after {@code mag_r}, and every row's values equal what the MOCs and the depth map themselves say
 * at its position (brute force over the maps' cells, not the look-up code), with the measurement's null/NaN kept.
 * Errors, fluxes and a band without maps get no companions.
 */
class MeasurementStatusIngestTest {
    private static final int ROWS = 3000;
    private static final int COVERAGE_ORDER = 7;
    private static final int MASK_ORDER = 10;
    private static final int DEPTH_ORDER = 6;

    @TempDir
    Path temp;

    @Test
    void statusAndLimitColumnsFollowTheMaps() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Random random = new Random(5);
        List<double[]> positions = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of("id,ra,dec,mag_r,magerr_r,flux_r,mag_i"));
        for (int i = 0; i < ROWS; i++) {
            // a 6 x 6 degree patch straddling RA 0/360
            double raDeg = (357 + random.nextDouble() * 6) % 360;
            double decDeg = -3 + random.nextDouble() * 6;
            positions.add(new double[] {raDeg, decDeg});
            String mag = switch (i % 5) {
                case 0, 1 -> "";
                case 2 -> "NaN";
                default -> String.format(Locale.ROOT, "%.3f", 20 + random.nextDouble() * 4);
            };
            csv.add(String.format(Locale.ROOT, "%d,%.9f,%.9f,%s,0.05,12.5,%s", i, raDeg, decDeg, mag, i % 2 == 0 ? "" : "21.0"));
        }
        Files.write(in.resolve("objects.csv"), csv);
        // coverage: two cells in three of the patch at order 7; masks: one order-10 cell in seven; depth on some order-6 cells
        long[] coverageCells = cellsOfPatch(COVERAGE_ORDER, cell -> cell % 3 != 0);
        SpatialMoc coverage = SpatialMoc.ofCells(COVERAGE_ORDER, coverageCells);
        long[] maskCells = cellsOfPatch(MASK_ORDER, cell -> cell % 7 == 0);
        SpatialMoc masks = SpatialMoc.ofCells(MASK_ORDER, maskCells);
        long[] depthCells = cellsOfPatch(DEPTH_ORDER, cell -> cell % 4 != 1);
        float[] depthValues = new float[depthCells.length];
        for (int i = 0; i < depthCells.length; i++) {
            depthValues[i] = 23.5f + (depthCells[i] % 10) * 0.1f;
        }
        MocFiles.write(coverage, MocFiles.Format.FITS, in.resolve("coverage_r.moc.fits"));
        MocFiles.write(masks, MocFiles.Format.JSON, in.resolve("masks_r.json"));
        try (OutputStream out = Files.newOutputStream(in.resolve("depth_r.fits"))) {
            new PartialHealpixMap(DEPTH_ORDER, depthCells, depthValues, "mag").write(out);
        }
        Path descriptor = Files.writeString(in.resolve("real.yaml"), """
                name: real
                bands: [{name: r, wavelength_micron: 0.62}, {name: i, wavelength_micron: 0.75}]
                footprint:
                  coverage: {r: coverage_r.moc.fits}
                  masks: {r: masks_r.json}
                  depth: {r: depth_r.fits}
                tables:
                  - name: objects
                    files: [objects.csv]
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                      mag_r: {type: float, unit: mag, ucd: phot.mag;em.opt.R, band: r}
                      magerr_r: {type: float, unit: mag, ucd: stat.error;phot.mag;em.opt.R, band: r}
                      flux_r: {type: float, unit: uJy, ucd: phot.flux.density;em.opt.R, band: r}
                      mag_i: {type: float, unit: mag, band: i}
                """);
        Path data = temp.resolve("data");
        Ingestor.ingest(descriptor, data, line -> { });

        Survey survey = SurveyJson.fromJson(Files.readString(data.resolve("real").resolve(ArchiveLayout.SURVEY_FILE)), Survey.class);
        List<String> names = survey.tables().get(0).columns().stream().map(ColumnDoc::name).toList();
        assertThat(names).containsExactly("id", "ra", "dec", "mag_r", "mag_r_status", "mag_r_limit", "magerr_r", "flux_r", "mag_i");
        assertThat(MissingStatus.isStatusColumn(survey.tables().get(0).column("mag_r_status").orElseThrow())).isTrue();

        List<List<String>> rows = IngestFixtures.rows(data.resolve("real").resolve("objects"),
                "id, CAST(mag_r AS VARCHAR), mag_r_status, CAST(mag_r_limit AS VARCHAR)", "id");
        assertThat(rows).hasSize(ROWS);
        Map<MissingStatus, Integer> seen = new EnumMap<>(MissingStatus.class);
        int limits = 0;
        for (List<String> row : rows) {
            int id = Integer.parseInt(row.get(0));
            double[] position = positions.get(id);
            long hash29 = HealpixNested.hash(29, Math.toRadians(position[0]), Math.toRadians(position[1]));
            boolean covered = java.util.Arrays.binarySearch(coverageCells, hash29 >>> (2 * (29 - COVERAGE_ORDER))) >= 0;
            boolean masked = java.util.Arrays.binarySearch(maskCells, hash29 >>> (2 * (29 - MASK_ORDER))) >= 0;
            String mag = row.get(1);
            assertThat(mag).as("row %d: null stays null, NaN stays NaN", id).isEqualTo(switch (id % 5) {
                case 0, 1 -> null;
                case 2 -> "nan";
                default -> mag;
            });
            boolean detected = mag != null && !mag.equals("nan");
            MissingStatus expected = detected ? MissingStatus.DETECTED : !covered ? MissingStatus.UNOBSERVED
                    : masked ? MissingStatus.MASKED : MissingStatus.UNDETECTED;
            assertThat(row.get(2)).as("row %d", id).isEqualTo(expected.word());
            seen.merge(expected, 1, Integer::sum);
            int depthIndex = java.util.Arrays.binarySearch(depthCells, hash29 >>> (2 * (29 - DEPTH_ORDER)));
            String expectedLimit = covered && !masked && depthIndex >= 0 ? Float.toString(depthValues[depthIndex]) : null;
            assertThat(row.get(3)).as("row %d limit", id).isEqualTo(expectedLimit);
            limits += expectedLimit == null ? 0 : 1;
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(MissingStatus.values());
        assertThat(limits).isGreaterThan(ROWS / 4);
    }

    @Test
    void aDeclaredCompanionColumnIsAnError() throws IOException {
        Path in = Files.createDirectories(temp.resolve("clash"));
        Files.write(in.resolve("objects.csv"), List.of("id,ra,dec,mag_r,mag_r_status", "1,10.0,10.0,20.0,x"));
        Files.writeString(in.resolve("coverage_r.txt"), "3/1 2 4/");
        Path descriptor = Files.writeString(in.resolve("clash.yaml"), """
                name: clash
                bands: [{name: r, wavelength_micron: 0.62}]
                footprint: {coverage: {r: coverage_r.txt}}
                tables:
                  - name: objects
                    files: [objects.csv]
                    columns:
                      id: {type: long}
                      ra: {type: double}
                      dec: {type: double}
                      mag_r: {type: float, unit: mag, band: r}
                      mag_r_status: {type: string}
                """);
        assertThatThrownBy(() -> Ingestor.ingest(descriptor, temp.resolve("data"), line -> { })).isInstanceOf(IngestException.class)
                .hasMessageContaining("clash.yaml").hasMessageContaining("declares column mag_r_status")
                .hasMessageContaining("computes from the maps of band r");
        assertThat(temp.resolve("data").resolve("clash")).doesNotExist();
    }

    /** The cells at {@code order} whose centres fall in the test patch (RA 357..3, Dec -3..3, with a margin) and pass {@code keep}. */
    private static long[] cellsOfPatch(int order, java.util.function.LongPredicate keep) {
        java.util.TreeSet<Long> cells = new java.util.TreeSet<>();
        double step = Math.toDegrees(Math.sqrt(4 * Math.PI / (12L << (2 * order)))) / 3;
        for (double raDeg = 356; raDeg < 364; raDeg += step) {
            for (double decDeg = -4; decDeg < 4; decDeg += step) {
                long cell = HealpixNested.hash(order, Math.toRadians(raDeg % 360), Math.toRadians(decDeg));
                if (keep.test(cell)) {
                    cells.add(cell);
                }
            }
        }
        return cells.stream().mapToLong(Long::longValue).toArray();
    }
}
