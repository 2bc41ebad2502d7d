package org.skysieve.benchmarks;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutService;
import org.skysieve.images.CutoutSize;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * Single 64 x 64 cutouts per second from a survey band's plates (memory-mapped, page cache warm after the first
 * pass), one thread, positions uniform inside the band's first plate. Writes the positions and the plate's path to
 * {@code POSITIONS.csv} so that {@code benchmarks/compare/cutouts-vs-astropy.py} runs astropy's Cutout2D on the same
 * work. Prints the best of 5 passes.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.CutoutRate DATA SURVEY BAND N POSITIONS.csv}
 */
public final class CutoutRate {
    private CutoutRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments[0]);
        String survey = arguments[1];
        String band = arguments[2];
        int count = Integer.parseInt(arguments[3]);
        Path positionsFile = Path.of(arguments[4]);
        CutoutService service = new CutoutService(PlateIndex.open(data), 4096);
        Plate plate = service.index().plates(survey, band).get(0);
        SplittableRandom random = new SplittableRandom(6);
        LonLat[] positions = new LonLat[count];
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(positionsFile))) {
            out.println("# plate=" + plate.file());
            out.println("ra,dec");
            for (int i = 0; i < count; i++) {
                positions[i] = plate.wcs().pixelToWorld(new PixelPosition(1 + random.nextDouble() * (plate.width() - 1),
                        1 + random.nextDouble() * (plate.height() - 1))).orElseThrow();
                out.printf(Locale.ROOT, "%.10f,%.10f%n", positions[i].lonDeg(), positions[i].latDeg());
            }
        }
        CutoutSize size = CutoutSize.pixels(64, 64);
        double best = 0;
        double checksum = 0;
        for (int pass = 0; pass < 5; pass++) {
            long started = System.nanoTime();
            for (LonLat position : positions) {
                Cutout cutout = service.cut(survey, band, position, size);
                checksum += cutout.pixels()[2080];
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.max(best, count / seconds);
        }
        System.out.printf(Locale.ROOT, "skysieve CutoutService 64x64, %d stamps from %s (%d x %d): %.0f stamps/s"
                + " (checksum %.3g)%n", count, plate.file().getFileName(), plate.width(), plate.height(), best, checksum);
    }
}
