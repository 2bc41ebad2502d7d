package org.skysieve.server.soda;

import java.util.List;
import java.util.Locale;
import org.skysieve.images.CutoutSize;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.sky.LonLat;

/**
 * A SODA 1.0 sync cutout request reduced to what a stamp needs: the dataset, a centre, a size in arcsec, the band.
 *
 * <p>Parameters (SODA 1.0 section 3.3; DALI 1.1 shapes, degrees):
 * <ul>
 *   <li>{@code ID} (required, once): {@code SURVEY/BAND} or {@code SURVEY} (then BAND chooses);</li>
 *   <li>one of {@code POS=CIRCLE lon lat r}, {@code POS=RANGE lon1 lon2 lat1 lat2}, {@code POS=POLYGON lon lat ...},
 *       {@code CIRCLE=lon lat r}, {@code POLYGON=lon lat ...}: a circle gives the square of side 2r around its centre; a
 *       range or polygon its bounding box (longitudes measured across the smaller arc, times cos(lat));</li>
 *   <li>{@code BAND}: the SODA wavelength interval {@code lower upper} in metres, choosing the band whose effective
 *       wavelength lies within (exactly one must); as a convenience also a band name.</li>
 * </ul>
 * Several POS values (a multi-cutout) are refused in sync mode. Errors are BAD_REQUEST service errors naming the
 * parameter and the value received.
 *
 * @param survey the survey
 * @param band   the band name, or null when BAND must choose (the caller resolves the interval)
 * @param bandIntervalMetres the BAND interval, or null
 * @param centre the stamp centre
 * @param size   the stamp size (arcsec)
 */
record SodaRequest(String survey, String band, double[] bandIntervalMetres, LonLat centre, CutoutSize size) {

    static SodaRequest parse(List<String> ids, List<String> positions, List<String> circles, List<String> polygons,
            List<String> bands) {
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            throw bad("Expected exactly one ID (SURVEY or SURVEY/BAND). Actual: " + ids);
        }
        String id = ids.get(0).trim();
        int slash = id.indexOf('/');
        String survey = slash < 0 ? id : id.substring(0, slash);
        String band = slash < 0 ? null : id.substring(slash + 1);
        int shapes = positions.size() + circles.size() + polygons.size();
        if (shapes != 1) {
            throw bad("Expected exactly one of POS, CIRCLE, POLYGON (sync mode makes one cutout). Actual: " + shapes
                    + " values");
        }
        double[] box;
        if (!positions.isEmpty()) {
            String[] words = positions.get(0).trim().split("\\s+", 2);
            String shape = words[0].toUpperCase(Locale.ROOT);
            String rest = words.length > 1 ? words[1] : "";
            box = switch (shape) {
                case "CIRCLE" -> circle("POS", rest);
                case "RANGE" -> range(rest);
                case "POLYGON" -> polygon("POS", rest);
                default -> throw bad("Expected POS to start with CIRCLE, RANGE or POLYGON. Actual: '" + positions.get(0)
                        + "'");
            };
        } else if (!circles.isEmpty()) {
            box = circle("CIRCLE", circles.get(0));
        } else {
            box = polygon("POLYGON", polygons.get(0));
        }
        double[] interval = null;
        if (bands.size() > 1) {
            throw bad("Expected at most one BAND. Actual: " + bands);
        }
        if (!bands.isEmpty()) {
            String[] words = bands.get(0).trim().split("\\s+");
            if (words.length == 2 && isNumber(words[0]) && isNumber(words[1])) {
                interval = new double[] {Double.parseDouble(words[0]), Double.parseDouble(words[1])};
                if (!(interval[0] <= interval[1])) {
                    throw bad("Expected BAND 'lower upper' in metres with lower <= upper. Actual: '" + bands.get(0)
                            + "'");
                }
            } else if (band == null) {
                band = bands.get(0).trim();
            } else if (!band.equals(bands.get(0).trim())) {
                throw bad("ID names band " + band + " but BAND asks for '" + bands.get(0) + "'");
            }
        }
        return new SodaRequest(survey, band, interval, LonLat.ofDegrees(box[0], box[1]),
                CutoutSize.arcsec(box[2] * 3600.0, box[3] * 3600.0));
    }

    /** lon, lat, width (deg on the sky), height (deg). */
    private static double[] circle(String parameter, String text) {
        double[] values = numbers(parameter, text, 3);
        checkPosition(parameter, values[0], values[1]);
        if (!(values[2] > 0)) {
            throw bad("Expected a positive radius in " + parameter + ". Actual: " + values[2]);
        }
        return new double[] {values[0], values[1], 2 * values[2], 2 * values[2]};
    }

    private static double[] range(String text) {
        double[] values = numbers("POS RANGE", text, 4);
        checkPosition("POS RANGE", values[0], values[2]);
        checkPosition("POS RANGE", values[1], values[3]);
        double widthLon = ((values[1] - values[0]) % 360 + 360) % 360;
        double lat = (values[2] + values[3]) / 2;
        double lon = values[0] + widthLon / 2;
        return new double[] {lon % 360, lat, widthLon * Math.cos(Math.toRadians(lat)), Math.abs(values[3] - values[2])};
    }

    private static double[] polygon(String parameter, String text) {
        double[] values = numbers(parameter, text, -1);
        if (values.length < 6 || values.length % 2 != 0) {
            throw bad("Expected at least 3 vertices (lon lat pairs) in " + parameter + ". Actual: " + values.length
                    + " numbers");
        }
        double lon0 = values[0];
        double minLon = 0;
        double maxLon = 0;
        double minLat = 90;
        double maxLat = -90;
        for (int i = 0; i < values.length; i += 2) {
            checkPosition(parameter, values[i], values[i + 1]);
            double offset = ((values[i] - lon0) % 360 + 540) % 360 - 180;
            minLon = Math.min(minLon, offset);
            maxLon = Math.max(maxLon, offset);
            minLat = Math.min(minLat, values[i + 1]);
            maxLat = Math.max(maxLat, values[i + 1]);
        }
        double lat = (minLat + maxLat) / 2;
        double lon = ((lon0 + (minLon + maxLon) / 2) % 360 + 360) % 360;
        return new double[] {lon, lat, (maxLon - minLon) * Math.cos(Math.toRadians(lat)), maxLat - minLat};
    }

    private static double[] numbers(String parameter, String text, int expected) {
        String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        if (expected >= 0 && words.length != expected) {
            throw bad("Expected " + expected + " numbers in " + parameter + ". Actual: '" + text + "'");
        }
        double[] values = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            if (!isNumber(words[i])) {
                throw bad("Expected a number in " + parameter + ". Actual: '" + words[i] + "'");
            }
            values[i] = Double.parseDouble(words[i]);
        }
        return values;
    }

    private static void checkPosition(String parameter, double lonDeg, double latDeg) {
        if (!Double.isFinite(lonDeg) || !(latDeg >= -90 && latDeg <= 90)) {
            throw bad("Expected a position (lon, lat in [-90, 90] degrees) in " + parameter + ". Actual: (" + lonDeg
                    + ", " + latDeg + ")");
        }
    }

    private static boolean isNumber(String word) {
        try {
            Double.parseDouble(word);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ServiceException bad(String message) {
        return new ServiceException(ErrorCategory.BAD_REQUEST, message);
    }
}
