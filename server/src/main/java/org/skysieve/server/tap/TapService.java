package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.formats.WriteSummary;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The TAP 1.1 service at {@code /tap}: {@code sync}, {@code async} (UWS 1.1, see {@link AsyncRoutes}),
 * {@code capabilities}, {@code availability}, {@code tables} ({@code /tables/NAME}) and {@code examples}. Queries go to
 * the {@link AdqlExecutor}; results are written by the {@code formats} writers. Thread-safe; {@link #close()} stops
 * the async pool and the job cleaner.
 */
public final class TapService implements AutoCloseable {
    public static final String BASE = "/tap";
    private final TapSettings settings;
    private final TapMetadata metadata;
    private final QueryRunner queries;
    private final JobStore store;
    private final JobRunner runner;
    private final AsyncRoutes async;

    public TapService(Archive archive, TapSettings settings, AdqlExecutor executor) {
        this(archive, settings, executor, Duration.ofSeconds(30));
    }

    /** As {@link #TapService(Archive, TapSettings, AdqlExecutor)} with the period of the cleaner of expired jobs. */
    public TapService(Archive archive, TapSettings settings, AdqlExecutor executor, Duration cleanerPeriod) {
        requireNonNull(archive, "archive is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.metadata = TapMetadata.of(archive);
        this.queries = new QueryRunner(executor, settings.jobsFolder().resolve(".spool"));
        this.store = new JobStore(settings.jobsFolder().resolve("jobs"));
        this.runner = new JobRunner(store, queries, settings, cleanerPeriod);
        this.async = new AsyncRoutes(store, runner, settings);
    }

    public TapSettings settings() {
        return settings;
    }

    public TapMetadata metadata() {
        return metadata;
    }

    public void register(RoutesConfig routes) {
        routes.before(BASE + "/*", context -> {
            context.header("Server", "skysieve");
            context.attribute(TapParameters.UPLOAD_LIMIT_ATTRIBUTE, settings.uploadLimitBytes());
        });
        routes.get(BASE + "/sync", this::sync);
        routes.post(BASE + "/sync", this::sync);
        routes.get(BASE + "/capabilities", context -> xml(context, VosiDocuments.capabilities(baseUrl(context), settings)));
        routes.get(BASE + "/availability", context -> xml(context, VosiDocuments.availability(true,
                "Serving " + (metadata.tables().size()) + " tables.")));
        routes.get(BASE + "/tables", context -> xml(context, VosiDocuments.tableset(metadata,
                !"min".equalsIgnoreCase(TapParameters.of(context).single("DETAIL").orElse("max")))));
        routes.get(BASE + "/tables/{name}", context -> xml(context, VosiDocuments.table(metadata.table(context.pathParam("name"))
                .orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND, "Expected a table name as listed in " + BASE
                        + "/tables. Actual: " + context.pathParam("name"))))));
        routes.get(BASE + "/examples", context -> context.contentType("application/xhtml+xml; charset=utf-8").result(TapExamples.document()));
        routes.get(BASE, context -> context.redirect(BASE + "/capabilities", io.javalin.http.HttpStatus.SEE_OTHER));
        async.register(routes);
    }

    private void sync(Context context) throws IOException {
        TapParameters parameters = TapParameters.of(context);
        TapRequest request = TapRequest.parse(parameters, settings);
        Path workFolder = Files.createDirectories(settings.jobsFolder().resolve(".sync")).resolve(store.newJobId());
        try {
            Map<String, Path> parts = request.uploads().isEmpty() ? Map.of()
                    : saveUploadedParts(context, workFolder.resolve("uploads"), settings.uploadLimitBytes());
            List<UploadedTable> uploads = UploadSources.resolve(request, parts, workFolder, settings);
            // Results go out as written, never gzipped by Javalin for clients that accept gzip (pyvo's requests does):
            // gzip ran at about 100 MB/s of CPU, a BINARY2 row is ~300 bytes and Parquet is already zstd-compressed.
            context.disableCompression();
            java.util.Optional<AdqlExecutor.ParquetResult> parquet = queries.openParquet(request, uploads, settings.syncTimeout());
            if (parquet.isPresent()) {
                try {
                    context.contentType(request.format().mimeType());
                    OutputStream out = context.outputStream();
                    Files.copy(parquet.get().file(), out);
                    out.flush();
                } finally {
                    Files.deleteIfExists(parquet.get().file());
                }
                return;
            }
            try (ExecutedQuery query = queries.open(request, uploads, settings.syncTimeout())) {
                context.contentType(request.format().mimeType());
                OutputStream out = context.outputStream();
                WriteSummary summary = QueryRunner.write(query, request, queries.spoolFolder(), out);
                out.flush();
                if (summary.overflow()) {
                    org.slf4j.LoggerFactory.getLogger(TapService.class).debug("sync result cut at {} rows", summary.rows());
                }
            } catch (ServiceException | IOException e) {
                throw e;
            } catch (Exception e) {
                throw new ServiceException(ErrorCategory.INTERNAL, "The query could not be completed: " + e.getMessage(), e);
            }
        } finally {
            if (Files.exists(workFolder)) {
                Folders.deleteRecursively(workFolder);
            }
        }
    }

    /** Saves every uploaded file part as {@code folder/PARTNAME}, refusing a total beyond {@code limitBytes}. */
    static Map<String, Path> saveUploadedParts(Context context, Path folder, long limitBytes) throws IOException {
        Map<String, Path> parts = new java.util.LinkedHashMap<>();
        long total = 0;
        Map<String, List<UploadedFile>> files;
        try {
            files = context.uploadedFileMap();
        } catch (Exception e) { // Jetty's refusal arrives as a sneakily thrown ServletException
            throw TapParameters.unreadableBody(context, e);
        }
        for (Map.Entry<String, List<UploadedFile>> entry : files.entrySet()) {
            for (UploadedFile file : entry.getValue()) {
                total += file.size();
                if (total > limitBytes) {
                    throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected uploads of at most " + limitBytes
                            + " bytes in all. Actual: more (part " + entry.getKey() + ")");
                }
                if (!entry.getKey().matches("[A-Za-z0-9_.-]+")) {
                    throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected an upload part name of letters, digits, '_', '.'"
                            + " or '-'. Actual: " + entry.getKey());
                }
                Files.createDirectories(folder);
                Path saved = folder.resolve(entry.getKey());
                try (InputStream in = file.content()) {
                    Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
                }
                parts.put(entry.getKey(), saved);
            }
        }
        return parts;
    }

    static String baseUrl(Context context) {
        return context.scheme() + "://" + context.host() + BASE;
    }

    private static void xml(Context context, String document) {
        context.contentType("text/xml; charset=utf-8").result(document);
    }

    @Override
    public void close() {
        runner.close();
    }
}
