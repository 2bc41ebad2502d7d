package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Generates a synthetic sky: a universe of stars, galaxies and quasars, four surveys observing it, and the truth.
 *
 * <p>Output, in the {@link ArchiveLayout}: {@code <out>/<survey>/survey.json}, {@code <out>/<survey>/<table>/} (a HATS
 * catalogue), {@code <out>/<survey>/footprint/footprint.json} ({@link FootprintDescription}) and
 * per band {@code coverage_<band>.moc.fits}, {@code masks_<band>.moc.fits} and {@code depth_<band>.fits} beside it
 * ({@link FootprintMaps}), and {@code <out>/truth/{sources,observations,spurious}.parquet} ({@link TruthFiles}). Work files live in
 * {@code <out>/.staging} and are deleted at the end.
 *
 * <p>Deterministic: the same seed and scale give the same rows in the same order. The sky is cut into chunks of
 * {@value #CHUNK_SIZE_DEG} deg, each drawn and observed from its own random streams. Not meant to be called twice
 * at once on the same output folder.
 */
public final class SkyGenerator {
    static final double CHUNK_SIZE_DEG = 0.125;
    private static final String STAGING_FOLDER = ".staging";

    private SkyGenerator() {
    }

    /**
     * @param outDir   the data folder (created if missing); existing catalogues and truth there are replaced
     * @param seed     the master seed
     * @param scale    how much sky
     * @param progress receives one-line progress messages (may be called often; must be quick)
     * @throws IllegalArgumentException when {@code outDir} is an existing file
     * @throws UncheckedIOException     when the files cannot be written
     */
    public static GenerationSummary generate(Path outDir, long seed, SkyScale scale, Consumer<String> progress) {
        requireNonNull(outDir, "outDir is null");
        requireNonNull(scale, "scale is null");
        requireNonNull(progress, "progress is null");
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("Expected the output to be a folder (existing or not). Actual: a file, " + outDir);
        }
        try {
            return run(outDir, seed, scale, progress);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot generate the synthetic sky in " + outDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate the synthetic sky in " + outDir, e);
        }
    }

    private static GenerationSummary run(Path outDir, long seed, SkyScale scale, Consumer<String> progress) throws SQLException, IOException {
        PhaseClock clock = new PhaseClock();
        ArchiveLayout layout = new ArchiveLayout(outDir);
        Path staging = outDir.resolve(STAGING_FOLDER);
        Folders.deleteRecursively(staging);
        Files.createDirectories(staging);
        Files.createDirectories(layout.truthFolder());
        List<SurveySpec> surveys = Surveys.all();
        SkyRegion region = scale.region();
        progress.accept(String.format(java.util.Locale.ROOT, "Sky region: %.2f deg2 around RA %.1f, Dec %.1f",
                region.areaSquareDeg(), region.raCentreDeg(), region.decCentreDeg()));

        UniverseGenerator universe = new UniverseGenerator(seed, region);
        List<SurveyObserver> observers = new ArrayList<>();
        List<FootprintDescription> footprints = new ArrayList<>();
        for (SurveySpec survey : surveys) {
            Footprint footprint = new Footprint(seed, survey, scale);
            MaskIndex masks = MaskIndex.build(seed, survey, scale, footprint, universe.brightStars());
            observers.add(new SurveyObserver(survey, footprint, masks));
            footprints.add(FootprintDescription.of(survey, footprint, masks));
        }
        clock.end("setup");

        long trueSources = 0;
        try (StagingStore store = new StagingStore(staging, surveys);
             ChunkPipeline pipeline = new ChunkPipeline(seed, universe, surveys, observers, workerThreads())) {
            List<SkyChunk> chunks = region.chunks(CHUNK_SIZE_DEG);
            int reported = 0;
            for (ChunkPipeline.ChunkResult result : pipeline.results(chunks)) {
                trueSources += result.batch().size();
                store.appendSources(result.batch());
                for (int s = 0; s < surveys.size(); s++) {
                    store.append(surveys.get(s), result.observations().get(s));
                }
                store.spillIfLarge();
                int percent = (int) (100L * (result.chunk().index() + 1) / chunks.size());
                if (percent >= reported + 10 || result.chunk().index() + 1 == chunks.size()) {
                    reported = percent;
                    progress.accept(String.format(java.util.Locale.ROOT, "Simulated %d%% of the sky (%,d true sources)", percent, trueSources));
                }
            }
            store.spill();
            clock.end("simulate");

            TruthFiles.write(store, layout, surveys);
            clock.end("truth");
            progress.accept("Wrote the truth to " + layout.truthFolder());

            List<GenerationSummary.SurveyRows> rows = new ArrayList<>();
            for (int s = 0; s < surveys.size(); s++) {
                SurveySpec survey = surveys.get(s);
                Survey model = surveyModel(survey, store.schema(survey).table());
                Files.createDirectories(layout.surveyFolder(survey.name()));
                SurveyJson.write(model, layout.surveyFile(survey.name()));
                Files.createDirectories(layout.footprintFolder(survey.name()));
                Files.writeString(layout.footprintFolder(survey.name()).resolve("footprint.json"), SurveyJson.toJson(footprints.get(s)));
                HatsCatalogWriter.write(store.parts(survey.name()), model.tables().get(0), survey.name(), hatsOptions(scale),
                        layout.catalogueFolder(survey.name(), survey.tableName()));
                rows.add(new GenerationSummary.SurveyRows(survey.name(), store.totalRows(survey.name()), store.spuriousRows(survey.name())));
                progress.accept(String.format(java.util.Locale.ROOT, "Wrote %s: %,d rows", survey.name(), store.totalRows(survey.name())));
            }
            clock.end("catalogues");
            for (int s = 0; s < surveys.size(); s++) {
                new FootprintMaps(footprints.get(s)).writeAll(layout.footprintFolder(surveys.get(s).name()));
            }
            clock.end("maps");
            progress.accept("Wrote the coverage, mask and depth maps of every band");
            Folders.deleteRecursively(staging);
            return new GenerationSummary(scale, seed, trueSources, rows, clock.phases(), clock.totalSeconds());
        }
    }

    /**
     * Worker threads drawing and observing chunks while the calling thread writes: the cores, at most 4, unless the
     * system property {@code skysieve.synth.threads} says otherwise (the output does not depend on it).
     */
    private static int workerThreads() {
        int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return Math.max(1, Integer.getInteger("skysieve.synth.threads", cores));
    }

    /** Partition sizes that give several partitions at every scale (useful to exercise partition pruning). */
    static HatsWriteOptions hatsOptions(SkyScale scale) {
        long maxRows = switch (scale) {
            case TINY -> 2_000;
            case SMALL -> 20_000;
            case MEDIUM -> 200_000;
            case LARGE -> 1_000_000;
        };
        // A skymap at order 8 is 6 MB whatever the catalogue's size; the small skies cover a few square degrees,
        // for which order 6 (0.9 deg cells) already shows the footprint.
        int skymapOrder = scale == SkyScale.TINY || scale == SkyScale.SMALL ? 6 : HatsWriteOptions.defaults().skymapOrder();
        return new HatsWriteOptions(maxRows, HatsWriteOptions.defaults().highestOrder(), skymapOrder);
    }

    static Survey surveyModel(SurveySpec survey, CatalogTable table) {
        List<Band> bands = survey.bands().stream()
                .map(b -> new Band(b.name(), b.truthBand().wavelengthMicron(), survey.pixelScaleArcsec(), b.medianDepthMag(), "AB"))
                .toList();
        return new Survey(survey.name(), survey.title(), survey.description(),
                "Synthetic survey generated by skysieve (no real data).", survey.epochYear(), bands, List.of(table));
    }

    /** Wall-clock time per phase. */
    private static final class PhaseClock {
        private final long start = System.nanoTime();
        private long phaseStart = start;
        private final List<GenerationSummary.PhaseTime> phases = new ArrayList<>();

        void end(String phase) {
            long now = System.nanoTime();
            phases.add(new GenerationSummary.PhaseTime(phase, (now - phaseStart) / 1e9));
            phaseStart = now;
        }

        List<GenerationSummary.PhaseTime> phases() {
            return phases;
        }

        double totalSeconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
