package org.skysieve.server.moc;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.catalog.status.StatusMapException;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The coverage and mask MOCs of every survey band, in the three MOC 2.0 serialisations:
 * <ul>
 *   <li>{@code GET /moc}: the list (JSON) of the surveys with maps, their bands and MOC URLs;</li>
 *   <li>{@code GET /moc/{survey}/{band}/coverage} and {@code .../masks}: one band;</li>
 *   <li>{@code GET /moc/{survey}/{band}/masks/{reason}}: the band's masked cells of one reason (e.g. {@code bright_star}),
 *       when the survey gives reasons;</li>
 *   <li>{@code GET /moc/{survey}/coverage} and {@code .../masks}: the union over the survey's bands.</li>
 * </ul>
 * {@code ?order=N} degrades the answer to HEALPix order N (partly covered cells become covered).
 * The serialisation is chosen by {@code ?format=fits|json|ascii}, else by the first of {@code application/fits},
 * {@code application/json}, {@code text/plain} the Accept header names, else FITS. Unknown surveys, bands and kinds
 * are 404s naming them. Thread-safe (the maps are read once and kept).
 */
public final class MocRoutes {
    private static final List<String> KINDS = List.of("coverage", "masks");

    private final Archive archive;
    private final StatusMaps maps;

    public MocRoutes(Archive archive, StatusMaps maps) {
        this.archive = requireNonNull(archive, "archive is null");
        this.maps = requireNonNull(maps, "maps is null");
    }

    public void register(RoutesConfig routes) {
        routes.get("/moc", this::list);
        routes.get("/moc/{survey}/{kind}", context -> {
            String survey = context.pathParam("survey");
            String kind = kind(context.pathParam("kind"));
            send(context, kind.equals("coverage") ? maps.surveyCoverage(survey) : maps.surveyMasks(survey), survey + "_" + kind);
        });
        routes.get("/moc/{survey}/{band}/{kind}", context -> {
            String survey = context.pathParam("survey");
            String band = context.pathParam("band");
            String kind = kind(context.pathParam("kind"));
            var map = maps.band(survey, band);
            send(context, kind.equals("coverage") ? map.coverage() : map.masks(), survey + "_" + band + "_" + kind);
        });
        routes.get("/moc/{survey}/{band}/masks/{reason}", context -> {
            String survey = context.pathParam("survey");
            String band = context.pathParam("band");
            String reason = context.pathParam("reason");
            Map<String, SpatialMoc> reasons = maps.band(survey, band).masksByReason();
            SpatialMoc moc = reasons.get(reason);
            if (moc == null) {
                throw new StatusMapException(StatusMapException.Category.NOT_FOUND, "Unknown mask reason '" + reason + "' of survey "
                        + survey + " band " + band + ". Expected one of " + reasons.keySet());
            }
            send(context, moc, survey + "_" + band + "_masks_" + reason);
        });
    }

    private void list(Context context) {
        List<Map<String, Object>> surveys = new ArrayList<>();
        for (PublishedSurvey published : archive.surveys()) {
            String survey = published.survey().name();
            List<String> bands;
            try {
                bands = maps.bandNames(survey);
            } catch (StatusMapException e) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("survey", survey);
            entry.put("coverage", "/moc/" + survey + "/coverage");
            entry.put("masks", "/moc/" + survey + "/masks");
            List<Map<String, Object>> bandEntries = new ArrayList<>();
            for (String band : bands) {
                Map<String, Object> bandEntry = new LinkedHashMap<>();
                bandEntry.put("band", band);
                bandEntry.put("coverage", "/moc/" + survey + "/" + band + "/coverage");
                bandEntry.put("masks", "/moc/" + survey + "/" + band + "/masks");
                Map<String, String> reasons = new LinkedHashMap<>();
                try {
                    for (String reason : maps.band(survey, band).masksByReason().keySet()) {
                        reasons.put(reason, "/moc/" + survey + "/" + band + "/masks/" + reason);
                    }
                } catch (StatusMapException e) {
                    // an unreadable band is reported by its own URLs; the list still names it
                }
                bandEntry.put("mask_reasons", reasons);
                bandEntries.add(bandEntry);
            }
            entry.put("bands", bandEntries);
            surveys.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("formats", List.of("fits", "json", "ascii"));
        body.put("surveys", surveys);
        context.contentType("application/json").result(SurveyJson.toJson(body));
    }

    private static String kind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new StatusMapException(StatusMapException.Category.NOT_FOUND,
                    "Unknown MOC kind '" + kind + "'. Expected one of " + KINDS);
        }
        return kind;
    }

    private static void send(Context context, SpatialMoc fullMoc, String name) throws IOException {
        MocFiles.Format format = format(context);
        SpatialMoc moc = order(context).map(fullMoc::degrade).orElse(fullMoc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MocFiles.write(moc, format, out);
        String extension = format == MocFiles.Format.FITS ? ".moc.fits" : format == MocFiles.Format.JSON ? ".moc.json" : ".moc.txt";
        context.contentType(format.mediaType() + (format == MocFiles.Format.FITS ? "" : "; charset=utf-8"))
                .header("Content-Disposition", "inline; filename=\"" + name + extension + "\"")
                .result(out.toByteArray());
    }

    /**
     * {@code ?order=N}: the MOC degraded to order N (a cell partly covered becomes covered), for plots and quick looks
     * that need not carry every deep cell; absent: the MOC as it is.
     */
    static Optional<Integer> order(Context context) {
        String parameter = context.queryParam("order");
        if (parameter == null) {
            return Optional.empty();
        }
        try {
            int order = Integer.parseInt(parameter.strip());
            if (order >= 0 && order <= SpatialMoc.MAX_ORDER) {
                return Optional.of(order);
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException("Expected order=N with N an integer in [0, " + SpatialMoc.MAX_ORDER
                + "]. Actual: order=" + parameter);
    }

    /** {@code ?format=}, else the Accept header, else FITS. */
    static MocFiles.Format format(Context context) {
        String parameter = context.queryParam("format");
        if (parameter != null) {
            try {
                return MocFiles.Format.fromName(parameter);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Expected format=fits, json or ascii. Actual: format=" + parameter);
            }
        }
        String accept = context.header("Accept");
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                for (MocFiles.Format format : MocFiles.Format.values()) {
                    if (format.mediaType().equals(type)) {
                        return format;
                    }
                }
            }
        }
        return MocFiles.Format.FITS;
    }
}
