package org.skysieve.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.datalink.DataLinkRoutes;
import org.skysieve.server.cutouts.CutoutRoutes;
import org.skysieve.server.cutouts.CutoutSettings;
import org.skysieve.server.health.HealthRoutes;
import org.skysieve.server.http.ErrorResponses;
import org.skysieve.server.moc.MocRoutes;
import org.skysieve.server.soda.SodaRoutes;
import org.skysieve.server.tap.AdqlExecutor;
import org.skysieve.server.tap.TapService;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.server.tap.UnavailableAdqlExecutor;
import org.skysieve.server.web.PortalApi;
import org.skysieve.server.web.PortalRoutes;
import org.skysieve.server.xmatch.XmatchService;
import org.skysieve.server.xmatch.XmatchSettings;

/**
 * The skysieve HTTP server over one archive. Routes are grouped by capability, one class each
 * ({@code health}, TAP at {@code /tap}, MOCs at {@code /moc}, cross-match at {@code /xmatch}, SODA at {@code /soda},
 * DataLink at {@code /datalink}, the web portal at {@code /} with its JSON at {@code /api}).
 *
 * <p>Thread-safe: handlers only read the immutable {@link Archive} snapshot.
 */
public final class SkysieveServer implements AutoCloseable {
    private final Javalin javalin;
    private final TapService tap;
    private final XmatchService xmatch;
    private final CutoutRoutes cutouts;

    private final DataLinkRoutes dataLink;

    private SkysieveServer(Javalin javalin, TapService tap, XmatchService xmatch, CutoutRoutes cutouts,
            DataLinkRoutes dataLink) {
        this.dataLink = dataLink;
        this.javalin = javalin;
        this.tap = tap;
        this.xmatch = xmatch;
        this.cutouts = cutouts;
    }

    /**
     * Starts serving {@code archive} on {@code port} (0 picks a free port) on all interfaces.
     *
     * @throws IllegalArgumentException when the port is out of range or already in use
     */
    public static SkysieveServer start(Archive archive, int port) {
        return start(archive, port, TapSettings.defaults(archive.layout().root().resolve(".tap")), new UnavailableAdqlExecutor());
    }

    /**
     * Starts serving {@code archive} on {@code port}, with TAP running queries through {@code executor} and keeping its
     * jobs under {@link TapSettings#jobsFolder()}.
     */
    public static SkysieveServer start(Archive archive, int port, TapSettings tapSettings, AdqlExecutor executor) {
        return start(archive, port, new TapService(archive, tapSettings, executor));
    }

    /** Starts serving {@code archive} with a TAP service built by the caller (closed with the server). */
    public static SkysieveServer start(Archive archive, int port, TapService tap) {
        requireNonNull(archive, "archive is null");
        requireNonNull(tap, "tap is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Expected a port in [0, 65535]. Actual: " + port);
        }
        HealthRoutes health = new HealthRoutes(archive);
        StatusMaps maps = new StatusMaps(archive);
        MocRoutes mocs = new MocRoutes(archive, maps);
        XmatchService xmatch = new XmatchService(archive, XmatchSettings.defaults(archive.layout().root().resolve(".xmatch")));
        SodaRoutes soda = new SodaRoutes(archive);
        DataLinkRoutes dataLink = new DataLinkRoutes(archive, soda::plateIndex);
        CutoutRoutes cutouts = new CutoutRoutes(archive, CutoutSettings.defaults(archive.layout().root().resolve(".cutouts")));
        PortalApi portalApi = new PortalApi(archive, maps, soda::plateIndex);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Jetty refuses multipart bodies well beyond the TAP upload limit before spooling them to disk; within the
            // slack, TapService answers with its own 413 naming the limit.
            config.jetty.multipartConfig.maxTotalRequestSize(Math.max(tap.settings().uploadLimitBytes(), xmatch.settings().uploadLimitBytes())
                    + (1 << 20), io.javalin.config.SizeUnit.BYTES);
            health.register(config.routes);
            tap.register(config.routes);
            mocs.register(config.routes);
            xmatch.register(config.routes);
            soda.register(config.routes);
            dataLink.register(config.routes);
            cutouts.register(config.routes);
            new PortalRoutes().register(config.routes);
            portalApi.register(config.routes);
            ErrorResponses.register(config.routes);
        });
        try {
            javalin.start(port);
        } catch (JavalinBindException e) {
            tap.close();
            xmatch.close();
            dataLink.close();
            cutouts.close();
            throw new IllegalArgumentException("Port " + port + " is already in use: stop what uses it, or choose another"
                    + " port with --port", e);
        }
        return new SkysieveServer(javalin, tap, xmatch, cutouts, dataLink);
    }

    /** The port actually listened on. */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        tap.close();
        xmatch.close();
        dataLink.close();
        cutouts.close();
    }
}
