package org.skysieve.server.web;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.catalog.status.StatusMapException;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.sky.Angles;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The JSON the portal's pages need that the IVOA endpoints do not give in one piece, built from the same catalogue
 * model as VOSI ({@link TapMetadata}, the published surveys) so there is no second source of truth:
 * <ul>
 *   <li>{@code GET /api/surveys}: every survey with its reference, epoch, bands (wavelength, pixel scale, median depth,
 *       coverage MOC URL and area in square degrees when the band has maps, number of image plates), tables (row and column counts, id and
 *       position columns) and, when it has images, an example position (the centre of its first plate);</li>
 *   <li>{@code GET /api/tables}: every table of the TAP service (surveys, then TAP_SCHEMA) with its row count and every
 *       column's type, unit, UCD, description, band, what a null means and, for flag columns, each bit (bit, mask,
 *       name, meaning);</li>
 *   <li>{@code GET /api/tables/NAME}: one of them ({@code survey.table}, any case); 404 naming it when unknown.</li>
 * </ul>
 * Both are small (one entry per column, never a row of data). Thread-safe: the archive snapshot is immutable.
 */
public final class PortalApi {
    /** The hosted prefix of these routes. */
    public static final String BASE = "/api";
    private final Archive archive;
    private final TapMetadata metadata;
    private final StatusMaps maps;
    private final Supplier<PlateIndex> plates;

    /**
     * @param plates the server's plate index, asked for on first use (it may be read lazily); a failure to read it
     *               leaves the surveys without image information rather than failing the request
     */
    public PortalApi(Archive archive, StatusMaps maps, Supplier<PlateIndex> plates) {
        this.archive = requireNonNull(archive, "archive is null");
        this.maps = requireNonNull(maps, "maps is null");
        this.plates = requireNonNull(plates, "plates is null");
        this.metadata = TapMetadata.of(archive);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/surveys", context -> json(context, Map.of("surveys", surveys())));
        routes.get(BASE + "/tables", context -> json(context, Map.of("tables",
                metadata.tables().stream().map(PortalApi::table).toList())));
        routes.get(BASE + "/tables/{name}", context -> {
            String name = context.pathParam("name");
            json(context, table(metadata.table(name).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND,
                    "Expected a table of " + BASE + "/tables (schema.table). Actual: " + name))));
        });
    }

    private List<Map<String, Object>> surveys() {
        Optional<PlateIndex> index = plateIndex();
        List<Map<String, Object>> surveys = new ArrayList<>();
        for (PublishedSurvey published : archive.surveys()) {
            String name = published.survey().name();
            List<String> mapped = mappedBands(name);
            List<Map<String, Object>> bands = new ArrayList<>();
            for (Band band : published.survey().bands()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", band.name());
                entry.put("wavelength_micron", finite(band.effectiveWavelengthMicron()));
                entry.put("pixel_scale_arcsec", finite(band.pixelScaleArcsec()));
                entry.put("depth_mag", finite(band.medianDepthMag()));
                entry.put("magnitude_system", band.magnitudeSystem());
                boolean hasMaps = mapped.contains(band.name());
                entry.put("coverage", hasMaps ? "/moc/" + name + "/" + band.name() + "/coverage" : null);
                entry.put("coverage_square_deg", hasMaps ? coverageSquareDeg(name, band.name()) : null);
                entry.put("plates", index.map(i -> i.plates(name, band.name()).size()).orElse(0));
                bands.add(entry);
            }
            List<Map<String, Object>> tables = new ArrayList<>();
            for (PublishedTable table : published.tables()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", table.qualifiedName());
                entry.put("description", table.table().description());
                entry.put("rows", table.rowCount());
                entry.put("columns", table.table().columns().size());
                entry.put("id_column", table.table().idColumn());
                entry.put("ra_column", table.table().raColumn());
                entry.put("dec_column", table.table().decColumn());
                tables.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("title", published.survey().title());
            entry.put("description", published.survey().description());
            entry.put("reference", published.survey().reference());
            entry.put("epoch_year", published.survey().epochYear());
            entry.put("rows", published.totalRows());
            entry.put("bands", bands);
            entry.put("tables", tables);
            entry.put("example_position", index.flatMap(i -> examplePosition(i, name)).orElse(null));
            surveys.add(entry);
        }
        return surveys;
    }

    private List<String> mappedBands(String survey) {
        try {
            return maps.bandNames(survey);
        } catch (StatusMapException e) {
            return List.of();
        }
    }

    /** JSON has no NaN: an unknown value (a survey without a pixel scale) is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private Double coverageSquareDeg(String survey, String band) {
        try {
            return maps.band(survey, band).coverage().areaSquareDeg();
        } catch (StatusMapException e) {
            return null;
        }
    }

    private Optional<PlateIndex> plateIndex() {
        try {
            return Optional.of(plates.get());
        } catch (RuntimeException e) {
            // the survey page is still worth showing without images; the cutout endpoints report the cause
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> examplePosition(PlateIndex index, String survey) {
        if (!index.surveys().contains(survey)) {
            return Optional.empty();
        }
        for (String band : index.bands(survey)) {
            for (Plate plate : index.plates(survey, band)) {
                double x = plate.width() / 2.0;
                double y = plate.height() / 2.0;
                Optional<LonLat> centre = plate.wcs().pixelToWorld(new PixelPosition(x, y));
                if (centre.isPresent()) {
                    // the largest circle about the centre that stays on the plate: to the nearest edge's middle
                    double radiusDeg = Double.POSITIVE_INFINITY;
                    for (PixelPosition edge : List.of(new PixelPosition(0, y), new PixelPosition(plate.width(), y),
                            new PixelPosition(x, 0), new PixelPosition(x, plate.height()))) {
                        Optional<LonLat> point = plate.wcs().pixelToWorld(edge);
                        if (point.isPresent()) {
                            radiusDeg = Math.min(radiusDeg, Angles.radToDeg(Angles.distanceRad(centre.get().lonRad(),
                                    centre.get().latRad(), point.get().lonRad(), point.get().latRad())));
                        }
                    }
                    Map<String, Object> position = new LinkedHashMap<>();
                    position.put("ra", centre.get().lonDeg());
                    position.put("dec", centre.get().latDeg());
                    position.put("band", band);
                    position.put("plate_radius_deg", Double.isFinite(radiusDeg) ? radiusDeg : null);
                    return Optional.of(position);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> table(TapMetadata.Table table) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", table.qualifiedName());
        entry.put("schema", table.schemaName());
        entry.put("description", table.description());
        entry.put("rows", table.rowCount().orElse(null));
        entry.put("principal", table.principal());
        entry.put("columns", table.columns().stream().map(PortalApi::column).toList());
        return entry;
    }

    private static Map<String, Object> column(ColumnDoc column) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", column.name());
        entry.put("datatype", column.type().name().toLowerCase(Locale.ROOT));
        entry.put("unit", column.unit());
        entry.put("ucd", column.ucd());
        entry.put("description", column.description());
        entry.put("band", column.band().orElse(null));
        entry.put("null_meaning", column.nullMeaning());
        List<Map<String, Object>> bits = new ArrayList<>();
        for (FlagBit bit : column.flags().map(flags -> flags.bits()).orElse(List.of())) {
            Map<String, Object> bitEntry = new LinkedHashMap<>();
            bitEntry.put("bit", bit.bit());
            bitEntry.put("mask", Long.toUnsignedString(bit.mask()));
            bitEntry.put("name", bit.name());
            bitEntry.put("description", bit.description());
            bits.add(bitEntry);
        }
        entry.put("flags", column.flags().isPresent() ? bits : null);
        return entry;
    }

    private static void json(Context context, Object body) {
        context.contentType("application/json").result(SurveyJson.toJson(body));
    }
}
