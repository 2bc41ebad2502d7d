package org.skysieve.server.cutouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.images.BatchFormat;
import org.skysieve.images.CommonGrid;
import org.skysieve.images.CutoutSize;
import org.skysieve.images.StampStretch;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The text parameters of {@code POST /cutouts} (names case-insensitive, from the query string or the form):
 * <ul>
 *   <li>{@code SURVEY} (required);</li>
 *   <li>{@code BANDS}: comma-separated, in tensor order (also {@code BAND}, repeatable); default every imaged band;</li>
 *   <li>{@code SIZE} (required): pixels ({@code 64}, {@code 64px}) or arcsec ({@code 10arcsec}), square;</li>
 *   <li>{@code FORMAT}: {@code npy} (default), {@code fits} or {@code png};</li>
 *   <li>{@code STRETCH} (png): {@code asinh} (default) or {@code linear}, optionally {@code :LOW,HIGH} percentiles;</li>
 *   <li>{@code SCALE}: resample every band onto a common north-up TAN grid of this many arcsec per pixel;
 *       {@code RESAMPLE}: {@code nearest} (default) or {@code bilinear} (alone: the grid at the first band's scale);</li>
 *   <li>{@code RA}, {@code DEC}: the position columns of the uploaded table when not found by name;</li>
 *   <li>{@code IDS}: object ids of the survey's catalogue instead of an uploaded table (comma, space or newline
 *       separated; a file part named {@code ids} works too).</li>
 * </ul>
 * Errors are BAD_REQUEST service errors naming the parameter and the value received.
 */
record CutoutBatchRequest(String survey, Optional<List<String>> bands, CutoutSize size, BatchFormat format,
        StampStretch stretch, Optional<Double> scaleArcsec, Optional<CommonGrid.Resampling> resampling,
        Optional<String> raColumn, Optional<String> decColumn, List<String> ids) {

    static CutoutBatchRequest parse(Map<String, List<String>> parameters) {
        String survey = single(parameters, "SURVEY").orElseThrow(() -> bad("Expected a SURVEY parameter"));
        List<String> bandValues = new ArrayList<>();
        for (String name : List.of("BANDS", "BAND")) {
            for (String value : values(parameters, name)) {
                for (String band : value.split(",")) {
                    if (!band.isBlank()) {
                        bandValues.add(band.trim());
                    }
                }
            }
        }
        CutoutSize size = size(single(parameters, "SIZE").orElseThrow(() -> bad("Expected a SIZE parameter (pixels"
                + " such as 64, or arcsec such as 10arcsec)")));
        BatchFormat format = single(parameters, "FORMAT").map(BatchFormat::parse).orElse(BatchFormat.NPY);
        StampStretch stretch = single(parameters, "STRETCH").map(StampStretch::parse).orElse(StampStretch.defaults());
        Optional<Double> scale = single(parameters, "SCALE").map(text -> {
            double value = number("SCALE", text);
            if (!(value > 0) || !Double.isFinite(value)) {
                throw bad("Expected SCALE > 0 (arcsec per pixel). Actual: '" + text + "'");
            }
            return value;
        });
        Optional<CommonGrid.Resampling> resampling = single(parameters, "RESAMPLE").map(CommonGrid.Resampling::parse);
        List<String> ids = new ArrayList<>();
        for (String value : values(parameters, "IDS")) {
            ids.addAll(splitIds(value));
        }
        return new CutoutBatchRequest(survey, bandValues.isEmpty() ? Optional.empty() : Optional.of(bandValues), size,
                format, stretch, scale, resampling, single(parameters, "RA"), single(parameters, "DEC"), ids);
    }

    /** Whether stamps are resampled onto a common grid. */
    boolean commonGrid() {
        return scaleArcsec.isPresent() || resampling.isPresent();
    }

    static List<String> splitIds(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : text.split("[,\\s]+")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    static CutoutSize size(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (trimmed.endsWith("arcsec")) {
                double arcsec = Double.parseDouble(trimmed.substring(0, trimmed.length() - 6).trim());
                return CutoutSize.arcsec(arcsec, arcsec);
            }
            double pixels = Double.parseDouble(trimmed.endsWith("px") ? trimmed.substring(0, trimmed.length() - 2)
                    : trimmed);
            if (pixels != Math.rint(pixels)) {
                throw new NumberFormatException();
            }
            return CutoutSize.pixels((int) Math.min(Integer.MAX_VALUE, pixels), (int) Math.min(Integer.MAX_VALUE,
                    pixels));
        } catch (NumberFormatException e) {
            throw bad("Expected SIZE as whole pixels (64 or 64px) or arcsec (10arcsec). Actual: '" + text + "'");
        } catch (RuntimeException e) {
            throw bad("Expected SIZE > 0. Actual: '" + text + "' (" + e.getMessage() + ")");
        }
    }

    private static double number(String parameter, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw bad("Expected a number in " + parameter + ". Actual: '" + text + "'");
        }
    }

    static List<String> values(Map<String, List<String>> parameters, String name) {
        List<String> values = new ArrayList<>();
        parameters.forEach((key, list) -> {
            if (key.equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        return values;
    }

    static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = values(parameters, name).stream().filter(value -> !value.isBlank()).toList();
        if (values.size() > 1) {
            throw bad("Expected at most one " + name + ". Actual: " + values);
        }
        return values.stream().findFirst().map(String::trim);
    }

    static ServiceException bad(String message) {
        return new ServiceException(ErrorCategory.BAD_REQUEST, message);
    }
}
