package org.skysieve.synth;

/** IAU-style designations {@code PREFIX JHHMMSS.ss+DDMMSS.s} (truncated, not rounded, as the IAU recommends). */
final class Designations {
    private Designations() {
    }

    static String iau(String prefix, double raDeg, double decDeg) {
        long raCentiSeconds = (long) Math.floor(SkyRegion.normaliseRa(raDeg) / 15 * 3600 * 100);
        long decDeciArcsec = (long) Math.floor(Math.abs(decDeg) * 3600 * 10);
        StringBuilder name = new StringBuilder(prefix.length() + 20).append(prefix).append(" J");
        two(name, raCentiSeconds / 360_000);
        two(name, raCentiSeconds / 6_000 % 60);
        two(name, raCentiSeconds / 100 % 60);
        name.append('.');
        two(name, raCentiSeconds % 100);
        name.append(decDeg < 0 ? '-' : '+');
        two(name, decDeciArcsec / 36_000);
        two(name, decDeciArcsec / 600 % 60);
        two(name, decDeciArcsec / 10 % 60);
        name.append('.').append(decDeciArcsec % 10);
        return name.toString();
    }

    private static void two(StringBuilder builder, long value) {
        if (value < 10) {
            builder.append('0');
        }
        builder.append(value);
    }
}
