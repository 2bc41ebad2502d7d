package org.skysieve.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.server.datalink.DataLinkRoutes;
import org.skysieve.server.datasets.DatasetEngine;
import org.skysieve.server.datasets.DatasetRoutes;
import org.skysieve.server.datasets.DatasetSettings;
import org.skysieve.server.datasets.LibraryDatasetEngine;
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
 * DataLink at {@code /datalink}, batch cutouts at {@code /cutouts}, dataset jobs at {@code /datasets}, the web portal at
 * {@code /} with its JSON at {@code /api}).
 *
 * <p>Thread-safe: handlers only read the immutable {@link Archive} snapshot.
 */
public final class SkysieveServer implements AutoCloseable {
    private final Javalin javalin;
    private final TapService tap;
    private final XmatchService xmatch;
    private final CutoutRoutes cutouts;

    private final DataLinkRoutes dataLink;
    private final DatasetRoutes datasets;

    private SkysieveServer(Javalin javalin, TapService tap, XmatchService xmatch, CutoutRoutes cutouts,
            DataLinkRoutes dataLink, DatasetRoutes datasets) {
        this.dataLink = dataLink;
        this.datasets = datasets;
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

    /** As {@link #start(Archive, int, TapSettings, AdqlExecutor)}, dataset jobs under {@code datasetSettings}. */
    public static SkysieveServer start(Archive archive, int port, TapSettings tapSettings, AdqlExecutor executor,
            DatasetSettings datasetSettings) {
        return start(archive, port, new TapService(archive, tapSettings, executor), datasetSettings,
                new LibraryDatasetEngine(archive));
    }

    /** Starts serving {@code archive} with a TAP service built by the caller (closed with the server). */
    public static SkysieveServer start(Archive archive, int port, TapService tap) {
        return start(archive, port, tap, DatasetSettings.defaults(archive.layout().root().resolve(".datasets")),
                new LibraryDatasetEngine(archive));
    }

    /**
     * Starts serving {@code archive} with a TAP service built by the caller (closed with the server) and dataset jobs
     * built by {@code datasetEngine} under {@code datasetSettings}.
     */
    public static SkysieveServer start(Archive archive, int port, TapService tap, DatasetSettings datasetSettings,
            DatasetEngine datasetEngine) {
        requireNonNull(archive, "archive is null");
        requireNonNull(tap, "tap is null");
        requireNonNull(datasetSettings, "datasetSettings is null");
        requireNonNull(datasetEngine, "datasetEngine is null");
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
        DatasetRoutes datasets = new DatasetRoutes(datasetSettings, datasetEngine);
        PortalApi portalApi = new PortalApi(archive, maps, soda::plateIndex);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Jetty refuses multipart bodies well beyond the TAP upload limit before spooling them to disk; within the
            // slack, TapService answers with its own 413 naming the limit.
            config.jetty.multipartConfig.maxTotalRequestSize(Math.max(Math.max(tap.settings().uploadLimitBytes(),
                    xmatch.settings().uploadLimitBytes()), datasetSettings.uploadLimitBytes()) + (1 << 20),
                    io.javalin.config.SizeUnit.BYTES);
            health.register(config.routes);
            tap.register(config.routes);
            mocs.register(config.routes);
            xmatch.register(config.routes);
            soda.register(config.routes);
            dataLink.register(config.routes);
            cutouts.register(config.routes);
            datasets.register(config.routes);
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
            datasets.close();
            throw new IllegalArgumentException("Port " + port + " is already in use: stop what uses it, or choose another"
                    + " port with --port", e);
        }
        return new SkysieveServer(javalin, tap, xmatch, cutouts, dataLink, datasets);
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
        datasets.close();
    }
}
