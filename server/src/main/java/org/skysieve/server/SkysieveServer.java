package org.skysieve.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.health.HealthRoutes;
import org.skysieve.server.http.ErrorResponses;
import org.skysieve.server.moc.MocRoutes;

/**
 * The skysieve HTTP server over one archive. Routes are grouped by capability, one class each
 * ({@code health}, {@code moc} now; TAP, SODA, cross-match, cutouts and the web UI as they land).
 *
 * <p>Thread-safe: handlers only read the immutable {@link Archive} snapshot.
 */
public final class SkysieveServer implements AutoCloseable {
    private final Javalin javalin;

    private SkysieveServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts serving {@code archive} on {@code port} (0 picks a free port) on all interfaces.
     *
     * @throws IllegalArgumentException when the port is out of range or already in use
     */
    public static SkysieveServer start(Archive archive, int port) {
        requireNonNull(archive, "archive is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Expected a port in [0, 65535]. Actual: " + port);
        }
        HealthRoutes health = new HealthRoutes(archive);
        MocRoutes mocs = new MocRoutes(archive, new StatusMaps(archive));
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            health.register(config.routes);
            mocs.register(config.routes);
            ErrorResponses.register(config.routes);
        });
        try {
            javalin.start(port);
        } catch (JavalinBindException e) {
            throw new IllegalArgumentException("Port " + port + " is already in use: stop what uses it, or choose another"
                    + " port with --port", e);
        }
        return new SkysieveServer(javalin);
    }

    /** The port actually listened on. */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
