package org.skysieve.catalog.status;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * What one survey band knows of any position: its coverage MOC, its mask MOC (with a MOC per mask reason when the
 * survey gives them) and its depth map (5-sigma limiting magnitude). Look-ups are HEALPix look-ups (one order-29 hash
 * and binary searches in the maps' sorted ranges), not geometry, so that millions of positions take well under a
 * second.
 *
 * <p>Positions: {@code raDeg} in [0, 360], {@code decDeg} in [-90, 90], degrees ICRS; anything else (NaN included)
 * is a {@link StatusMapException} of category {@code BAD_INPUT} naming the parameter, index and value.
 * Immutable and thread-safe.
 */
public final class BandStatusMap {
    private final String survey;
    private final String band;
    private final SpatialMoc coverage;
    private final SpatialMoc masks;
    private final Map<String, SpatialMoc> masksByReason;
    private final PartialHealpixMap depth;

    /**
     * @param masks         the masked cells (only those inside coverage count)
     * @param masksByReason reason (e.g. {@code bright_star}) to its masked cells; may be empty. The band's mask is the
     *                      union of {@code masks} and these: a reason's cell outside {@code masks} is masked too
     * @param depth         the depth map, or null when the survey gives none (limits are then NaN)
     */
    public BandStatusMap(String survey, String band, SpatialMoc coverage, SpatialMoc masks, Map<String, SpatialMoc> masksByReason,
                         PartialHealpixMap depth) {
        this.survey = requireNonNull(survey, "survey is null");
        this.band = requireNonNull(band, "band is null");
        this.coverage = requireNonNull(coverage, "coverage is null");
        requireNonNull(masks, "masks is null");
        requireNonNull(masksByReason, "masksByReason is null");
        SpatialMoc allMasks = masks;
        Map<String, SpatialMoc> reasons = new TreeMap<>();
        for (Map.Entry<String, SpatialMoc> reason : masksByReason.entrySet()) {
            SpatialMoc inside = reason.getValue().intersection(coverage);
            reasons.put(reason.getKey(), inside);
            allMasks = allMasks.union(inside);
        }
        this.masks = allMasks.intersection(coverage);
        this.masksByReason = Collections.unmodifiableMap(reasons);
        this.depth = depth;
    }

    public String survey() {
        return survey;
    }

    public String band() {
        return band;
    }

    public SpatialMoc coverage() {
        return coverage;
    }

    /** The masked cells inside the coverage. */
    public SpatialMoc masks() {
        return masks;
    }

    /** Reason (e.g. {@code bright_star}) to its masked cells inside the coverage, in reason order; empty when the survey gives none. */
    public Map<String, SpatialMoc> masksByReason() {
        return masksByReason;
    }

    public Optional<PartialHealpixMap> depth() {
        return Optional.ofNullable(depth);
    }

    /** The status at one position. */
    public CoverageStatus status(double raDeg, double decDeg) {
        return statusOfHash(hash29(raDeg, decDeg, -1));
    }

    /** The 5-sigma limiting magnitude at one position: NaN where unobserved or where the depth map has no value. */
    public double limitMag(double raDeg, double decDeg) {
        return limitOfHash(hash29(raDeg, decDeg, -1));
    }

    /** The mask reason at a masked position, when the survey gives reasons. */
    public Optional<String> maskReason(double raDeg, double decDeg) {
        long hash = hash29(raDeg, decDeg, -1);
        if (statusOfHash(hash) != CoverageStatus.MASKED) {
            return Optional.empty();
        }
        return masksByReason.entrySet().stream().filter(entry -> entry.getValue().contains(hash)).map(Map.Entry::getKey)
                .sorted().findFirst();
    }

    /** The statuses of many positions ({@code raDeg[i]}, {@code decDeg[i]}). */
    public CoverageStatus[] statuses(double[] raDeg, double[] decDeg) {
        checkLengths(raDeg, decDeg);
        CoverageStatus[] statuses = new CoverageStatus[raDeg.length];
        for (int i = 0; i < raDeg.length; i++) {
            statuses[i] = statusOfHash(hash29(raDeg[i], decDeg[i], i));
        }
        return statuses;
    }

    /** The limiting magnitudes of many positions (NaN where unobserved). */
    public double[] limitMags(double[] raDeg, double[] decDeg) {
        checkLengths(raDeg, decDeg);
        double[] limits = new double[raDeg.length];
        for (int i = 0; i < raDeg.length; i++) {
            limits[i] = limitOfHash(hash29(raDeg[i], decDeg[i], i));
        }
        return limits;
    }

    /**
     * The order-29 HEALPix index of a position, checked as every look-up here checks it (for callers that look up
     * several maps, or the status and the limit, at one position: hash once).
     */
    public static long positionHash29(double raDeg, double decDeg) {
        return hash29(raDeg, decDeg, -1);
    }

    /** The status at the order-29 HEALPix cell {@code hash29} (see {@link #positionHash29}). */
    public CoverageStatus statusOfHash(long hash29) {
        if (!coverage.contains(hash29)) {
            return CoverageStatus.UNOBSERVED;
        }
        return masks.contains(hash29) ? CoverageStatus.MASKED : CoverageStatus.OBSERVED;
    }

    /** The limiting magnitude at the order-29 HEALPix cell {@code hash29}: NaN where unobserved or unknown. */
    public double limitOfHash(long hash29) {
        if (depth == null || !coverage.contains(hash29)) {
            return Double.NaN;
        }
        return depth.valueAtHash29(hash29);
    }

    private static void checkLengths(double[] raDeg, double[] decDeg) {
        requireNonNull(raDeg, "raDeg is null");
        requireNonNull(decDeg, "decDeg is null");
        if (raDeg.length != decDeg.length) {
            throw new StatusMapException(StatusMapException.Category.BAD_INPUT,
                    "Expected as many declinations as right ascensions. Actual: " + raDeg.length + " raDeg, " + decDeg.length + " decDeg");
        }
    }

    /** @param index the position's index in an array, or -1 for a single position */
    private static long hash29(double raDeg, double decDeg, int index) {
        if (!(raDeg >= 0 && raDeg <= 360)) {
            throw badPosition("raDeg", "[0, 360]", raDeg, index);
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw badPosition("decDeg", "[-90, 90]", decDeg, index);
        }
        return HealpixNested.hash(HealpixNested.MAX_DEPTH, Math.toRadians(raDeg), Math.toRadians(decDeg));
    }

    private static StatusMapException badPosition(String name, String range, double value, int index) {
        return new StatusMapException(StatusMapException.Category.BAD_INPUT, "Expected " + name + " in " + range
                + (index >= 0 ? " at index " + index : "") + ". Actual: " + value);
    }

    @Override
    public String toString() {
        return "BandStatusMap[" + survey + " " + band + ", coverage " + coverage.areaSquareDeg() + " deg2]";
    }
}
