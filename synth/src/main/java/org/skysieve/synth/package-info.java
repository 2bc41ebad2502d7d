/**
 * The synthetic universe and the surveys observing it, with their truth: demo data and the test oracle of
 * every later capability (cross-matching, missing-value status, cutouts).
 *
 * <p>Entry point: {@link org.skysieve.synth.SkyGenerator#generate}. How it works, in order:
 * <ol>
 *   <li>The sky region of the {@link org.skysieve.synth.SkyScale} (centred on RA 0, Dec -10, so that it straddles
 *       RA 0/360 at galactic latitude about -69) is cut into 0.125 deg chunks, each with its own random streams
 *       ({@code SplittableRandom} seeded from the master seed and the chunk index), so the result does not depend
 *       on generation order.</li>
 *   <li>{@code UniverseGenerator} draws stars, galaxies and quasars from number counts; {@code SpectralModel} gives
 *       each its true AB magnitudes in the 14 {@link org.skysieve.synth.Passband}s. Stars brighter than r = 15 are
 *       drawn first for the whole region: they define the bright-star masks.</li>
 *   <li>Each of the four surveys ({@code Surveys}) has a {@code Footprint} (tiles on its own grid, gaps, missing
 *       tiles, bands on fewer tiles, depth varying per tile, smoothly and at tile edges) and a {@code MaskIndex}
 *       (bright stars, bad regions). {@code SurveyObserver} measures every source at the survey epoch: status per
 *       band, noisy fluxes, magnitudes and errors, positions with errors, blends, spurious rows, quality flags.</li>
 *   <li>{@code StagingStore} collects rows in DuckDB and spills Parquet parts; {@code TruthFiles} publishes the
 *       truth; the catalogues are published as HATS by {@code HatsCatalogWriter}.</li>
 * </ol>
 * Simplifications (deliberate, documented where they live): monochromatic bands, every magnitude AB, no
 * extinction, no clustering, no parallax displacement of catalogue positions, blends only within a chunk, masks
 * identical in every band of a survey.
 */
package org.skysieve.synth;
