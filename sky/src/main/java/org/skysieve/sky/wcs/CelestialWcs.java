package org.skysieve.sky.wcs;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.skysieve.sky.LonLat;

/**
 * A celestial FITS world coordinate system (FITS 4.0 section 8; Greisen &amp; Calabretta 2002; Calabretta &amp; Greisen
 * 2002): pixel to sky and back for the two celestial axes of an image, via the linear transformation (CD, or PC and
 * CDELT, or CROTA2), the projection and the spherical rotation.
 *
 * <p>Pixels are FITS 1-based ({@link PixelPosition}); {@code x} runs along the first of the two celestial pixel axes and
 * {@code y} along the second (NAXIS1 and NAXIS2 for an ordinary image). Sky positions are in {@link #frame()}, never
 * converted. Positions outside the projection's domain give an empty result. Immutable, thread-safe.
 */
public final class CelestialWcs {
    private final String longitudeType;
    private final String latitudeType;
    private final Projection projection;
    private final CelestialFrame frame;
    private final double equinoxYear;
    private final double referencePixelX;
    private final double referencePixelY;
    private final LinearTransform linear;
    private final double referenceLonDeg;
    private final double referenceLatDeg;
    private final double lonPoleDeg;
    private final double latPoleDeg;
    private final SphericalRotation rotation;
    private final SipDistortion sip;
    private final TpvDistortion tpv;

    /**
     * A WCS from its parts; {@link WcsHeaderParser} builds it from header cards.
     *
     * @param longitudeType CTYPE of the longitude axis, such as {@code RA---TAN}
     * @param latitudeType CTYPE of the latitude axis
     * @param projection the projection both types name
     * @param frame the celestial frame
     * @param equinoxYear EQUINOX (NaN when absent)
     * @param referencePixelX CRPIX along x
     * @param referencePixelY CRPIX along y
     * @param linear pixel offsets to intermediate world coordinates (degrees)
     * @param referenceLonDeg CRVAL of the longitude axis
     * @param referenceLatDeg CRVAL of the latitude axis
     * @param lonPoleDeg LONPOLE, NaN for the default of Calabretta &amp; Greisen 2002 section 2.5
     * @param latPoleDeg LATPOLE, NaN for the default (+90)
     */
    public CelestialWcs(String longitudeType, String latitudeType, Projection projection, CelestialFrame frame,
            double equinoxYear, double referencePixelX, double referencePixelY, LinearTransform linear,
            double referenceLonDeg, double referenceLatDeg, double lonPoleDeg, double latPoleDeg) {
        this(longitudeType, latitudeType, projection, frame, equinoxYear, referencePixelX, referencePixelY, linear,
                referenceLonDeg, referenceLatDeg, lonPoleDeg, latPoleDeg, null, null);
    }

    /** As the public constructor, with a SIP distortion of pixel offsets and/or a TPV one of the plane (null: none). */
    CelestialWcs(String longitudeType, String latitudeType, Projection projection, CelestialFrame frame,
            double equinoxYear, double referencePixelX, double referencePixelY, LinearTransform linear,
            double referenceLonDeg, double referenceLatDeg, double lonPoleDeg, double latPoleDeg, SipDistortion sip,
            TpvDistortion tpv) {
        this.sip = sip;
        this.tpv = tpv;
        this.longitudeType = requireNonNull(longitudeType, "longitudeType is null");
        this.latitudeType = requireNonNull(latitudeType, "latitudeType is null");
        this.projection = requireNonNull(projection, "projection is null");
        this.frame = requireNonNull(frame, "frame is null");
        this.linear = requireNonNull(linear, "linear is null");
        this.equinoxYear = equinoxYear;
        this.referencePixelX = referencePixelX;
        this.referencePixelY = referencePixelY;
        this.referenceLonDeg = referenceLonDeg;
        this.referenceLatDeg = referenceLatDeg;
        this.lonPoleDeg = lonPoleDeg;
        this.latPoleDeg = latPoleDeg;
        this.rotation = SphericalRotation.of(referenceLonDeg, referenceLatDeg, projection.theta0Deg(), lonPoleDeg,
                latPoleDeg);
    }

    /** The WCS of the celestial axes described by FITS header cards (see {@link WcsHeaderParser}). */
    public static CelestialWcs fromCards(Map<String, String> cards) {
        return WcsHeaderParser.parse(cards);
    }

    public Projection projection() {
        return projection;
    }

    public CelestialFrame frame() {
        return frame;
    }

    /** The distortion convention in use: {@code "SIP"}, {@code "TPV"} or empty for none. */
    public Optional<String> distortion() {
        return sip != null ? Optional.of("SIP") : tpv != null ? Optional.of("TPV") : Optional.empty();
    }

    /** The sky position of a pixel, or empty outside the projection's domain. */
    public Optional<LonLat> pixelToWorld(PixelPosition pixel) {
        double[] work = new double[2];
        double offsetX = pixel.x() - referencePixelX;
        double offsetY = pixel.y() - referencePixelY;
        if (sip != null) {
            sip.apply(offsetX, offsetY, work);
            offsetX = work[0];
            offsetY = work[1];
        }
        linear.apply(offsetX, offsetY, work);
        if (tpv != null) {
            tpv.apply(work[0], work[1], work);
        }
        if (!projection.planeToNative(work[0], work[1], work)) {
            return Optional.empty();
        }
        rotation.nativeToCelestial(work[0], work[1], work);
        return Optional.of(LonLat.ofDegrees(work[0], work[1]));
    }

    /** The pixel of a sky position, or empty where the projection does not reach it (such as TAN's far hemisphere). */
    public Optional<PixelPosition> worldToPixel(LonLat position) {
        double[] work = new double[2];
        rotation.celestialToNative(position.lonDeg(), position.latDeg(), work);
        if (!projection.nativeToPlane(work[0], work[1], work)) {
            return Optional.empty();
        }
        if (tpv != null && !tpv.invert(work[0], work[1], work)) {
            return Optional.empty();
        }
        linear.applyInverse(work[0], work[1], work);
        if (sip != null && !sip.invert(work[0], work[1], work)) {
            return Optional.empty();
        }
        double x = work[0] + referencePixelX;
        double y = work[1] + referencePixelY;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Optional.empty();
        }
        return Optional.of(new PixelPosition(x, y));
    }

    /**
     * The same WCS for a sub-image whose first pixel is pixel ({@code firstX}, {@code firstY}) of this one (FITS 1-based;
     * a sub-image may start outside the image, as a partial cutout does): CRPIX shifts by {@code 1 - first}.
     */
    public CelestialWcs forSubImage(long firstX, long firstY) {
        return new CelestialWcs(longitudeType, latitudeType, projection, frame, equinoxYear,
                referencePixelX - (firstX - 1), referencePixelY - (firstY - 1), linear, referenceLonDeg,
                referenceLatDeg, lonPoleDeg, latPoleDeg, sip, tpv);
    }

    /**
     * Header cards describing this WCS on a 2-D image (axes 1 and 2): CTYPE, CRPIX, CRVAL, CD, LONPOLE, LATPOLE, RADESYS,
     * EQUINOX, and the distortion's SIP (A_p_q, B_p_q, AP_p_q, BP_p_q) or TPV (PVi_k) cards. Values are FITS value text (strings quoted), in insertion order.
     */
    public Map<String, String> toCards() {
        Map<String, String> cards = new LinkedHashMap<>();
        cards.put("WCSAXES", "2");
        cards.put("CTYPE1", quote(longitudeType));
        cards.put("CTYPE2", quote(latitudeType));
        cards.put("CRPIX1", number(referencePixelX));
        cards.put("CRPIX2", number(referencePixelY));
        cards.put("CRVAL1", number(referenceLonDeg));
        cards.put("CRVAL2", number(referenceLatDeg));
        cards.put("CUNIT1", quote("deg"));
        cards.put("CUNIT2", quote("deg"));
        cards.put("CD1_1", number(linear.m11()));
        cards.put("CD1_2", number(linear.m12()));
        cards.put("CD2_1", number(linear.m21()));
        cards.put("CD2_2", number(linear.m22()));
        cards.put("LONPOLE", number(rotationLonPole()));
        if (!Double.isNaN(latPoleDeg)) {
            cards.put("LATPOLE", number(latPoleDeg));
        }
        if (frame == CelestialFrame.ICRS || frame == CelestialFrame.FK5 || frame == CelestialFrame.FK4) {
            cards.put("RADESYS", quote(frame.name()));
        }
        if (!Double.isNaN(equinoxYear)) {
            cards.put("EQUINOX", number(equinoxYear));
        }
        if (sip != null) {
            cards.putAll(sip.toCards());
        }
        if (tpv != null) {
            cards.putAll(tpv.toCards());
        }
        return Collections.unmodifiableMap(cards);
    }

    private double rotationLonPole() {
        if (!Double.isNaN(lonPoleDeg)) {
            return lonPoleDeg;
        }
        return referenceLatDeg < projection.theta0Deg() ? 180.0 : 0.0;
    }

    /** The pixel scale along x and y (square root of |det CD|), degrees per pixel. */
    public double pixelScaleDeg() {
        return Math.sqrt(Math.abs(linear.m11() * linear.m22() - linear.m12() * linear.m21()));
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String number(double value) {
        return Double.toString(value).replace('e', 'E');
    }

    @Override
    public String toString() {
        return "CelestialWcs[" + longitudeType + ", " + latitudeType + ", " + frame + ", CRPIX=(" + referencePixelX
                + ", " + referencePixelY + "), CRVAL=(" + referenceLonDeg + ", " + referenceLatDeg + "), " + linear
                + distortion().map(name -> ", " + name).orElse("") + "]";
    }
}
