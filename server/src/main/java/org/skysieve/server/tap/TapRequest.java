package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skysieve.formats.TableFormat;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * A validated TAP query request (TAP 1.1 section 2.3 and DALI): the ADQL text, the row limit, the output format and
 * the tables to upload.
 *
 * @param adql    the QUERY text
 * @param maxrec  rows to return at most: MAXREC, else the default, never above the configured maximum
 * @param format  RESPONSEFORMAT (or FORMAT), VOTable BINARY2 when absent
 * @param uploads UPLOAD's pairs of table name and source ({@code param:NAME} names a multipart part)
 */
public record TapRequest(String adql, long maxrec, TableFormat format, List<UploadSource> uploads) {
    /** One {@code name,source} pair of the UPLOAD parameter: {@code param:PART} (inline) or an http(s) URL. */
    public record UploadSource(String tableName, String source) {
        public UploadSource {
            requireNonNull(tableName, "tableName is null");
            requireNonNull(source, "source is null");
        }

        public boolean inline() {
            return source.startsWith("param:");
        }

        /** The multipart part name of an inline upload. */
        public String partName() {
            return source.substring("param:".length());
        }
    }

    public TapRequest {
        requireNonNull(adql, "adql is null");
        requireNonNull(format, "format is null");
        uploads = List.copyOf(requireNonNull(uploads, "uploads is null"));
    }

    /** Reads a request from parameters whose names are upper-cased (as {@link TapParameters} keeps them). */
    public static TapRequest parse(TapParameters parameters, TapSettings settings) {
        parameters.single("REQUEST").ifPresent(request -> {
            if (!request.equalsIgnoreCase("doQuery")) {
                throw bad("Expected REQUEST=doQuery. Actual: REQUEST=" + request);
            }
        });
        String lang = parameters.single("LANG").orElse("ADQL");
        if (!List.of("ADQL", "ADQL-2.0", "ADQL-2.1").contains(lang.toUpperCase(Locale.ROOT))) {
            throw bad("Expected LANG=ADQL (or ADQL-2.0, ADQL-2.1). Actual: LANG=" + lang);
        }
        String adql = parameters.required("QUERY");
        long maxrec = Math.min(parameters.nonNegativeLong("MAXREC").orElse(settings.defaultMaxrec()), settings.maxMaxrec());
        String formatName = parameters.single("RESPONSEFORMAT").or(() -> parameters.single("FORMAT")).orElse("votable");
        TableFormat format = TableFormat.fromName(formatName).orElseThrow(() -> bad("Expected RESPONSEFORMAT among "
                + String.join(", ", formatNames()) + ". Actual: " + formatName));
        List<UploadSource> uploads = new ArrayList<>();
        for (String upload : parameters.all("UPLOAD")) {
            uploads.addAll(parseUpload(upload));
        }
        return new TapRequest(adql, maxrec, format, uploads);
    }

    /** {@code name,param:part;name2,param:part2}. */
    static List<UploadSource> parseUpload(String value) {
        List<UploadSource> sources = new ArrayList<>();
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int comma = pair.indexOf(',');
            if (comma <= 0) {
                throw bad("Expected UPLOAD as table_name,param:part_name. Actual: " + pair);
            }
            String name = pair.substring(0, comma).trim();
            String source = pair.substring(comma + 1).trim();
            boolean url = source.startsWith("http://") || source.startsWith("https://");
            if (!url && (!source.startsWith("param:") || source.length() == "param:".length())) {
                throw bad("Expected the source of upload " + name + " as param:part_name or an http(s) URL. Actual: " + source);
            }
            sources.add(new UploadSource(name, source));
        }
        return sources;
    }

    private static List<String> formatNames() {
        List<String> names = new ArrayList<>();
        for (TableFormat format : TableFormat.values()) {
            names.add(format.aliases().get(0));
        }
        return names;
    }

    private static ServiceException bad(String message) {
        return new ServiceException(ErrorCategory.BAD_REQUEST, message);
    }

    /** Parameters as stored with a job, for {@link #parse(TapParameters, TapSettings)} later. */
    static TapParameters fromStored(Map<String, String> stored) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        stored.forEach((name, value) -> values.put(name, List.of(value)));
        return new TapParameters(values);
    }
}
