package org.skysieve.server.soda;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.Band;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutException;
import org.skysieve.images.CutoutService;
import org.skysieve.images.PlateIndex;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * IVOA SODA 1.0 synchronous cutouts of the archive's image plates: {@code GET|POST /soda/sync} with the parameters of
 * {@link SodaRequest}, answering a FITS image ({@code application/fits}) with the stamp's WCS; errors are VOTable
 * documents with QUERY_STATUS=ERROR (through {@code ErrorResponses}). Parameter names are case-insensitive (DALI).
 * {@code /soda/capabilities} and {@code /soda/availability} are its VOSI documents ({@link SodaCapabilities}).
 * The plate index is read on the first request. Thread-safe.
 */
public final class SodaRoutes {
    private final Archive archive;
    private volatile CutoutService service;

    public SodaRoutes(Archive archive) {
        this.archive = requireNonNull(archive, "archive is null");
    }

    public void register(RoutesConfig routes) {
        routes.get("/soda/sync", this::sync);
        routes.post("/soda/sync", this::sync);
        routes.get("/soda/capabilities", context -> context.contentType("text/xml; charset=utf-8")
                .result(SodaCapabilities.capabilities(SodaCapabilities.rootUrl(context))));
        routes.get("/soda/availability", context -> context.contentType("text/xml; charset=utf-8")
                .result(SodaCapabilities.availability()));
    }

    /** The plate index of the archive, read on first use and shared (with DataLink). */
    public PlateIndex plateIndex() {
        return service().index();
    }

    private void sync(Context context) throws IOException {
        SodaRequest request = SodaRequest.parse(values(context, "ID"), values(context, "POS"),
                values(context, "CIRCLE"), values(context, "POLYGON"), values(context, "BAND"));
        CutoutService cutouts = service();
        String band = request.band() != null ? request.band() : bandFor(request, cutouts);
        Cutout cutout;
        try {
            cutout = cutouts.cut(request.survey(), band, request.centre(), request.size());
        } catch (CutoutException e) {
            throw new ServiceException(e.reason() == CutoutException.Reason.NOT_FOUND ? ErrorCategory.NOT_FOUND
                    : ErrorCategory.BAD_REQUEST, e.getMessage(), e);
        }
        context.contentType("application/fits");
        context.header("Content-Disposition", String.format(Locale.ROOT, "inline; filename=\"%s_%s_%.5f_%+.5f.fits\"",
                request.survey(), band, request.centre().lonDeg(), request.centre().latDeg()));
        context.result(cutout.toFits());
    }

    /** The band whose effective wavelength lies in the BAND interval (metres); exactly one must. */
    private String bandFor(SodaRequest request, CutoutService cutouts) {
        if (request.bandIntervalMetres() == null) {
            if (cutouts.index().bands(request.survey()).size() == 1) {
                return cutouts.index().bands(request.survey()).iterator().next();
            }
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected ID=SURVEY/BAND or a BAND parameter to"
                    + " choose among " + cutouts.index().bands(request.survey()) + " of '" + request.survey() + "'");
        }
        double lower = request.bandIntervalMetres()[0];
        double upper = request.bandIntervalMetres()[1];
        List<Band> bands = archive.survey(request.survey()).map(published -> published.survey().bands())
                .orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND, "Expected a survey of this archive."
                        + " Actual: '" + request.survey() + "'"));
        List<String> matches = bands.stream().filter(band -> {
            double metres = band.effectiveWavelengthMicron() * 1e-6;
            return metres >= lower && metres <= upper;
        }).map(Band::name).filter(name -> cutouts.index().bands(request.survey()).contains(name)).toList();
        if (matches.size() != 1) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected BAND " + lower + " " + upper
                    + " (metres) to hold the effective wavelength of exactly one imaged band of " + request.survey()
                    + ". Actual: " + matches);
        }
        return matches.get(0);
    }

    private CutoutService service() {
        CutoutService current = service;
        if (current == null) {
            synchronized (this) {
                if (service == null) {
                    try {
                        service = new CutoutService(PlateIndex.open(archive.layout().root()),
                                CutoutService.DEFAULT_MAX_SIDE_PIXELS);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                current = service;
            }
        }
        return current;
    }

    /** Every value of a parameter, its name matched case-insensitively, from the query string and a form body. */
    private static List<String> values(Context context, String name) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
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
}
