package org.skysieve.server.xmatch;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.jobs.Job;
import org.skysieve.server.jobs.JobOutcome;
import org.skysieve.server.jobs.JobResult;
import org.skysieve.server.jobs.JobStore;
import org.skysieve.server.jobs.JobStoreSettings;
import org.skysieve.server.jobs.SyncFolders;
import org.skysieve.server.jobs.UwsJobDocument;
import org.skysieve.server.jobs.UwsJobRoutes;

/**
 * Cross-match of an uploaded catalogue against published surveys at {@code /xmatch}.
 *
 * <ul>
 *   <li>{@code POST /xmatch} (multipart: one file part, the catalogue; the parameters of {@link XmatchRequest}): the
 *       result in the response body.</li>
 *   <li>{@code POST /xmatch/async} (the same body): a job, answered 303 to {@code /xmatch/async/ID}; {@code GET
 *       /xmatch/async} lists the jobs, and the job's routes are those of {@link UwsJobRoutes} (job document, phase,
 *       error, abort, delete) with {@code /results/result}, the result file. Jobs are
 *       kept in a {@link JobStore} under {@link XmatchSettings#workFolder()}{@code /jobs}: they and their results
 *       survive a restart (a job interrupted by one ends in ERROR) until their destruction time.</li>
 * </ul>
 *
 * <p>The upload is copied to a file as it arrives (Jetty spools multipart parts to disk), never held whole in memory;
 * a body beyond {@link XmatchSettings#uploadLimitBytes()} is answered 413. Errors are {@link ServiceException}s
 * mapped by {@code ErrorResponses}. Thread-safe.
 */
public final class XmatchService implements AutoCloseable {
    public static final String BASE = "/xmatch";
    /** Room for the text parameters and part headers beside the uploaded file. */
    private static final long FORM_SLACK_BYTES = 64 << 10;
    private static final String RESULT = "result";

    private final Archive archive;
    private final XmatchSettings settings;
    private final JobStore jobs;
    private final UwsJobRoutes asyncRoutes;

    public XmatchService(Archive archive, XmatchSettings settings) {
        this.archive = requireNonNull(archive, "archive is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.jobs = new JobStore(JobStoreSettings.of(settings.workFolder().resolve("jobs"), "cross-match",
                settings.asyncThreads()).withRetention(settings.jobRetention()), JobStore.Resumer.none());
        this.asyncRoutes = new UwsJobRoutes(jobs, BASE + "/async", XmatchService::document);
        SyncFolders.deleteStale(settings.workFolder());
    }

    public XmatchSettings settings() {
        return settings;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE, this::sync);
        routes.post(BASE + "/async", this::createJob);
        asyncRoutes.register(routes);
        routes.get(BASE + "/async/{id}/results/result", context -> {
            Job job = asyncRoutes.job(context);
            JobResult result = job.result(RESULT).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND,
                    "Expected a COMPLETED job. Actual: phase " + job.phase()));
            context.contentType(result.mimeType());
            try (InputStream in = Files.newInputStream(jobs.file(job, result))) {
                in.transferTo(context.outputStream());
            }
        });
    }

    private void sync(Context context) throws IOException {
        Path folder = SyncFolders.newFolder(settings.workFolder(), jobs.newId());
        try {
            Prepared prepared = prepare(context, folder);
            Path out = folder.resolve("result." + prepared.request().format());
            XmatchRun.run(archive, prepared.request(), read(prepared), out);
            context.contentType(prepared.request().mimeType());
            context.header("Content-Disposition", "inline; filename=\"xmatch." + prepared.request().format() + "\"");
            try (InputStream in = Files.newInputStream(out)) {
                in.transferTo(context.outputStream());
            }
        } finally {
            Folders.deleteRecursively(folder);
        }
    }

    private void createJob(Context context) throws IOException {
        jobs.checkCapacity();
        String id = jobs.newId();
        Path folder = jobs.folder(id);
        Prepared prepared;
        try {
            prepared = prepare(context, folder);
        } catch (RuntimeException | IOException e) {
            Folders.deleteRecursively(folder);
            throw e;
        }
        try {
            jobs.submit(id, Map.of("format", prepared.request().format(), "description", prepared.fileName() + " × "
                    + String.join(", ", prepared.request().surveys()) + " within " + prepared.request().radiusArcsec()
                    + " arcsec"), job -> {
                String name = "result." + prepared.request().format();
                long rows = XmatchRun.run(archive, prepared.request(), read(prepared), job.folder().resolve(name));
                return new JobOutcome(List.of(new JobResult(RESULT, name, prepared.request().mimeType())),
                        Map.of("rows", Long.toString(rows)));
            });
        } catch (RuntimeException e) {
            Folders.deleteRecursively(folder);
            throw e;
        }
        context.redirect(context.scheme() + "://" + context.host() + BASE + "/async/" + id, HttpStatus.SEE_OTHER);
    }

    /** The UWS job document: the one result with its rows. */
    private static String document(Job job, String url) {
        return UwsJobDocument.of(job, url, job.results().stream().map(JobResult::name).toList(),
                name -> job.attribute("rows").map(rows -> " rows=\"" + rows + "\"").orElse(""),
                UwsJobDocument.description(job));
    }

    /** The checked parameters and the saved upload of a request. */
    private record Prepared(XmatchRequest request, Path upload, String partName, String fileName) {
    }

    private static UploadedCatalogue read(Prepared prepared) {
        return UploadedCatalogue.read(prepared.upload(), prepared.partName(), prepared.request().raColumn(), prepared.request().decColumn());
    }

    /** Checks the parameters and copies the one uploaded file part into {@code folder}. */
    private Prepared prepare(Context context, Path folder) throws IOException {
        String contentType = context.contentType() == null ? "" : context.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("multipart/form-data")) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a multipart/form-data body with the catalogue as a file part."
                    + " Actual: " + (contentType.isEmpty() ? "no body type" : contentType));
        }
        if (context.contentLength() > settings.uploadLimitBytes() + FORM_SLACK_BYTES) {
            // refused before Jetty spools the body to disk
            throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected an upload of at most " + settings.uploadLimitBytes()
                    + " bytes. Actual: a body of " + context.contentLength() + " bytes");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, List<UploadedFile>> files;
        try {
            context.queryParamMap().forEach((name, list) -> parameters.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
            context.formParamMap().forEach((name, list) -> parameters.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
            files = context.uploadedFileMap();
        } catch (Exception e) { // Jetty's refusal arrives as a sneakily thrown ServletException
            if (context.contentLength() > settings.uploadLimitBytes()) {
                throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected an upload of at most " + settings.uploadLimitBytes()
                        + " bytes. Actual: " + context.contentLength() + " bytes", e);
            }
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a readable multipart body. Actual: " + e.getMessage(), e);
        }
        XmatchRequest request = XmatchRequest.parse(parameters, settings.maxSurveys());
        List<Map.Entry<String, UploadedFile>> parts = new ArrayList<>();
        files.forEach((name, list) -> list.forEach(file -> parts.add(Map.entry(name, file))));
        if (parts.size() != 1) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected one uploaded file part (the catalogue). Actual: "
                    + parts.stream().map(Map.Entry::getKey).toList());
        }
        UploadedFile part = parts.get(0).getValue();
        if (part.size() > settings.uploadLimitBytes()) {
            throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected an upload of at most " + settings.uploadLimitBytes()
                    + " bytes. Actual: " + part.size() + " bytes (part " + parts.get(0).getKey() + ")");
        }
        Files.createDirectories(folder);
        Path saved = folder.resolve("upload");
        try (InputStream in = part.content()) {
            Files.copy(in, saved);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Prepared(request, saved, parts.get(0).getKey(), part.filename() == null ? parts.get(0).getKey() : part.filename());
    }

    /** Stops running jobs; jobs and their results stay in the work folder for the next start. */
    @Override
    public void close() {
        jobs.close();
    }
}
