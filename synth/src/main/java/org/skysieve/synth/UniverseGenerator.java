package org.skysieve.synth;

import java.util.SplittableRandom;

/**
 * Draws the true sources of the synthetic universe, chunk by chunk, from number counts typical of high galactic
 * latitude (b about -70):
 * <ul>
 *   <li>stars: dN/dm rising from about 30 per deg2 brighter than r = 15 to about 4000 per deg2 to r = 26; black bodies
 *       of 2900-10000 K on a crude main sequence, which gives a distance, a parallax and, with disc (35 km/s) or
 *       halo (180 km/s) velocities, proper motions of a few to ~50 mas/yr;</li>
 *   <li>galaxies: dN/dm rising about 0.4 dex/mag to r = 22 and flattening to r = 25.5 (about 1.3e5 per deg2);
 *       redshift growing with magnitude, half-light radius shrinking with magnitude, ellipticity, position angle;</li>
 *   <li>quasars: a few per deg2 to r = 21, about 80 per deg2 to r = 24.</li>
 * </ul>
 * Stars brighter than {@link #BRIGHT_STAR_LIMIT_MAG} are drawn once for the whole region first (they make the survey
 * masks, which must be known in every chunk), then handed to the chunk containing them.
 *
 * <p>True ids are {@code (chunk index + 1) * 10^9 + running number in the chunk}. Immutable and thread-safe;
 * deterministic for a seed.
 */
final class UniverseGenerator {
    /** Stars brighter than this r magnitude are drawn for the whole region at once. */
    static final double BRIGHT_STAR_LIMIT_MAG = 15.0;
    static final double STAR_FAINT_MAG = 26.0;
    static final double GALAXY_FAINT_MAG = 25.5;
    static final double QUASAR_FAINT_MAG = 25.5;
    private static final long ID_BLOCK = 1_000_000_000L;

    private static final MagnitudeCounts STARS = new MagnitudeCounts(
            new double[] {6, 10, 14, 18, 21, 26}, new double[] {-1.0, 0.18, 1.18, 2.18, 2.6, 2.9});
    private static final MagnitudeCounts GALAXIES = new MagnitudeCounts(
            new double[] {12, 14, 18, 20, 22, 24, 25.5}, new double[] {-0.7, 0.3, 2.08, 3.04, 3.85, 4.48, 4.78});
    private static final MagnitudeCounts QUASARS = new MagnitudeCounts(
            new double[] {15, 17, 19, 21, 22.5, 24, 25.5}, new double[] {-2.0, -0.7, 0.08, 0.78, 1.4, 1.78, 1.9});

    private static final long PURPOSE_SOURCES = 2;

    private final long seed;
    private final SkyRegion region;
    private final SourceBatch brightStars;

    UniverseGenerator(long seed, SkyRegion region) {
        this.seed = seed;
        this.region = region;
        this.brightStars = drawBrightStars();
    }

    /** The stars brighter than {@link #BRIGHT_STAR_LIMIT_MAG} in the whole region (ids are provisional). */
    SourceBatch brightStars() {
        return brightStars;
    }

    private SourceBatch drawBrightStars() {
        SplittableRandom random = Seeds.stream(seed, Seeds.DOMAIN_BRIGHT_STARS, 0);
        long count = Seeds.poisson(random, STARS.perSquareDeg(0, BRIGHT_STAR_LIMIT_MAG) * region.areaSquareDeg());
        SourceBatch batch = new SourceBatch((int) count);
        SkyChunk whole = new SkyChunk(-1, region, -region.raHalfWidthDeg(), region.raHalfWidthDeg(), region.decMinDeg(), region.decMaxDeg());
        for (int s = 0; s < count; s++) {
            addStar(batch, random, whole, s, STARS.sample(random, 0, BRIGHT_STAR_LIMIT_MAG));
        }
        return batch;
    }

    /** Every true source inside {@code chunk}: its share of the bright stars, then faint stars, galaxies, quasars. */
    SourceBatch chunk(SkyChunk chunk) {
        SplittableRandom random = chunk.random(seed, PURPOSE_SOURCES);
        double area = chunk.areaSquareDeg();
        long stars = Seeds.poisson(random, STARS.perSquareDeg(BRIGHT_STAR_LIMIT_MAG, STAR_FAINT_MAG) * area);
        long galaxies = Seeds.poisson(random, GALAXIES.perSquareDeg(0, GALAXY_FAINT_MAG) * area);
        long quasars = Seeds.poisson(random, QUASARS.perSquareDeg(0, QUASAR_FAINT_MAG) * area);
        int bright = 0;
        for (int b = 0; b < brightStars.size(); b++) {
            if (chunk.containsOffset(region.raOffsetDeg(brightStars.raDeg[b]), brightStars.decDeg[b])) {
                bright++;
            }
        }
        SourceBatch batch = new SourceBatch(Math.toIntExact(bright + stars + galaxies + quasars));
        long idBase = (chunk.index() + 1L) * ID_BLOCK;
        for (int b = 0; b < brightStars.size(); b++) {
            if (chunk.containsOffset(region.raOffsetDeg(brightStars.raDeg[b]), brightStars.decDeg[b])) {
                batch.copyFrom(brightStars, b, idBase + batch.size());
            }
        }
        for (long s = 0; s < stars; s++) {
            addStar(batch, random, chunk, idBase + batch.size(), STARS.sample(random, BRIGHT_STAR_LIMIT_MAG, STAR_FAINT_MAG));
        }
        for (long g = 0; g < galaxies; g++) {
            addGalaxy(batch, random, chunk, idBase + batch.size(), GALAXIES.sample(random, 0, GALAXY_FAINT_MAG));
        }
        for (long q = 0; q < quasars; q++) {
            addQuasar(batch, random, chunk, idBase + batch.size(), QUASARS.sample(random, 0, QUASAR_FAINT_MAG));
        }
        return batch;
    }

    private static void addStar(SourceBatch batch, SplittableRandom random, SkyChunk chunk, long id, double rMag) {
        double[] position = chunk.randomPoint(random);
        double mDwarfShare = Math.min(0.6, Math.max(0.15, 0.25 + 0.03 * (rMag - 15)));
        double pick = random.nextDouble();
        double temperatureK;
        if (pick < mDwarfShare) {
            temperatureK = 2900 + 900 * random.nextDouble();
        } else if (pick < mDwarfShare + 0.35) {
            temperatureK = 3800 + 1400 * random.nextDouble();
        } else if (pick < 0.97) {
            temperatureK = 5200 + 2000 * random.nextDouble();
        } else {
            temperatureK = 7200 + 2800 * random.nextDouble();
        }
        double[] offsets = jitter(SpectralModel.starOffsets(temperatureK), random, 0.02);
        int index = batch.add(id, SourceClass.STAR, position[0], position[1], rMag, offsets);
        double absoluteMag = Math.max(-1, Math.min(13, 4.7 - 20 * Math.log10(temperatureK / 5800)));
        double distancePc = Math.pow(10, (rMag - absoluteMag + 5) / 5);
        boolean halo = random.nextDouble() < (distancePc > 2000 ? 0.5 : 0.1);
        double sigmaKmPerS = halo ? 180 : 35;
        double masPerYearPerKmPerS = 1.0 / (4.74 * distancePc / 1000);
        batch.pmraMasPerYear[index] = (float) (sigmaKmPerS * Seeds.gaussian(random) * masPerYearPerKmPerS);
        batch.pmdecMasPerYear[index] = (float) (sigmaKmPerS * Seeds.gaussian(random) * masPerYearPerKmPerS);
        batch.parallaxMas[index] = (float) (1000 / distancePc);
    }

    private static void addGalaxy(SourceBatch batch, SplittableRandom random, SkyChunk chunk, long id, double rMag) {
        double[] position = chunk.randomPoint(random);
        double starburstShare = Math.min(0.35, Math.max(0.10, 0.15 + 0.02 * (rMag - 18)));
        double pick = random.nextDouble();
        SpectralModel.GalaxyType type = pick < 0.3 ? SpectralModel.GalaxyType.ELLIPTICAL
                : pick < 0.3 + starburstShare ? SpectralModel.GalaxyType.STARBURST : SpectralModel.GalaxyType.SPIRAL;
        double medianRedshift = Math.max(0.03, 0.15 + 0.11 * (rMag - 18));
        double redshift = Math.min(4, Math.max(0.01, medianRedshift * Math.exp(0.35 * Seeds.gaussian(random))));
        double[] offsets = jitter(SpectralModel.galaxyOffsets(type, 0.2 * Seeds.gaussian(random), 0.1 * Seeds.gaussian(random), redshift),
                random, 0.03);
        int index = batch.add(id, SourceClass.GALAXY, position[0], position[1], rMag, offsets);
        boolean elliptical = type == SpectralModel.GalaxyType.ELLIPTICAL;
        double radius = 1.5 * Math.pow(10, -0.12 * (rMag - 18)) * (elliptical ? 0.7 : 1.0) * Math.pow(10, 0.2 * Seeds.gaussian(random));
        batch.redshift[index] = (float) redshift;
        batch.halfLightRadiusArcsec[index] = (float) Math.min(30, Math.max(0.05, radius));
        batch.ellipticity[index] = (float) ((elliptical ? 0.4 : 0.75) * random.nextDouble());
        batch.positionAngleDeg[index] = (float) (180 * random.nextDouble());
    }

    private static void addQuasar(SourceBatch batch, SplittableRandom random, SkyChunk chunk, long id, double rMag) {
        double[] position = chunk.randomPoint(random);
        double redshift = Math.min(5, Math.max(0.1, 1.6 * Math.exp(0.5 * Seeds.gaussian(random))));
        double[] offsets = jitter(SpectralModel.quasarOffsets(redshift), random, 0.05);
        int index = batch.add(id, SourceClass.QUASAR, position[0], position[1], rMag, offsets);
        batch.redshift[index] = (float) redshift;
    }

    /** Adds independent Gaussian scatter to every band except r (the reference). */
    private static double[] jitter(double[] offsets, SplittableRandom random, double sigmaMag) {
        for (int band = 0; band < offsets.length; band++) {
            if (band != Passband.R.ordinal()) {
                offsets[band] += sigmaMag * Seeds.gaussian(random);
            }
        }
        return offsets;
    }
}
