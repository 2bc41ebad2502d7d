package org.skysieve.server.datalink;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.soda.SodaCapabilities;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * DataLink 1.1 links of catalogue rows: {@code GET|POST /datalink?ID=...} (one or more ID values, see
 * {@link SourceIdentifier}) answers a links VOTable ({@link DataLinkDocuments}) with, per identifier: {@code #this}, the
 * row itself through a TAP sync query; per imaged band whose plates cover the row's position, a {@code #cutout} link
 * (a ready SODA URL: a {@value #DEFAULT_SIDE_PIXELS}-pixel square stamp around the row) and a {@code #cutout} service
 * descriptor row (SODA sync, for any other cutout of that band). An identifier that cannot be resolved gives an
 * error_message row ({@code NotFoundFault: ...}, {@code UsageFault: ...}); a request without ID is a 400 error
 * document. Also {@code /datalink/capabilities} and {@code /datalink/availability} (VOSI). Thread-safe.
 */
public final class DataLinkRoutes implements AutoCloseable {
    /** The side of the ready-made cutout linked from each row, pixels. */
    static final int DEFAULT_SIDE_PIXELS = 64;
    private static final int MAX_IDENTIFIERS = 1000;
    private final Archive archive;
    private final Supplier<PlateIndex> plates;
    private final SourcePositions positions = new SourcePositions();

    /**
     * @param archive the archive whose rows are linked
     * @param plates  the plate index shared with the SODA service (read on first use)
     */
    public DataLinkRoutes(Archive archive, Supplier<PlateIndex> plates) {
        this.archive = requireNonNull(archive, "archive is null");
        this.plates = requireNonNull(plates, "plates is null");
    }

    public void register(RoutesConfig routes) {
        routes.get("/datalink", this::links);
        routes.post("/datalink", this::links);
        routes.get("/datalink/capabilities", context -> context.contentType("text/xml; charset=utf-8")
                .result(SodaCapabilities.capabilities(SodaCapabilities.rootUrl(context))));
        routes.get("/datalink/availability", context -> context.contentType("text/xml; charset=utf-8")
                .result(SodaCapabilities.availability()));
    }

    private void links(Context context) throws IOException, SQLException {
        List<String> identifiers = values(context, "ID");
        if (identifiers.isEmpty()) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "UsageFault: expected at least one ID parameter"
                    + " (ivo://skysieve/SURVEY?ROWID or ivo://skysieve/SURVEY/TABLE?ROWID)");
        }
        if (identifiers.size() > MAX_IDENTIFIERS) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "UsageFault: expected at most " + MAX_IDENTIFIERS
                    + " ID parameters. Actual: " + identifiers.size());
        }
        for (String format : values(context, "RESPONSEFORMAT")) {
            String lower = format.trim().toLowerCase(Locale.ROOT);
            if (!lower.equals("votable") && !lower.startsWith("application/x-votable+xml")) {
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "UsageFault: expected RESPONSEFORMAT votable or"
                        + " " + DataLinkDocuments.CONTENT_TYPE + ". Actual: '" + format + "'");
            }
        }
        String root = SodaCapabilities.rootUrl(context);
        List<DataLinkRow> rows = new ArrayList<>();
        Map<String, ServiceDescriptor> descriptors = new LinkedHashMap<>();
        for (String identifier : identifiers) {
            rows.addAll(linksOf(identifier, root, descriptors));
        }
        context.contentType(DataLinkDocuments.CONTENT_TYPE)
                .result(DataLinkDocuments.links(rows, List.copyOf(descriptors.values())));
    }

    private List<DataLinkRow> linksOf(String identifier, String root, Map<String, ServiceDescriptor> descriptors)
            throws IOException, SQLException {
        Optional<SourceIdentifier> parsed = SourceIdentifier.parse(identifier);
        if (parsed.isEmpty()) {
            return List.of(DataLinkRow.error(identifier, "UsageFault: expected an ID of the form"
                    + " ivo://skysieve/SURVEY?ROWID or ivo://skysieve/SURVEY/TABLE?ROWID. Actual: '" + identifier + "'"));
        }
        SourceIdentifier source = parsed.get();
        Optional<PublishedSurvey> survey = archive.survey(source.survey());
        if (survey.isEmpty()) {
            return List.of(DataLinkRow.error(identifier, "NotFoundFault: expected a survey among "
                    + archive.surveys().stream().map(published -> published.survey().name()).toList() + ". Actual: '"
                    + source.survey() + "'"));
        }
        Optional<PublishedTable> table = source.table() == null ? survey.get().tables().stream().findFirst()
                : survey.get().tables().stream().filter(published -> published.table().name().equals(source.table()))
                        .findFirst();
        if (table.isEmpty()) {
            return List.of(DataLinkRow.error(identifier, "NotFoundFault: expected a table of " + source.survey()
                    + " among " + survey.get().tables().stream().map(published -> published.table().name()).toList()
                    + ". Actual: '" + source.table() + "'"));
        }
        PublishedTable published = table.get();
        Optional<LonLat> position;
        try {
            position = positions.find(published, source.rowId());
        } catch (IllegalArgumentException e) {
            return List.of(DataLinkRow.error(identifier, "UsageFault: " + e.getMessage()));
        }
        if (position.isEmpty()) {
            return List.of(DataLinkRow.error(identifier, "NotFoundFault: no row of " + published.qualifiedName()
                    + " has " + published.table().idColumn() + " = " + source.rowId()));
        }
        List<DataLinkRow> rows = new ArrayList<>();
        rows.add(DataLinkRow.link(identifier, root + "/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + encode(rowQuery(published, source.rowId())), "#this", "The catalogue row "
                + published.qualifiedName() + " " + published.table().idColumn() + " = " + source.rowId()
                + " (TAP sync query, VOTable)", "application/x-votable+xml", ""));
        LonLat centre = position.get();
        PlateIndex index = plates.get();
        for (Band band : survey.get().survey().bands()) {
            Optional<Plate> plate = coveringPlate(index, source.survey(), band.name(), centre);
            if (plate.isEmpty()) {
                continue;
            }
            String datasetId = source.survey() + "/" + band.name();
            double radiusDeg = DEFAULT_SIDE_PIXELS / 2.0 * plate.get().wcs().pixelScaleDeg();
            String circle = String.format(Locale.ROOT, "%.9f %.9f %.9g", centre.lonDeg(), centre.latDeg(), radiusDeg);
            rows.add(DataLinkRow.link(identifier, root + "/soda/sync?ID=" + encode(datasetId) + "&CIRCLE="
                    + encode(circle), "#cutout", "A " + DEFAULT_SIDE_PIXELS + " x " + DEFAULT_SIDE_PIXELS
                    + " pixel FITS stamp of band " + band.name() + " around the row", "application/fits", "#image"));
            String resourceId = "soda-" + source.survey() + "-" + band.name().replaceAll("[^A-Za-z0-9_.-]", "_");
            descriptors.computeIfAbsent(resourceId, key -> new ServiceDescriptor(key, root + "/soda/sync", datasetId,
                    band.effectiveWavelengthMicron() * 1e-6));
            rows.add(DataLinkRow.service(identifier, resourceId, "#cutout", "Any cutout of band " + band.name()
                    + " through SODA (POS, CIRCLE, POLYGON, BAND)"));
        }
        return rows;
    }

    /** A plate of the band whose pixel grid holds the position, if any. */
    private static Optional<Plate> coveringPlate(PlateIndex index, String survey, String band, LonLat centre) {
        for (Plate plate : index.candidates(survey, band, centre, 1e-9)) {
            Optional<PixelPosition> pixel = plate.wcs().worldToPixel(centre);
            if (pixel.isPresent() && pixel.get().x() >= 0.5 && pixel.get().x() <= plate.width() + 0.5
                    && pixel.get().y() >= 0.5 && pixel.get().y() <= plate.height() + 0.5) {
                return Optional.of(plate);
            }
        }
        return Optional.empty();
    }

    private static String rowQuery(PublishedTable published, String rowId) {
        ColumnType type = published.table().column(published.table().idColumn()).orElseThrow().type();
        String value = type == ColumnType.STRING ? "'" + rowId.replace("'", "''") + "'" : rowId.trim();
        return "SELECT * FROM " + published.qualifiedName() + " WHERE " + published.table().idColumn() + " = " + value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every value of a parameter, its name matched case-insensitively, from the query string and a form body. */
    private static List<String> values(Context context, String name) {
        List<String> values = new ArrayList<>();
        context.queryParamMap().forEach((key, list) -> {
            if (key.equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        if ("POST".equals(context.method().name())) {
            context.formParamMap().forEach((key, list) -> {
                if (key.equalsIgnoreCase(name)) {
                    values.addAll(list);
                }
            });
        }
        return values;
    }

    /** Closes the look-up connection (the routes keep working: it reopens on use). */
    @Override
    public void close() {
        try {
            positions.close();
        } catch (SQLException e) {
            // nothing held that outlives the process: closing is best effort
        }
    }
}
