package org.skysieve.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A box on the sky in (RA, Dec): RA within {@code raHalfWidthDeg} of {@code raCentreDeg} (wrapping through 0/360),
 * Dec within {@code decHalfHeightDeg} of {@code decCentreDeg}. All angles are ICRS degrees.
 *
 * <p>Points are handled through their RA offset from the centre, in [-180, 180), so that a region straddling
 * RA 0 is one contiguous interval.
 */
public record SkyRegion(double raCentreDeg, double decCentreDeg, double raHalfWidthDeg, double decHalfHeightDeg) {
    public SkyRegion {
        if (!(raHalfWidthDeg > 0 && raHalfWidthDeg < 90)) {
            throw new IllegalArgumentException("Expected raHalfWidthDeg in (0, 90). Actual: " + raHalfWidthDeg);
        }
        if (!(decHalfHeightDeg > 0) || Math.abs(decCentreDeg) + decHalfHeightDeg >= 89) {
            throw new IllegalArgumentException("Expected a Dec range inside (-89, 89). Actual: centre " + decCentreDeg
                    + ", half height " + decHalfHeightDeg);
        }
    }

    public double decMinDeg() {
        return decCentreDeg - decHalfHeightDeg;
    }

    public double decMaxDeg() {
        return decCentreDeg + decHalfHeightDeg;
    }

    /** The RA offset of {@code raDeg} from the centre, in [-180, 180). */
    public double raOffsetDeg(double raDeg) {
        return wrapOffset(raDeg - raCentreDeg);
    }

    /** The RA, in [0, 360), at {@code offsetDeg} from the centre. */
    public double raAt(double offsetDeg) {
        return normaliseRa(raCentreDeg + offsetDeg);
    }

    public boolean contains(double raDeg, double decDeg) {
        return Math.abs(raOffsetDeg(raDeg)) <= raHalfWidthDeg && Math.abs(decDeg - decCentreDeg) <= decHalfHeightDeg;
    }

    /** Solid angle, square degrees. */
    public double areaSquareDeg() {
        return boxAreaSquareDeg(2 * raHalfWidthDeg, decMinDeg(), decMaxDeg());
    }

    /**
     * The region cut into chunks of about {@code sizeDeg} on a side (the RA step is widened by 1/cos(Dec centre)),
     * numbered from 0 in Dec-major order. Each chunk is generated from its own random stream.
     */
    public List<SkyChunk> chunks(double sizeDeg) {
        int decCount = Math.max(1, (int) Math.ceil(2 * decHalfHeightDeg / sizeDeg));
        double raSizeDeg = sizeDeg / Math.cos(Math.toRadians(decCentreDeg));
        int raCount = Math.max(1, (int) Math.ceil(2 * raHalfWidthDeg / raSizeDeg));
        double decStep = 2 * decHalfHeightDeg / decCount;
        double raStep = 2 * raHalfWidthDeg / raCount;
        List<SkyChunk> chunks = new ArrayList<>();
        for (int d = 0; d < decCount; d++) {
            for (int a = 0; a < raCount; a++) {
                chunks.add(new SkyChunk(chunks.size(), this,
                        -raHalfWidthDeg + a * raStep, -raHalfWidthDeg + (a + 1) * raStep,
                        decMinDeg() + d * decStep, decMinDeg() + (d + 1) * decStep));
            }
        }
        return List.copyOf(chunks);
    }

    static double boxAreaSquareDeg(double raWidthDeg, double decMinDeg, double decMaxDeg) {
        double steradians = Math.toRadians(raWidthDeg) * (Math.sin(Math.toRadians(decMaxDeg)) - Math.sin(Math.toRadians(decMinDeg)));
        return steradians * Math.pow(180 / Math.PI, 2);
    }

    static double wrapOffset(double offsetDeg) {
        double wrapped = ((offsetDeg + 180) % 360 + 360) % 360 - 180;
        return wrapped;
    }

    static double normaliseRa(double raDeg) {
        double ra = (raDeg % 360 + 360) % 360;
        return ra >= 360 ? 0 : ra;
    }
}
