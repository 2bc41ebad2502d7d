package org.skysieve.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.catalog.status.StatusMapException;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.datasets.spec.SpecProblem;
import org.skysieve.formats.VoTableDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: a {@link ServiceException} gets its category's status, bad
 * input ({@link IllegalArgumentException}) a 400 naming what was wrong, an invalid dataset spec
 * ({@link InvalidDatasetSpecException}) a 400 listing every problem, an unknown path (or survey, band, map) a 404, and anything
 * unexpected is logged here and answered with a short message, never a stack trace.
 *
 * <p>The form follows the protocol of the path: under {@code /tap} a DALI error document (a VOTable with
 * {@code QUERY_STATUS=ERROR} and the message), also under {@code /soda} and {@code /datalink}; under {@code /datasets}
 * JSON ({@code {"status": 400, "error": "...", "problems": ["...", ...]}}, problems only for an invalid spec);
 * elsewhere plain text.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ServiceException.class, (exception, context) -> {
            if (exception.category() == ErrorCategory.INTERNAL) {
                LOG.error("Failure serving {}", context.path(), exception);
            }
            respond(context, exception.category().httpStatus(), exception.getMessage());
        });
        routes.exception(StatusMapException.class, (exception, context) -> {
            ErrorCategory category = switch (exception.category()) {
                case NOT_FOUND -> ErrorCategory.NOT_FOUND;
                case BAD_INPUT -> ErrorCategory.BAD_REQUEST;
                case BAD_MAP -> ErrorCategory.INTERNAL;
            };
            if (category == ErrorCategory.INTERNAL) {
                LOG.error("A map of the archive cannot be read while serving {}", context.path(), exception);
            }
            respond(context, category.httpStatus(), exception.getMessage());
        });
        routes.exception(InvalidDatasetSpecException.class, (exception, context) ->
                respond(context, ErrorCategory.BAD_REQUEST.httpStatus(), exception.getMessage(),
                        exception.problems().stream().map(SpecProblem::toString).toList()));
        routes.exception(IllegalArgumentException.class, (exception, context) ->
                respond(context, 400, exception.getMessage()));
        routes.exception(Exception.class, (exception, context) -> {
            LOG.error("Unexpected failure serving {}", context.path(), exception);
            respond(context, 500, "Internal error while serving " + context.path()
                    + "; the server log has the details.");
        });
        routes.error(404, "*", context -> {
            boolean unanswered = context.result() == null || context.result().isEmpty();
            // Javalin answers an unmatched path with its own text; /datasets speaks JSON only
            boolean notJson = context.path().startsWith("/datasets")
                    && !String.valueOf(context.res().getContentType()).startsWith("application/json");
            if (unanswered || notJson) {
                respond(context, 404, "No resource at " + context.path() + ". See / for what this server offers.");
            }
        });
    }

    /** Writes the error in the form of the path's protocol. Usable by handlers that report an error themselves. */
    public static void respond(Context context, int httpStatus, String message) {
        respond(context, httpStatus, message, List.of());
    }

    private static void respond(Context context, int httpStatus, String message, List<String> problems) {
        context.status(httpStatus);
        if (context.path().startsWith("/datasets")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", httpStatus);
            body.put("error", message);
            if (!problems.isEmpty()) {
                body.put("problems", problems);
            }
            context.contentType("application/json").result(SurveyJson.toJson(body));
        } else if (context.path().startsWith("/tap") || context.path().startsWith("/soda")
                || context.path().startsWith("/datalink")) {
            context.contentType("application/x-votable+xml").result(VoTableDocuments.error(message));
        } else {
            context.contentType("text/plain; charset=utf-8").result(message + "\n");
        }
    }
}
