package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The parameters of a TAP or UWS request, from the query string and the form body (URL-encoded or multipart) together.
 * Names are case-insensitive (DALI 1.1 section 3): they are kept upper-cased; values keep their case. Immutable.
 */
public record TapParameters(Map<String, List<String>> values) {
    public TapParameters {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(values, "values is null").forEach((name, list) -> copy.computeIfAbsent(name.toUpperCase(Locale.ROOT),
                key -> new ArrayList<>()).addAll(list));
        copy.replaceAll((name, list) -> List.copyOf(list));
        values = Map.copyOf(copy);
    }

    public static TapParameters of(Context context) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        context.queryParamMap().forEach((name, list) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
        String contentType = context.contentType() == null ? "" : context.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data")) {
            Map<String, List<String>> form;
            try {
                form = context.formParamMap();
            } catch (Exception e) { // Jetty's refusal arrives as a sneakily thrown ServletException
                throw unreadableBody(context, e);
            }
            form.forEach((name, list) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
        }
        return new TapParameters(all);
    }

    /** A body Jetty refused: beyond the multipart size limit (413, judged by Content-Length) or malformed (400). */
    static ServiceException unreadableBody(Context context, Exception cause) {
        long length = context.contentLength();
        long limit = context.attribute(UPLOAD_LIMIT_ATTRIBUTE) instanceof Long value ? value : Long.MAX_VALUE;
        if (length > limit) {
            return new ServiceException(ErrorCategory.TOO_LARGE, "Expected a request of at most " + limit
                    + " bytes of uploads. Actual: " + length + " bytes", cause);
        }
        return new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a readable form or multipart body. Actual: "
                + cause.getMessage(), cause);
    }

    /** The request attribute where the TAP service puts its upload limit (bytes) for {@link #unreadableBody}. */
    static final String UPLOAD_LIMIT_ATTRIBUTE = "skysieve.tap.uploadLimitBytes";

    /** The single value of {@code name}; a parameter given twice with different values is an error. */
    public Optional<String> single(String name) {
        List<String> list = values.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.stream().distinct().count() > 1) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected one value of parameter " + name
                    + ". Actual: " + list.size() + " different values");
        }
        return Optional.of(list.get(0));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
    }

    public String required(String name) {
        return single(name).filter(value -> !value.isBlank()).orElseThrow(() -> new ServiceException(ErrorCategory.BAD_REQUEST,
                "Expected parameter " + name + ". Actual: it is missing or empty"));
    }

    /** A non-negative integer parameter, or empty when absent. */
    public Optional<Long> nonNegativeLong(String name) {
        return single(name).map(text -> {
            try {
                long value = Long.parseLong(text.trim());
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected parameter " + name
                    + " to be an integer >= 0. Actual: " + text);
        });
    }

    /** Every parameter as a flat name -> first value map (names upper-cased), for storing with a job. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                first.put(name, list.get(0));
            }
        });
        return first;
    }
}
