package org.skysieve.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * The tiny sky with images, made once per test JVM: every wide_infrared plate and the first deep_optical tile in all its
 * bands (about 60 MB in a temporary folder, deleted at exit).
 */
final class TinyImages {
    static final long SEED = 42;
    private static TinyImages instance;
    final Path root;
    final SyntheticImages.Summary summary;

    private TinyImages() throws IOException {
        root = Files.createTempDirectory("skysieve-images");
        SkyGenerator.generate(root, SEED, SkyScale.TINY, message -> { });
        SyntheticImages.Summary wide = SyntheticImages.write(root,
                new SyntheticImages.Options(List.of("wide_infrared"), 100, SEED));
        SyntheticImages.Summary deep = SyntheticImages.write(root,
                new SyntheticImages.Options(List.of("deep_optical"), 1, SEED));
        summary = new SyntheticImages.Summary(wide.plates() + deep.plates(), wide.bytes() + deep.bytes(),
                wide.seconds() + deep.seconds());
        Runtime.getRuntime().addShutdownHook(new Thread(this::delete));
    }

    static synchronized TinyImages get() {
        if (instance == null) {
            try {
                instance = new TinyImages();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private void delete() {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
