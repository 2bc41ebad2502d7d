package org.skysieve.catalog.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the ingest rate on a generated CSV (not a unit test; nothing is committed but this class).
 *
 * <pre>
 * java -cp catalog/target/classes:catalog/target/test-classes:$(cat cp.txt) org.skysieve.catalog.ingest.IngestBenchmark [rows]
 * </pre>
 * Writes ROWS rows (default 1,000,000; 12 columns like a survey catalogue: id, ra, dec, 6 magnitudes, 2 errors,
 * a flag word, a text field) into a temporary folder, ingests them with policy {@code skip}, and prints the
 * summary with rows/s; then the same rows as a FITS binary table (read through STIL). A last run with one bad declination near the end and policy {@code reject} checks that
 * the error still names the right row and column at this size.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("skysieve-ingest-benchmark");
        try {
            long badRow = rows - 12_345;
            Path csv = folder.resolve("objects.csv");
            long start = System.nanoTime();
            generate(csv, rows, -1, true);
            System.out.printf(Locale.ROOT, "generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(csv), (System.nanoTime() - start) / 1e9);
            Path descriptor = Files.writeString(folder.resolve("bench.yaml"), descriptor("objects.csv", "skip"));
            IngestSummary summary = Ingestor.ingest(descriptor, folder.resolve("data"), System.out::println);
            System.out.println("RESULT csv " + summary);

            // the same rows as a FITS binary table, read row by row through STIL
            Path fits = folder.resolve("objects.fits");
            start = System.nanoTime();
            Path plain = folder.resolve("plain.csv");
            generate(plain, rows, -1, false);
            uk.ac.starlink.table.StarTable table = new uk.ac.starlink.table.StarTableFactory().makeStarTable(plain.toString(), "csv");
            new uk.ac.starlink.table.StarTableOutput().writeStarTable(table, fits.toString(), "fits");
            System.out.printf(Locale.ROOT, "wrote %s (%,d bytes) in %.1f s%n", fits.getFileName(), Files.size(fits), (System.nanoTime() - start) / 1e9);
            Path fitsDescriptor = Files.writeString(folder.resolve("fits.yaml"), descriptor("objects.fits", "skip").replace("name: bench", "name: bench_fits"));
            IngestSummary fromFits = Ingestor.ingest(fitsDescriptor, folder.resolve("data"), System.out::println);
            System.out.println("RESULT fits " + fromFits);

            Path bad = folder.resolve("bad.csv");
            generate(bad, rows, badRow, true);
            Path badDescriptor = Files.writeString(folder.resolve("bad.yaml"), descriptor("bad.csv", "reject"));
            start = System.nanoTime();
            try {
                Ingestor.ingest(badDescriptor, folder.resolve("data-bad"), line -> { });
                System.out.println("ERROR: the bad row was not reported");
            } catch (IngestException e) {
                boolean right = e.row().orElse(-1) == badRow && e.column().orElse("").equals("dec");
                System.out.printf(Locale.ROOT, "reject run stopped after %.1f s: %s%n%s%n", (System.nanoTime() - start) / 1e9, e.getMessage(),
                        right ? "row and column are right (" + badRow + ", dec)" : "ERROR: expected row " + badRow + ", column dec");
            }
        } finally {
            org.skysieve.catalog.archive.Folders.deleteRecursively(folder);
        }
    }

    private static String descriptor(String file, String policy) {
        return """
                name: bench
                bands: [{name: g, wavelength_micron: 0.48}, {name: r, wavelength_micron: 0.62}, {name: i, wavelength_micron: 0.75}]
                tables:
                  - name: objects
                    files: [%s]
                    bad_rows: %s
                    columns:
                      id: {type: long}
                      ra: {type: double, unit: deg}
                      dec: {type: double, unit: deg}
                      mag_g: {type: float, unit: mag, band: g}
                      mag_r: {type: float, unit: mag, band: r}
                      mag_i: {type: float, unit: mag, band: i}
                      magerr_g: {type: float, unit: mag, band: g}
                      magerr_r: {type: float, unit: mag, band: r}
                      magerr_i: {type: float, unit: mag, band: i}
                      pm_ra: {type: double, unit: mas/yr, from: pm_ra_arcsec, from_unit: arcsec/yr}
                      flags: {type: int, flags: [{bit: 0, name: SATURATED}, {bit: 1, name: BLENDED}]}
                      name: {type: string}
                """.formatted(file, policy);
    }

    private static void generate(Path csv, long rows, long badRow, boolean preamble) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write(preamble ? "# generated by IngestBenchmark\n" : "");
            out.write("id,ra,dec,mag_g,mag_r,mag_i,magerr_g,magerr_r,magerr_i,pm_ra_arcsec,flags,name\n");
            StringBuilder line = new StringBuilder(200);
            for (long row = 1; row <= rows; row++) {
                line.setLength(0);
                double z = random.nextDouble(-1, 1);
                line.append(row).append(',').append(random.nextDouble(0, 360)).append(',');
                line.append(row == badRow ? "not-a-number" : Double.toString(Math.toDegrees(Math.asin(z)))).append(',');
                double r = random.nextDouble(16, 24);
                line.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.6f,%d,J%08d%n", r + 0.6, r, r - 0.3,
                        0.01 * random.nextDouble(1, 5), 0.01 * random.nextDouble(1, 5), 0.01 * random.nextDouble(1, 5),
                        random.nextDouble(-0.05, 0.05), random.nextInt(4), row));
                out.append(line);
            }
        }
    }
}
