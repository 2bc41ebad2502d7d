package org.skysieve.sky.wcs;

import java.util.Map;

/**
 * Builds a {@link CelestialWcs} from header cards (keyword to value text, as {@link FitsHeaderCards} gives them).
 *
 * <p>Rules (FITS 4.0 section 8, Greisen &amp; Calabretta 2002): the celestial axes are the pair of CTYPEi whose first four
 * characters name a longitude (RA--, GLON, ELON) and a latitude (DEC-, GLAT, ELAT), among up to WCSAXES/NAXIS axes; other
 * axes are ignored (they must not be coupled to the celestial ones). The linear part is CDi_j if any is present (missing
 * elements 0), else CDELTi (default 1) times PCi_j (default identity), else CROTA2 with CDELT. RADESYS as given, else
 * FK4 for EQUINOX &lt; 1984, FK5 for a later EQUINOX, ICRS without either. Distortions: SIP (CTYPE suffix
 * {@code -SIP}, cards A_p_q, B_p_q, AP_p_q, BP_p_q; see {@link SipDistortion}) and TPV (projection code TPV, cards
 * PVi_k; see {@link TpvDistortion}). Other conventions (TNX, ZPX, lookup tables) and non-zero projection parameters
 * PVi_m on other projections are refused with a message naming the keyword, not ignored.
 */
public final class WcsHeaderParser {
    private WcsHeaderParser() {
    }

    /** Parses; errors are {@link WcsException}s naming the keyword and the value received. */
    public static CelestialWcs parse(Map<String, String> cards) {
        int axisCount = axisCount(cards);
        int longitudeAxis = 0;
        int latitudeAxis = 0;
        for (int axis = 1; axis <= axisCount; axis++) {
            String type = cards.getOrDefault("CTYPE" + axis, "").trim();
            String prefix = type.length() >= 4 ? type.substring(0, 4) : type;
            if (prefix.equals("RA--") || prefix.equals("GLON") || prefix.equals("ELON")) {
                longitudeAxis = axis;
            } else if (prefix.equals("DEC-") || prefix.equals("GLAT") || prefix.equals("ELAT")) {
                latitudeAxis = axis;
            }
        }
        if (longitudeAxis == 0 || latitudeAxis == 0) {
            throw new WcsException("Expected a celestial pair of axes (CTYPEi RA---xxx/DEC--xxx, GLON-xxx/GLAT-xxx or"
                    + " ELON-xxx/ELAT-xxx). Actual: " + describeTypes(cards, axisCount));
        }
        String longitudeType = cards.get("CTYPE" + longitudeAxis).trim();
        String latitudeType = cards.get("CTYPE" + latitudeAxis).trim();
        Projection projection = projectionOf(longitudeType, "CTYPE" + longitudeAxis);
        if (projectionOf(latitudeType, "CTYPE" + latitudeAxis) != projection
                || isSip(longitudeType) != isSip(latitudeType) || isTpv(longitudeType) != isTpv(latitudeType)) {
            throw new WcsException("Expected the same projection on both celestial axes. Actual: CTYPE" + longitudeAxis
                    + "='" + longitudeType + "', CTYPE" + latitudeAxis + "='" + latitudeType + "'");
        }
        boolean tpv = isTpv(longitudeType);
        for (int axis : tpv ? new int[0] : new int[] {longitudeAxis, latitudeAxis}) {
            for (int index = 0; index < 100; index++) {
                String keyword = "PV" + axis + "_" + index;
                if (cards.containsKey(keyword) && number(cards, keyword, 0.0) != 0.0) {
                    throw new WcsException(keyword + "=" + cards.get(keyword) + " with CTYPE" + axis + "='"
                            + cards.get("CTYPE" + axis).trim() + "': projection parameters are not supported (only"
                            + " zero, the default, is accepted; a TPV polynomial needs the projection code TPV)");
                }
            }
        }
        int firstAxis = Math.min(longitudeAxis, latitudeAxis);
        int secondAxis = Math.max(longitudeAxis, latitudeAxis);
        LinearTransform linear = linearTransform(cards, longitudeAxis, latitudeAxis, firstAxis, secondAxis);
        double equinox = number(cards, "EQUINOX", Double.NaN);
        if (Double.isNaN(equinox)) {
            equinox = number(cards, "EPOCH", Double.NaN);
        }
        SipDistortion sip = isSip(longitudeType) ? SipDistortion.fromCards(cards, "CTYPE" + longitudeAxis) : null;
        TpvDistortion tpvDistortion = tpv ? TpvDistortion.fromCards(cards, longitudeAxis, latitudeAxis) : null;
        return new CelestialWcs(longitudeType, latitudeType, projection,
                frame(cards, longitudeType, equinox), equinox, number(cards, "CRPIX" + firstAxis, 0.0),
                number(cards, "CRPIX" + secondAxis, 0.0), linear, number(cards, "CRVAL" + longitudeAxis, 0.0),
                number(cards, "CRVAL" + latitudeAxis, 0.0), number(cards, "LONPOLE", Double.NaN),
                number(cards, "LATPOLE", Double.NaN), sip, tpvDistortion);
    }

    private static boolean isSip(String type) {
        return type.length() > 8 && type.substring(8).equals("-SIP");
    }

    private static boolean isTpv(String type) {
        return type.length() >= 8 && type.substring(5, 8).equals("TPV");
    }

    private static int axisCount(Map<String, String> cards) {
        int count = (int) Math.max(number(cards, "WCSAXES", 0), number(cards, "NAXIS", 0));
        for (int axis = 1; axis <= 99; axis++) {
            if (cards.containsKey("CTYPE" + axis)) {
                count = Math.max(count, axis);
            }
        }
        return count;
    }

    private static Projection projectionOf(String type, String keyword) {
        if (type.length() < 8 || type.charAt(4) != '-') {
            throw new WcsException("Expected " + keyword + " in the form 'XXXX-PPP' (axis, projection code). Actual: '"
                    + type + "'");
        }
        String code = type.substring(5, 8).replace("-", "");
        String suffix = type.substring(8);
        if (code.equals("TNX") || code.equals("ZPX")) {
            throw new WcsException(keyword + "='" + type + "': the distortion conventions TNX and ZPX are not"
                    + " supported (SIP and TPV are)");
        }
        if (code.equals("TPV") && suffix.isEmpty()) {
            return Projection.TAN;
        }
        if (!suffix.isEmpty() && !suffix.equals("-SIP")) {
            throw new WcsException("Expected " + keyword + " without a suffix after the projection code, or '-SIP'."
                    + " Actual: '" + type + "'");
        }
        return Projection.ofCode(type.substring(5, 8), keyword);
    }

    private static LinearTransform linearTransform(Map<String, String> cards, int longitudeAxis, int latitudeAxis,
            int firstAxis, int secondAxis) {
        int[] rows = {longitudeAxis, latitudeAxis};
        int[] columns = {firstAxis, secondAxis};
        double[] matrix = new double[4];
        boolean hasCd = cards.keySet().stream().anyMatch(keyword -> keyword.matches("CD\\d+_\\d+"));
        boolean hasPc = cards.keySet().stream().anyMatch(keyword -> keyword.matches("PC\\d+_\\d+"));
        boolean hasRotation = !hasCd && !hasPc && cards.containsKey("CROTA" + latitudeAxis);
        double rotationRad = Math.toRadians(number(cards, "CROTA" + latitudeAxis, 0.0));
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                int i = rows[row];
                int j = columns[column];
                double value;
                if (hasCd) {
                    value = number(cards, "CD" + i + "_" + j, 0.0);
                } else if (hasRotation) {
                    value = rotationElement(cards, i, j, longitudeAxis, rotationRad);
                } else {
                    value = number(cards, "CDELT" + i, 1.0) * number(cards, "PC" + i + "_" + j, i == j ? 1.0 : 0.0);
                }
                matrix[row * 2 + column] = value;
            }
        }
        return new LinearTransform(matrix[0], matrix[1], matrix[2], matrix[3]);
    }

    /** The CD element for legacy CROTA (the AIPS convention, FITS 4.0 section 8.2). */
    private static double rotationElement(Map<String, String> cards, int i, int j, int longitudeAxis,
            double rotationRad) {
        if (i == j) {
            return number(cards, "CDELT" + i, 1.0) * Math.cos(rotationRad);
        }
        double sign = i == longitudeAxis ? -1.0 : 1.0;
        return sign * number(cards, "CDELT" + j, 1.0) * Math.sin(rotationRad);
    }

    private static CelestialFrame frame(Map<String, String> cards, String longitudeType, double equinox) {
        if (longitudeType.startsWith("GLON")) {
            return CelestialFrame.GALACTIC;
        }
        if (longitudeType.startsWith("ELON")) {
            return CelestialFrame.ECLIPTIC;
        }
        String system = cards.getOrDefault("RADESYS", cards.getOrDefault("RADECSYS", "")).trim();
        if (system.isEmpty()) {
            if (Double.isNaN(equinox)) {
                return CelestialFrame.ICRS;
            }
            return equinox < 1984.0 ? CelestialFrame.FK4 : CelestialFrame.FK5;
        }
        return switch (system) {
            case "ICRS" -> CelestialFrame.ICRS;
            case "FK5" -> CelestialFrame.FK5;
            case "FK4", "FK4-NO-E" -> CelestialFrame.FK4;
            default -> throw new WcsException("Expected RADESYS ICRS, FK5, FK4 or FK4-NO-E. Actual: '" + system + "'");
        };
    }

    private static double number(Map<String, String> cards, String keyword, double absent) {
        return HeaderNumbers.number(cards, keyword, absent);
    }

    private static String describeTypes(Map<String, String> cards, int axisCount) {
        StringBuilder text = new StringBuilder();
        for (int axis = 1; axis <= axisCount; axis++) {
            text.append(axis == 1 ? "" : ", ").append("CTYPE").append(axis).append("='")
                    .append(cards.getOrDefault("CTYPE" + axis, "")).append('\'');
        }
        return axisCount == 0 ? "no CTYPEi cards" : text.toString();
    }
}
