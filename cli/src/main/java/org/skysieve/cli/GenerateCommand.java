package org.skysieve.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.images.SyntheticImages;
import org.skysieve.synth.GenerationSummary;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;
import org.skysieve.xmatch.BestNeighbourTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skysieve generate}: the synthetic universe, four surveys observing it, and the truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic sky: a universe, four surveys observing it (HATS catalogues) and the truth,",
            "and the best-neighbour tables between every ordered pair of surveys (SURVEY.best_neighbour_OTHER)."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Data folder to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same sky (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "small", paramLabel = "tiny|small|medium|large",
            description = "tiny: unit tests; small: the demo; medium: ~1-3 million rows a survey; large: 10 million or more (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--no-neighbours", description = "Skip the best-neighbour tables between every pair of surveys.")
    boolean noNeighbours;

    @Option(names = "--images", description = "Also draw the image plates of the imaging surveys (deep_optical,"
            + " near_infrared, wide_infrared) into SURVEY/images/BAND/TILE.fits. Tiny scale: about 0.5 GB; small: several GB.")
    boolean images;

    @Option(names = "--image-tiles", defaultValue = "1000000", paramLabel = "N",
            description = "With --images: at most N tiles per survey (default: all).")
    int imageTiles;

    @Option(names = "--image-compression", defaultValue = "none", paramLabel = "none|rice",
            description = "With --images: write plain FITS plates (none, the default) or RICE_1 tile-compressed ones"
                    + " (rice: 128x128 tiles, floats quantized at sigma/16, about 3x smaller; read tile by tile).")
    String imageCompression;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        SyntheticImages.Compression compression = compression();
        SkyScale skyScale = SkyScale.fromName(scale);
        GenerationSummary summary = SkyGenerator.generate(out, seed, skyScale, System.out::println);
        System.out.println(summary);
        if (!noNeighbours) {
            long start = System.nanoTime();
            List<BestNeighbourTables.Summary> built = BestNeighbourTables.buildAll(out, Optional.empty(), System.out::println);
            System.out.printf(Locale.ROOT, "best-neighbour tables: %d in %.2f s%n", built.size(), (System.nanoTime() - start) / 1e9);
        }
        if (images) {
            SyntheticImages.Summary plates = SyntheticImages.write(out,
                    new SyntheticImages.Options(List.of(), imageTiles, seed, compression));
            System.out.printf(Locale.ROOT, "images: %d plates, %.1f MB in %.1f s%n", plates.plates(),
                    plates.bytes() / 1e6, plates.seconds());
        }
        return 0;
    }

    private SyntheticImages.Compression compression() {
        return switch (imageCompression.toLowerCase(Locale.ROOT)) {
            case "none" -> SyntheticImages.Compression.NONE;
            case "rice" -> SyntheticImages.Compression.RICE;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Expected --image-compression none or rice. Actual: '" + imageCompression + "'");
        };
    }
}
