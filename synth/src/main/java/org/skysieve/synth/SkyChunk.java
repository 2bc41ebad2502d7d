package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * One piece of a {@link SkyRegion}: RA offsets [raOffsetMinDeg, raOffsetMaxDeg) from the region centre and Dec
 * [decMinDeg, decMaxDeg), degrees. Chunks are the unit of generation: each has its own random stream, so the
 * universe does not depend on the order (or the thread) in which chunks are generated.
 */
public record SkyChunk(int index, SkyRegion region, double raOffsetMinDeg, double raOffsetMaxDeg, double decMinDeg, double decMaxDeg) {
    public SkyChunk {
        requireNonNull(region, "region is null");
    }

    public double areaSquareDeg() {
        return SkyRegion.boxAreaSquareDeg(raOffsetMaxDeg - raOffsetMinDeg, decMinDeg, decMaxDeg);
    }

    public boolean containsOffset(double raOffsetDeg, double decDeg) {
        return raOffsetDeg >= raOffsetMinDeg && raOffsetDeg < raOffsetMaxDeg && decDeg >= decMinDeg && decDeg < decMaxDeg;
    }

    /** A point drawn uniformly on the sphere inside the chunk: {@code {raDeg, decDeg}}. */
    public double[] randomPoint(SplittableRandom random) {
        double sinMin = Math.sin(Math.toRadians(decMinDeg));
        double sinMax = Math.sin(Math.toRadians(decMaxDeg));
        double decDeg = Math.toDegrees(Math.asin(sinMin + random.nextDouble() * (sinMax - sinMin)));
        double offsetDeg = raOffsetMinDeg + random.nextDouble() * (raOffsetMaxDeg - raOffsetMinDeg);
        return new double[] {region.raAt(offsetDeg), decDeg};
    }

    /** A random stream for this chunk and one purpose, independent of every other chunk and purpose. */
    public SplittableRandom random(long seed, long purpose) {
        return Seeds.stream(seed, Seeds.DOMAIN_CHUNK, 1_000_003L * index + purpose);
    }
}
