package org.skysieve.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.synth.FootprintDescription;
import org.skysieve.synth.FootprintDescription.BandDepth;
import org.skysieve.synth.FootprintDescription.TileDescription;
import org.skysieve.synth.ImagingBands;
import org.skysieve.synth.ImagingBands.ImagingBand;
import org.skysieve.synth.ImagingBands.ImagingSurvey;

/**
 * Writes the image plates of the synthetic imaging surveys of a data folder made by {@code skysieve generate}: for every
 * tile of {@code <survey>/footprint/footprint.json} and every band observed on it, {@code
 * <survey>/images/<band>/<tile>.fits} drawn by {@link TileRenderer} from {@code truth/sources.parquet}.
 *
 * <p>Sizes: a plate is {@code (tile size / pixel scale)^2} float32 pixels (tiny scale: 1800^2 = 13 MB per deep_optical
 * band and tile), so images are optional and {@link Options#maxTilesPerSurvey()} bounds them.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /**
     * What to draw.
     *
     * @param surveys            the surveys (empty: every imaging survey)
     * @param maxTilesPerSurvey  at most this many tiles per survey (the first in footprint order)
     * @param seed               noise seed
     * @param compression        how plates are stored: plain FITS, or RICE_1 tile-compressed ({@link RiceImageWriter})
     */
    public record Options(List<String> surveys, int maxTilesPerSurvey, long seed, Compression compression) {
        public Options {
            surveys = List.copyOf(surveys);
            java.util.Objects.requireNonNull(compression, "compression is null");
            if (maxTilesPerSurvey < 1) {
                throw new IllegalArgumentException("Expected maxTilesPerSurvey >= 1. Actual: " + maxTilesPerSurvey);
            }
        }

        /** Uncompressed plates. */
        public Options(List<String> surveys, int maxTilesPerSurvey, long seed) {
            this(surveys, maxTilesPerSurvey, seed, Compression.NONE);
        }
    }

    /** How plates are written. */
    public enum Compression {
        /** Plain FITS, memory-mapped when read. */
        NONE,
        /** RICE_1 tile-compressed (128 x 128 tiles, floats quantized at sigma/16 with subtractive dithering). */
        RICE
    }

    /** What was written. */
    public record Summary(int plates, long bytes, double seconds) {
    }

    /** Draws and writes the plates; returns counts. */
    public static Summary write(Path dataFolder, Options options) throws IOException {
        long started = System.nanoTime();
        List<String> surveys = options.surveys().isEmpty() ? ImagingBands.surveyNames() : options.surveys();
        int plates = 0;
        long bytes = 0;
        for (String surveyName : surveys) {
            ImagingSurvey survey = ImagingBands.survey(surveyName).orElseThrow(() -> new IllegalArgumentException(
                    "Expected an imaging survey among " + ImagingBands.surveyNames() + ". Actual: " + surveyName));
            Path footprintFile = dataFolder.resolve(surveyName).resolve("footprint").resolve("footprint.json");
            FootprintDescription footprint = SurveyJson.fromJson(Files.readString(footprintFile),
                    FootprintDescription.class);
            List<TruthSource> truth;
            try {
                truth = TruthReader.read(dataFolder.resolve("truth").resolve("sources.parquet"), survey);
            } catch (SQLException e) {
                throw new IOException("Could not read the truth of " + dataFolder + ": " + e.getMessage(), e);
            }
            TileRenderer renderer = new TileRenderer(surveyName, footprint.pixelScaleArcsec(), footprint.masks());
            List<TileDescription> tiles = footprint.tiles().subList(0,
                    Math.min(options.maxTilesPerSurvey(), footprint.tiles().size()));
            for (TileDescription tile : tiles) {
                List<TruthSource> near = near(truth, tile);
                for (BandDepth depth : tile.bands()) {
                    int bandIndex = bandIndex(survey, depth.band());
                    ImagingBand band = survey.bands().get(bandIndex);
                    TileRenderer.RenderedPlate plate = renderer.render(tile, band, bandIndex, depth.depthMag(), near,
                            options.seed());
                    Path file = PlateLayout.plateFile(dataFolder, surveyName, band.band(), tile.id());
                    Files.createDirectories(file.getParent());
                    if (options.compression() == Compression.RICE) {
                        RiceImageWriter.write(file, plate.pixels(), plate.width(), plate.height(), plate.cards());
                    } else {
                        FitsImageWriter.write(file, plate.pixels(), plate.width(), plate.height(), plate.cards());
                    }
                    plates++;
                    bytes += Files.size(file);
                }
            }
        }
        return new Summary(plates, bytes, (System.nanoTime() - started) / 1e9);
    }

    private static int bandIndex(ImagingSurvey survey, String band) {
        for (int index = 0; index < survey.bands().size(); index++) {
            if (survey.bands().get(index).band().equals(band)) {
                return index;
            }
        }
        throw new IllegalArgumentException("Expected a band of " + survey.survey() + " in its footprint.json. Actual: '"
                + band + "'");
    }

    /** The sources within a tile's size (plus a margin for wide profiles) of its centre: a cheap pre-filter. */
    private static List<TruthSource> near(List<TruthSource> truth, TileDescription tile) {
        double reachDeg = tile.sizeDeg() + 0.02;
        double cosDec = Math.cos(Math.toRadians(tile.decCentreDeg()));
        List<TruthSource> near = new ArrayList<>();
        for (TruthSource source : truth) {
            double dRa = ((source.raDeg() - tile.raCentreDeg()) % 360.0 + 540.0) % 360.0 - 180.0;
            if (Math.abs(source.decDeg() - tile.decCentreDeg()) < reachDeg && Math.abs(dRa) * cosDec < reachDeg) {
                near.add(source);
            }
        }
        return near;
    }
}
