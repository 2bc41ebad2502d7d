package org.skysieve.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The web portal's files: plain HTML, CSS and ES modules kept as classpath resources under {@code web/} and served as
 * they are (no build step, nothing fetched from outside the server).
 * <ul>
 *   <li>{@code GET /}: the portal's first page ({@code web/index.html}, the surveys);</li>
 *   <li>{@code GET /portal/PATH}: {@code web/PATH}, for the other pages ({@code columns.html}, {@code query.html}, ...),
 *       the style sheet and the modules. Only names of letters, digits, {@code -}, {@code _} and {@code /} with a known
 *       suffix are served; anything else is a 404.</li>
 * </ul>
 * Every answer carries {@code Cache-Control: no-cache} (the browser revalidates, so a new server version shows at once)
 * and a Content-Security-Policy allowing this server only, so a page cannot load anything from outside it.
 * Stateless and thread-safe.
 */
public final class PortalRoutes {
    /** The hosted prefix of every portal file but the first page. */
    public static final String BASE = "/portal";
    private static final String RESOURCES = "web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private static final String POLICY = "default-src 'self'; img-src 'self' blob: data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public void register(RoutesConfig routes) {
        routes.get("/", context -> serve(context, "index.html"));
        routes.get(BASE, context -> context.redirect("/"));
        routes.get(BASE + "/<path>", context -> serve(context, context.pathParam("path")));
    }

    private static void serve(Context context, String path) throws IOException {
        String type = type(path).orElseThrow(() -> notFound(path));
        try (InputStream in = PortalRoutes.class.getClassLoader().getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw notFound(path);
            }
            context.contentType(type);
            context.header("Cache-Control", "no-cache");
            context.header("Content-Security-Policy", POLICY);
            context.header("X-Content-Type-Options", "nosniff");
            context.result(in.readAllBytes());
        }
    }

    private static Optional<String> type(String path) {
        if (!path.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z]+")) {
            return Optional.empty();
        }
        String suffix = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(suffix));
    }

    private static ServiceException notFound(String path) {
        return new ServiceException(ErrorCategory.NOT_FOUND, "Expected a portal page or file under " + BASE
                + "/ (e.g. " + BASE + "/query.html). Actual: " + path);
    }
}
