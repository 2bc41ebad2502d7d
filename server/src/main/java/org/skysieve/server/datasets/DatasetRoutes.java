package org.skysieve.server.datasets;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.ObjectCount;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.jobs.Job;
import org.skysieve.server.jobs.JobResult;
import org.skysieve.server.jobs.JobStore;
import org.skysieve.server.jobs.JobStoreSettings;
import org.skysieve.server.jobs.ResultArchive;
import org.skysieve.server.tap.UwsPhase;

/**
 * ML dataset builds as asynchronous jobs at {@code /datasets}.
 *
 * <ul>
 *   <li>{@code POST /datasets}: the spec as the body (YAML or JSON), or a multipart body with a {@code spec} part and
 *       upload parts (saved under their file names beside the spec). The spec is read and checked before anything is
 *       queued: an invalid one is a 400 listing every problem. Otherwise the job is queued and answered 303 to
 *       {@code /datasets/ID}.</li>
 *   <li>{@code GET /datasets}: the jobs and the configured limits (JSON).</li>
 *   <li>{@code GET /datasets/ID}: the job (JSON): phase, progress, times, error, files with size and SHA-256, links.</li>
 *   <li>{@code POST /datasets/ID} with {@code PHASE=ABORT} aborts it (303 back to it); {@code DELETE /datasets/ID} (or
 *       {@code POST ACTION=DELETE}) aborts and removes it with its files (303 to the list).</li>
 *   <li>{@code GET /datasets/ID/files/NAME}: one file of the finished dataset (shards, {@code manifest.json},
 *       {@code README.md}).</li>
 *   <li>{@code GET /datasets/ID/archive[?format=zip|tar]}: the whole dataset as one archive, streamed.</li>
 * </ul>
 * Jobs live in a {@link JobStore} under {@link DatasetSettings#workFolder()}: they survive a restart, and a build that a
 * restart interrupted continues. Errors are {@link ServiceException}s (and the spec's own exception) that
 * {@code ErrorResponses} answers as JSON. Thread-safe.
 */
public final class DatasetRoutes implements AutoCloseable {
    public static final String BASE = "/datasets";
    private final DatasetSettings settings;
    private final DatasetEngine engine;
    private final JobStore jobs;
    private final DatasetDocuments documents;

    public DatasetRoutes(DatasetSettings settings, DatasetEngine engine) {
        this.settings = requireNonNull(settings, "settings is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.jobs = new JobStore(JobStoreSettings.of(settings.workFolder(), "dataset", settings.maxConcurrentBuilds())
                .withMaxWaiting(settings.maxWaiting()).withRetention(settings.retention()),
                DatasetBuildWork.resumer(engine, settings.maxObjects()));
        this.documents = new DatasetDocuments(jobs, settings);
    }

    public DatasetSettings settings() {
        return settings;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, context -> json(context, documents.list(jobs.list(), base(context))));
        routes.get(BASE + "/{id}", context -> json(context, documents.job(job(context), base(context))));
        routes.post(BASE + "/{id}", this::change);
        routes.delete(BASE + "/{id}", this::delete);
        routes.get(BASE + "/{id}/files/{name}", this::file);
        routes.get(BASE + "/{id}/archive", this::archive);
    }

    private void create(Context context) throws IOException {
        jobs.checkCapacity();
        String id = jobs.newId();
        Path folder = jobs.folder(id);
        DatasetSpec spec;
        try {
            Path specFile = DatasetSubmission.save(context, folder.resolve(DatasetBuildWork.INPUT),
                    settings.uploadLimitBytes());
            spec = engine.read(specFile);
            refuseOverLimit(engine.countObjects(spec, specFile, settings.maxObjects(), settings.countTimeLimit()));
            jobs.submit(id, Map.of("name", spec.name()), new DatasetBuildWork(engine, settings.maxObjects(),
                    Optional.of(spec), specFile));
        } catch (RuntimeException | IOException e) {
            Folders.deleteRecursively(folder); // nothing queued, nothing kept
            throw e;
        }
        context.redirect(base(context) + BASE + "/" + id, HttpStatus.SEE_OTHER);
    }

    /** A spec known before any work to select more objects than the limit is the client's to narrow (400). */
    private void refuseOverLimit(ObjectCount count) {
        if (count.exceeds(settings.maxObjects())) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a dataset of at most "
                    + settings.maxObjects() + " objects (the server's limit). Actual: the spec selects "
                    + count.objects().getAsLong() + " objects (" + count.basis().words() + "); narrow the selection");
        }
    }

    private void change(Context context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        context.formParamMap().forEach((name, values) -> parameters.put(name.toUpperCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        context.queryParamMap().forEach((name, values) -> parameters.putIfAbsent(name.toUpperCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        if ("DELETE".equalsIgnoreCase(parameters.get("ACTION"))) {
            delete(context);
            return;
        }
        if (!"ABORT".equalsIgnoreCase(parameters.get("PHASE"))) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE=ABORT or ACTION=DELETE. Actual: "
                    + (parameters.isEmpty() ? "no parameter" : parameters));
        }
        Job job = job(context);
        jobs.abort(job.id());
        context.redirect(base(context) + BASE + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private void delete(Context context) {
        Job job = job(context);
        jobs.delete(job.id());
        context.redirect(base(context) + BASE, HttpStatus.SEE_OTHER);
    }

    private void file(Context context) throws IOException {
        Job job = completed(context);
        String name = context.pathParam("name");
        if (!DatasetSubmission.FILE_NAME.matcher(name).matches()) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a file name of letters, digits, '.', '_'"
                    + " and '-' (no folders). Actual: '" + name + "'");
        }
        JobResult result = job.result(name).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND,
                "Expected one of the files of dataset " + job.id() + ": " + job.results().stream()
                        .map(JobResult::name).toList() + ". Actual: '" + name + "'"));
        Path file = jobs.file(job, result);
        context.contentType(result.mimeType());
        context.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            in.transferTo(context.outputStream());
        }
    }

    private void archive(Context context) throws IOException {
        Job job = completed(context);
        ResultArchive.Format format = ResultArchive.Format.parse(
                Optional.ofNullable(context.queryParam("format")).orElse("zip"));
        String folder = folderName(job);
        Map<String, Path> files = new LinkedHashMap<>();
        job.results().forEach(result -> files.put(folder + "/" + result.name(), jobs.file(job, result)));
        context.contentType(format.mimeType());
        context.header("Content-Disposition", "attachment; filename=\"" + folder + "." + format.extension() + "\"");
        ResultArchive.write(format, files, job.endTime().orElse(job.creationTime()), context.outputStream());
    }

    /** The archive's top folder: the dataset's name made safe, and the job id. */
    private static String folderName(Job job) {
        String name = job.attribute("name").orElse("").replaceAll("[^A-Za-z0-9._-]", "_");
        return (name.isEmpty() || name.startsWith(".") ? "dataset" : name) + "-" + job.id();
    }

    private Job job(Context context) {
        String id = context.pathParam("id");
        return jobs.job(id).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND, "Expected the id of an"
                + " existing dataset job (see " + BASE + "). Actual: '" + id + "'"));
    }

    private Job completed(Context context) {
        Job job = job(context);
        if (job.phase() != UwsPhase.COMPLETED) {
            throw new ServiceException(ErrorCategory.WRONG_STATE, "Expected a COMPLETED dataset job. Actual: job "
                    + job.id() + " is " + job.phase() + job.errorMessage().map(message -> " (" + message + ")")
                    .orElse(""));
        }
        return job;
    }

    private static String base(Context context) {
        return context.scheme() + "://" + context.host();
    }

    private static void json(Context context, String body) {
        context.contentType("application/json").result(body);
    }

    /** Stops running builds; jobs, their datasets and interrupted builds stay for the next start. */
    @Override
    public void close() {
        jobs.close();
    }
}
