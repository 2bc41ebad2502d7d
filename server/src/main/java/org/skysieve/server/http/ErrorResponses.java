package org.skysieve.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.skysieve.catalog.status.StatusMapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: bad input is a 400 naming what was wrong, an unknown path (or survey, band, map)
 * a 404, and anything unexpected is logged here and answered with a short message, never a stack trace.
 * (Protocol-specific forms, such as TAP's VOTable error documents, will be chosen here by route prefix.)
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(StatusMapException.class, (exception, context) -> {
            HttpStatus status = switch (exception.category()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case BAD_INPUT -> HttpStatus.BAD_REQUEST;
                case BAD_MAP -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
            if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                LOG.error("A map of the archive cannot be read while serving {}", context.path(), exception);
            }
            plain(context, status, exception.getMessage());
        });
        routes.exception(IllegalArgumentException.class, (exception, context) ->
                plain(context, HttpStatus.BAD_REQUEST, exception.getMessage()));
        routes.exception(Exception.class, (exception, context) -> {
            LOG.error("Unexpected failure serving {}", context.path(), exception);
            plain(context, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error while serving " + context.path()
                    + "; the server log has the details.");
        });
        routes.error(404, "*", context -> {
            if (context.result() == null || context.result().isEmpty()) {
                plain(context, HttpStatus.NOT_FOUND, "No resource at " + context.path() + ". See / for what this server offers.");
            }
        });
    }

    private static void plain(Context context, HttpStatus status, String message) {
        context.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }
}
