package org.skysieve.xmatch;

import java.util.SplittableRandom;

/** Seeded random catalogues for agreement tests: uniform in a region, plus near copies at a chosen scale. */
final class RandomCatalogues {
    final double[] raDeg;
    final double[] decDeg;

    private RandomCatalogues(double[] raDeg, double[] decDeg) {
        this.raDeg = raDeg;
        this.decDeg = decDeg;
    }

    SkyPositions positions() {
        return SkyPositions.ofDegrees(raDeg, decDeg);
    }

    int size() {
        return raDeg.length;
    }

    /** {@code n} points uniform over the band of declinations [decMin, decMax] and RA in [raMin, raMin + raWidth) (wrapped). */
    static RandomCatalogues uniform(long seed, int n, double raMinDeg, double raWidthDeg, double decMinDeg, double decMaxDeg) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[n];
        double[] dec = new double[n];
        double zMin = Math.sin(Math.toRadians(decMinDeg));
        double zMax = Math.sin(Math.toRadians(decMaxDeg));
        for (int i = 0; i < n; i++) {
            double r = raMinDeg + raWidthDeg * random.nextDouble();
            ra[i] = ((r % 360.0) + 360.0) % 360.0;
            dec[i] = Math.toDegrees(Math.asin(zMin + (zMax - zMin) * random.nextDouble()));
        }
        return new RandomCatalogues(ra, dec);
    }

    /** Each point of {@code base} kept with probability {@code keep}, moved in a random direction by up to {@code scaleArcsec}. */
    static RandomCatalogues jittered(long seed, RandomCatalogues base, double keep, double scaleArcsec) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        double[] ra = new double[base.size()];
        double[] dec = new double[base.size()];
        for (int i = 0; i < base.size(); i++) {
            if (random.nextDouble() >= keep) {
                continue;
            }
            double offsetRad = Math.toRadians(scaleArcsec / 3600.0) * random.nextDouble();
            double bearing = 2 * Math.PI * random.nextDouble();
            double lat1 = Math.toRadians(base.decDeg[i]);
            double lon1 = Math.toRadians(base.raDeg[i]);
            double lat2 = Math.asin(Math.sin(lat1) * Math.cos(offsetRad) + Math.cos(lat1) * Math.sin(offsetRad) * Math.cos(bearing));
            double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(offsetRad) * Math.cos(lat1),
                    Math.cos(offsetRad) - Math.sin(lat1) * Math.sin(lat2));
            double raDeg = Math.toDegrees(lon2) % 360.0;
            ra[n] = raDeg < 0 ? raDeg + 360.0 : raDeg;
            dec[n] = Math.toDegrees(lat2);
            n++;
        }
        return new RandomCatalogues(java.util.Arrays.copyOf(ra, n), java.util.Arrays.copyOf(dec, n));
    }

    /** Each point of this catalogue kept, unchanged (an exact duplicate), with probability {@code keep}. */
    RandomCatalogues sample(long seed, double keep) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        double[] ra = new double[size()];
        double[] dec = new double[size()];
        for (int i = 0; i < size(); i++) {
            if (random.nextDouble() < keep) {
                ra[n] = raDeg[i];
                dec[n] = decDeg[i];
                n++;
            }
        }
        return new RandomCatalogues(java.util.Arrays.copyOf(ra, n), java.util.Arrays.copyOf(dec, n));
    }

    /** This catalogue followed by {@code other}. */
    RandomCatalogues plus(RandomCatalogues other) {
        double[] ra = java.util.Arrays.copyOf(raDeg, size() + other.size());
        double[] dec = java.util.Arrays.copyOf(decDeg, size() + other.size());
        System.arraycopy(other.raDeg, 0, ra, size(), other.size());
        System.arraycopy(other.decDeg, 0, dec, size(), other.size());
        return new RandomCatalogues(ra, dec);
    }
}
