package org.skysieve.server.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.xmatch.AngleText;
import org.skysieve.xmatch.MatchMode;

/**
 * The parameters of a {@code POST /xmatch} request, checked. Parameter names are case-insensitive.
 *
 * @param surveys         the surveys to match against, in output order (several: one row per uploaded source)
 * @param radiusArcsec    the match radius
 * @param mode            best, all (one survey only) or symmetric
 * @param uploadColumns   the uploaded columns to keep; empty: all
 * @param surveyColumns   the survey columns to keep, per survey; absent: id, ra, dec
 * @param format          csv, parquet, fits or vot (the result file's suffix)
 * @param raColumn        the uploaded right ascension column (degrees); empty: recognised by name
 * @param decColumn       the uploaded declination column (degrees); empty: recognised by name
 * @param epochYear       the epoch of the uploaded positions, for proper motion of the surveys that carry it; empty: none
 * @param status          status columns: one row per uploaded source (as for several surveys, also with one), and per
 *                        survey band measurement {@code SURVEY_<mag>_status} and {@code SURVEY_<mag>_limit}
 */
public record XmatchRequest(List<String> surveys, double radiusArcsec, MatchMode mode, List<String> uploadColumns,
        Map<String, List<String>> surveyColumns, String format, Optional<String> raColumn, Optional<String> decColumn,
        Optional<Double> epochYear, boolean status) {

    public XmatchRequest {
        surveys = List.copyOf(surveys);
        requireNonNull(mode, "mode is null");
        uploadColumns = List.copyOf(uploadColumns);
        surveyColumns = Map.copyOf(surveyColumns);
        requireNonNull(format, "format is null");
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(epochYear, "epochYear is null");
    }

    /**
     * Reads the form parameters: {@code surveys} (comma-separated or repeated), {@code radius} (with its unit, e.g.
     * {@code 1arcsec}), {@code find}, {@code upload_columns}, {@code survey_columns} (every survey) or
     * {@code survey_columns.NAME} (one survey), {@code RESPONSEFORMAT} (csv, parquet, fits, votable or their MIME types),
     * {@code ra}, {@code dec}, {@code epoch}, {@code status} ({@code true} or {@code false}, the default).
     */
    public static XmatchRequest parse(Map<String, List<String>> parameters, int maxSurveys) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parameters.forEach((name, list) -> values.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(list));
        List<String> surveys = commaList(values.getOrDefault("surveys", values.getOrDefault("survey", List.of())));
        if (surveys.isEmpty()) {
            throw bad("Expected parameter surveys naming one or more surveys (comma-separated). Actual: none");
        }
        if (surveys.size() > maxSurveys || surveys.stream().distinct().count() != surveys.size()) {
            throw bad("Expected at most " + maxSurveys + " distinct surveys in parameter surveys. Actual: " + surveys);
        }
        String radiusText = single(values, "radius").orElseThrow(() -> bad("Expected parameter radius with its unit, e.g. 1arcsec. Actual: none"));
        double radiusArcsec = AngleText.parseArcsec(radiusText, "parameter radius");
        MatchMode mode = MatchMode.fromWord(single(values, "find").orElse("best"));
        if (surveys.size() > 1 && mode == MatchMode.ALL) {
            throw bad("Expected find=best or find=symmetric with several surveys (one row per uploaded source). Actual: find=all with "
                    + surveys);
        }
        boolean status = single(values, "status").map(XmatchRequest::bool).orElse(false);
        if (status && mode != MatchMode.BEST) {
            throw bad("Expected find=best with status=true (one row per uploaded source). Actual: find=" + mode.word());
        }
        Map<String, List<String>> surveyColumns = new LinkedHashMap<>();
        Optional<String> common = single(values, "survey_columns");
        for (String survey : surveys) {
            Optional<String> own = single(values, "survey_columns." + survey.toLowerCase(Locale.ROOT));
            own.or(() -> common).ifPresent(text -> surveyColumns.put(survey, commaList(List.of(text))));
        }
        return new XmatchRequest(surveys, radiusArcsec, mode, commaList(values.getOrDefault("upload_columns", List.of())), surveyColumns,
                format(single(values, "responseformat").orElse("csv")), single(values, "ra"), single(values, "dec"),
                single(values, "epoch").map(XmatchRequest::epoch), status);
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad("Expected parameter status true or false. Actual: " + text);
        };
    }

    private static String format(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("csv") || lower.startsWith("text/csv")) {
            return "csv";
        }
        if (lower.equals("parquet") || lower.contains("parquet")) {
            return "parquet";
        }
        if (lower.equals("fits") || lower.endsWith("/fits")) {
            return "fits";
        }
        if (lower.equals("votable") || lower.equals("vot") || lower.startsWith("application/x-votable+xml") || lower.equals("text/xml")) {
            return "vot";
        }
        throw bad("Expected RESPONSEFORMAT csv, parquet, fits or votable (or their MIME types). Actual: " + name);
    }

    /** The MIME type of a result in {@link #format()}. */
    public String mimeType() {
        return switch (format) {
            case "csv" -> "text/csv;header=present";
            case "parquet" -> "application/vnd.apache.parquet";
            case "fits" -> "application/fits";
            default -> "application/x-votable+xml";
        };
    }

    private static double epoch(String text) {
        try {
            double year = Double.parseDouble(text.trim());
            if (year > 1000 && year < 3000) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("Expected parameter epoch as a Julian year such as 2000.0. Actual: " + text);
    }

    private static Optional<String> single(Map<String, List<String>> values, String name) {
        List<String> list = values.getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank()).distinct().toList();
        if (list.size() > 1) {
            throw bad("Expected parameter " + name + " once. Actual: " + list);
        }
        return list.stream().findFirst().map(String::trim);
    }

    private static List<String> commaList(List<String> texts) {
        List<String> names = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
        }
        return names;
    }

    private static ServiceException bad(String message) {
        return new ServiceException(ErrorCategory.BAD_REQUEST, message);
    }
}
