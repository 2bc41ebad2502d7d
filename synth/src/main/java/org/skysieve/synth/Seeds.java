package org.skysieve.synth;

/** Derives independent seeds from a master seed and a key (SplitMix64 finaliser), so that streams never overlap. */
final class Seeds {
    private Seeds() {
    }

    /** Domains of random streams: a stream is keyed by (master seed, domain, key), so domains never share streams. */
    static final long DOMAIN_BRIGHT_STARS = 1;
    static final long DOMAIN_CHUNK = 2;
    static final long DOMAIN_DEPTH_PATTERN = 3;
    static final long DOMAIN_TILE = 4;
    static final long DOMAIN_BAD_REGIONS = 5;

    /** A random stream for (seed, domain, key). */
    static java.util.SplittableRandom stream(long seed, long domain, long key) {
        return new java.util.SplittableRandom(mix(mix(seed, domain), key));
    }

    static long mix(long seed, long key) {
        long z = seed + 0x9E3779B97F4A7C15L * (key + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal deviate (Box-Muller; one of the pair is discarded for simplicity). */
    static double gaussian(java.util.SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A Poisson deviate; normal approximation above a mean of 200. */
    static long poisson(java.util.SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 200) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        long count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
